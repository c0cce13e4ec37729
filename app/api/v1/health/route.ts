import { healthEndpoint } from '@/lib/api/endpoints/foundation';
import { handle } from '@/lib/api/handle';
import { checkHealth } from '@/lib/health/check-health';

export const dynamic = 'force-dynamic';

export const GET = handle(healthEndpoint, async () => {
  const health = await checkHealth();
  return Response.json(health, { status: health.status === 'ok' ? 200 : 503 });
});
