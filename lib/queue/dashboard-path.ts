/** Where the queues' dashboard is mounted (app/admin/queues): pages link here without loading it. */
export const DASHBOARD_PATH = '/admin/queues';
