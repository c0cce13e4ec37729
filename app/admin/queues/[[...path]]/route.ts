// The queues' dashboard (bull-board) inside the app, behind the session: administrators may act
// on jobs, campaign leads watch read only, anyone else is answered 404 and a signed-out visitor is
// sent to sign in (lib/queue/dashboard-access.ts). bull-board reads its UI from disk: Node only.
import { actorFromHeaders } from '@/lib/auth/actor';
import { env } from '@/lib/env';
import { cspNonce, dashboardAccess, withNonce } from '@/lib/queue/dashboard-access';
import { dashboardFor } from '@/lib/queue/dashboard';
import { DASHBOARD_PATH } from '@/lib/queue/dashboard-path';

export const runtime = 'nodejs';
export const dynamic = 'force-dynamic';

const READS = new Set(['GET', 'HEAD']);

const notFound = () =>
  Response.json({ error: { code: 'not_found', message: 'Not found.' } }, { status: 404 });

async function serve(request: Request): Promise<Response> {
  const actor = await actorFromHeaders(request.headers);
  if (!actor) {
    if (request.method === 'GET' && request.headers.get('accept')?.includes('text/html'))
      return Response.redirect(new URL(`/sign-in?next=${DASHBOARD_PATH}`, env().APP_URL), 303);
    return Response.json(
      { error: { code: 'unauthorized', message: 'Sign in to see the queues.' } },
      { status: 401 },
    );
  }
  const access = dashboardAccess(actor);
  if (access === 'none') return notFound();
  if (!READS.has(request.method)) {
    // Changes come only from the dashboard's own page, never from another site's form or script.
    const origin = request.headers.get('origin');
    if (origin !== null && origin !== new URL(env().APP_URL).origin) return notFound();
    if (access === 'read')
      return Response.json(
        { error: { code: 'forbidden', message: 'The queues are read only for your role.' } },
        { status: 403 },
      );
  }
  const response = await dashboardFor(access).fetch(request);
  const nonce = cspNonce(request.headers.get('content-security-policy'));
  if (!nonce || !response.headers.get('content-type')?.startsWith('text/html')) return response;
  // The page's scripts carry this request's nonce, or the CSP (proxy.ts) blocks them.
  const headers = new Headers(response.headers);
  headers.delete('content-length');
  return new Response(withNonce(await response.text(), nonce), {
    status: response.status,
    headers,
  });
}

export const GET = serve;
export const POST = serve;
export const PUT = serve;
export const PATCH = serve;
export const DELETE = serve;
