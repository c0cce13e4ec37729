// The queues' dashboard (bull-board in app/admin/queues) answers administrators only: they may
// act on jobs; campaign leads watch read only; every other role gets 404; a signed-out visitor is
// sent to sign in.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET, PUT } from '@/app/admin/queues/[[...path]]/route';
import { QUEUES } from '@/lib/queue/jobs';
import { queue } from '@/lib/queue/queues';
import { tokenFor } from '../support/api';
import { resetDatabase } from '../support/database';

const ADMIN = 'admin@nw-rocu.example';
const LEAD = 'lead@nw-rocu.example';
const NONCE = 'dGVzdC1ub25jZQ==';

async function dashboard(
  path: string,
  options: { email?: string; method?: string; headers?: Record<string, string> } = {},
) {
  const headers = new Headers(options.headers);
  if (options.email) headers.set('authorization', `Bearer ${await tokenFor(options.email)}`);
  const request = new Request(`http://localhost:3000/admin/queues${path}`, {
    method: options.method ?? 'GET',
    headers,
  });
  const handler = request.method === 'PUT' ? PUT : GET;
  const response = await handler(request);
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

interface QueuesAnswer {
  queues: { name: string; readOnlyMode: boolean; counts: Record<string, number> }[];
}

beforeAll(async () => {
  await resetDatabase();
  await queue(QUEUES.webhooks).resume();
});

describe('the queue dashboard', () => {
  it('shows administrators every queue, its page running under the CSP nonce', async () => {
    const page = await dashboard('', {
      email: ADMIN,
      headers: { 'content-security-policy': `script-src 'self' 'nonce-${NONCE}' 'strict-dynamic'` },
    });
    expect(page.status).toBe(200);
    expect(page.headers.get('content-type')).toMatch(/text\/html/);
    const scripts = [...page.text.matchAll(/<script[^>]*>/g)].map(([tag]) => tag);
    expect(scripts.length).toBeGreaterThan(0);
    for (const tag of scripts) expect(tag).toContain(`nonce="${NONCE}"`);

    // The page's own script is served from @bull-board/ui's files.
    const src = /<script[^>]*src="([^"]+)"/.exec(page.text)?.[1];
    expect(src).toBeDefined();
    const asset = await dashboard(`/${src!.replace(/^(\.\/|\/admin\/queues\/)/, '')}`, {
      email: ADMIN,
    });
    expect(asset.status).toBe(200);

    const api = await dashboard('/api/queues', { email: ADMIN });
    expect(api.status).toBe(200);
    const answer = JSON.parse(api.text) as QueuesAnswer;
    expect(answer.queues.map((q) => q.name).sort()).toEqual(Object.values(QUEUES).sort());
    expect(answer.queues.every((q) => !q.readOnlyMode)).toBe(true);
  });

  it('lets an administrator act on a queue', async () => {
    const paused = await dashboard(`/api/queues/${QUEUES.webhooks}/pause`, {
      email: ADMIN,
      method: 'PUT',
      headers: { origin: 'http://localhost:3000' },
    });
    expect(paused.status).toBeLessThan(300);
    expect(await queue(QUEUES.webhooks).isPaused()).toBe(true);
    await dashboard(`/api/queues/${QUEUES.webhooks}/resume`, { email: ADMIN, method: 'PUT' });
    expect(await queue(QUEUES.webhooks).isPaused()).toBe(false);
  });

  it('refuses a change sent from another site, even with an administrator’s credentials', async () => {
    const answer = await dashboard(`/api/queues/${QUEUES.webhooks}/pause`, {
      email: ADMIN,
      method: 'PUT',
      headers: { origin: 'https://elsewhere.example' },
    });
    expect(answer.status).toBe(404);
    expect(await queue(QUEUES.webhooks).isPaused()).toBe(false);
  });

  it('shows campaign leads the queues read only, and refuses their changes', async () => {
    const api = await dashboard('/api/queues', { email: LEAD });
    expect(api.status).toBe(200);
    const answer = JSON.parse(api.text) as QueuesAnswer;
    expect(answer.queues.length).toBe(Object.values(QUEUES).length);
    expect(answer.queues.every((q) => q.readOnlyMode)).toBe(true);
    const change = await dashboard(`/api/queues/${QUEUES.webhooks}/pause`, {
      email: LEAD,
      method: 'PUT',
    });
    expect(change.status).toBe(403);
    expect(await queue(QUEUES.webhooks).isPaused()).toBe(false);
  });

  it.each([
    'comms@lancashire.example',
    'viewer@cumbria.example',
    'partner@lancashire-county-council.example',
  ])('answers %s 404, as if there were no dashboard', async (email) => {
    expect((await dashboard('', { email })).status).toBe(404);
    expect((await dashboard('/api/queues', { email })).status).toBe(404);
  });

  it('sends a signed-out visitor to sign in, and answers a signed-out API call 401', async () => {
    const page = await dashboard('', { headers: { accept: 'text/html' } });
    expect(page.status).toBe(303);
    expect(page.headers.get('location')).toMatch(
      /\/sign-in\?next=%2Fadmin%2Fqueues|\/sign-in\?next=\/admin\/queues/,
    );
    expect((await dashboard('/api/queues')).status).toBe(401);
  });
});
