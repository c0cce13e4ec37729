// Bad input always gets the platform's own clear error, never a sandbox error: every route of
// every platform, called with a token the platform accepts and bodies and queries of all sorts.
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { sandboxAppPassword, sandboxToken } from './credentials';
import { SANDBOX_PLATFORMS } from './dispatch';
import { createSandbox, type Sandbox } from './server';

let sandbox: Sandbox;
let platforms: Record<Platform, string>;
const ACCOUNTS: Record<Platform, string> = {
  x: '1001',
  facebook: '2002',
  instagram: '3003',
  linkedin: 'urn:li:organization:4004',
  threads: '5005',
  bluesky: 'did:plc:lancspoliceexample0000',
  mastodon: '6006',
  nextdoor: '7007',
};
const tokens = {} as Record<Platform, string>;
beforeAll(async () => {
  sandbox = createSandbox();
  ({ platforms } = await sandbox.listen(0));
  for (const platform of PLATFORMS) tokens[platform] = sandboxToken(platform, ACCOUNTS[platform]);
  const session = await fetch(`${platforms.bluesky}/xrpc/com.atproto.server.createSession`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      identifier: ACCOUNTS.bluesky,
      password: sandboxAppPassword(ACCOUNTS.bluesky),
    }),
  });
  tokens.bluesky = ((await session.json()) as { accessJwt: string }).accessJwt;
});
afterAll(() => sandbox.close());

const BODIES: { type?: string; body?: string }[] = [
  {},
  { type: 'application/json', body: '{' },
  { type: 'application/json', body: '[]' },
  { type: 'application/json', body: 'null' },
  { type: 'application/json', body: '{"text":{"nested":[1,2]},"media":"x","record":7}' },
  {
    type: 'application/x-www-form-urlencoded',
    body: 'a[]=1&a[b]=2&__proto__[x]=1&media_ids[]=&%zz=1',
  },
  { type: 'multipart/form-data; boundary=xyz', body: '--xyz\r\nno headers here' },
  { type: 'image/png', body: '\u0000\u0001' },
];
const QUERIES = [
  '',
  '?limit=abc&max_results=-1&ids=,,&fields=((&uris=at%3A%2F%2F&q=author&author=%E0%A4%A',
];

describe.each(PLATFORMS)('the %s sandbox', (platform) => {
  it('answers every route’s bad input with a 4xx in its own words', async () => {
    const routes = SANDBOX_PLATFORMS[platform].routes;
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.constantFrom(...BODIES),
        fc.constantFrom(...QUERIES),
        fc.constantFrom('x', '0', '%E0%A4%A', 'urn:li:share:1'),
        async (route, { type, body }, query, param) => {
          const path = route.path.replace(/:[A-Za-z]+/g, param);
          const response = await fetch(`${platforms[platform]}${path}${query}`, {
            method: route.method,
            headers: {
              authorization: `Bearer ${tokens[platform]}`,
              ...(type ? { 'content-type': type } : {}),
            },
            body: route.method === 'GET' ? undefined : body,
          });
          const text = await response.text();
          expect(response.status, `${route.method} ${path}${query}: ${text}`).toBeLessThan(500);
          // A consent page is a browser's page: the platform refuses there in HTML, not JSON.
          if (response.status >= 400 && route.browserPage)
            expect(response.headers.get('content-type')).toContain('text/html');
          else if (response.status >= 400) expect(() => JSON.parse(text) as unknown).not.toThrow();
        },
      ),
      { numRuns: 60 },
    );
  });
});
