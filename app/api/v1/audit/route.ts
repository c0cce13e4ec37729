import { listAuditEndpoint } from '@/lib/api/endpoints/audit';
import { handle } from '@/lib/api/handle';
import { listAudit } from '@/lib/audit/list-audit';

export const GET = handle(listAuditEndpoint, ({ actor, query }) => listAudit(actor, query));
