// The queues' dashboard: bull-board (its Hono adapter), one board per kind of access, built once
// per process. Two boards rather than one switched per request: bull-board's read-only mode is a
// property of each queue adapter, and a read-only board refuses every change on its own server
// side too, whatever a page sends. The route handler (app/admin/queues) picks the board.
import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { HonoAdapter } from '@bull-board/hono';
import { serveStatic } from '@hono/node-server/serve-static';
import { Hono } from 'hono';
import type { DashboardAccess } from './dashboard-access';
import { DASHBOARD_PATH } from './dashboard-path';
import { ALL_QUEUES, queue } from './queues';

const DESCRIPTIONS: Record<string, string> = {
  publish: 'One delayed job per scheduled post, due at its time',
  maintenance: 'The reconciler and the nightly retention run',
  metrics: 'Reading published posts’ figures',
  notify: 'Email notifications and the daily digests',
  webhooks: 'Webhook deliveries',
};

function board(readOnlyMode: boolean): Hono {
  const serverAdapter = new HonoAdapter(serveStatic);
  serverAdapter.setBasePath(DASHBOARD_PATH);
  createBullBoard({
    queues: ALL_QUEUES.map(
      (name) =>
        new BullMQAdapter(queue(name), {
          readOnlyMode,
          allowRetries: !readOnlyMode,
          description: DESCRIPTIONS[name] ?? '',
        }),
    ),
    serverAdapter,
    options: {
      uiConfig: {
        boardTitle: readOnlyMode ? 'Signpost queues (read only)' : 'Signpost queues',
        hideDocsLink: true,
        miscLinks: [{ text: 'Back to Signpost', url: '/settings' }],
      },
    },
  });
  const app = new Hono();
  app.route(DASHBOARD_PATH, serverAdapter.registerPlugin());
  return app;
}

const globalForDashboard = globalThis as unknown as {
  signpostDashboards?: Partial<Record<'manage' | 'read', Hono>>;
};

export function dashboardFor(access: Exclude<DashboardAccess, 'none'>): Hono {
  const boards = (globalForDashboard.signpostDashboards ??= {});
  return (boards[access] ??= board(access === 'read'));
}
