// The attacker's story from issue 8: guesses sent to better-auth's own sign-in route used to count
// for nothing, so the API token route then took the right password at once. Every route a
// password arrives by now counts against the same account and address, in Redis.
import { beforeAll, describe, expect, it } from 'vitest';
import { GET as authGet, POST as authPost } from '@/app/api/auth/[...all]/route';
import { POST as postToken } from '@/app/api/v1/auth/token/route';
import { env } from '@/lib/env';
import { call } from '../support/api';
import { resetDatabase } from '../support/database';

type ErrorBody = { error: { code: string; message: string } };

const RIGHT = 'signpost-demo';
const WRONG = 'not-the-password';

function authRequest(path: string, init: { method?: string; body?: unknown; address: string }) {
  const headers = new Headers({ 'x-forwarded-for': init.address });
  if (init.body !== undefined) headers.set('content-type', 'application/json');
  return new Request(`${env().APP_URL}/api/auth${path}`, {
    method: init.method ?? (init.body === undefined ? 'GET' : 'POST'),
    headers,
    body: init.body === undefined ? undefined : JSON.stringify(init.body),
  });
}

const signInEmail = (email: string, password: string, address: string) =>
  authPost(authRequest('/sign-in/email', { body: { email, password }, address }));

const tokenRoute = (email: string, password: string, address: string) =>
  call<ErrorBody>(postToken, '/auth/token', {
    body: { email, password },
    headers: { 'x-forwarded-for': address },
  });

beforeAll(async () => {
  await resetDatabase();
});

describe('one throttle for every way to sign in', () => {
  it('nine wrong passwords through /api/auth/sign-in/email lock the API token route too', async () => {
    const email = 'comms@lancashire.example';
    const statuses: number[] = [];
    for (let guess = 0; guess < 9; guess++)
      statuses.push((await signInEmail(email, WRONG, '198.51.100.1')).status);
    // Five wrong answers, then refused without a check, as the sign-in form and the token route are.
    expect(statuses).toEqual([401, 401, 401, 401, 401, 429, 429, 429, 429]);
    const refused = await tokenRoute(email, RIGHT, '198.51.100.2');
    expect(refused.status).toBe(429);
    expect(refused.body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('nine wrong passwords through the API token route lock /api/auth/sign-in/email too', async () => {
    const email = 'comms@merseyside.example';
    for (let guess = 0; guess < 9; guess++)
      expect([401, 429]).toContain((await tokenRoute(email, WRONG, '198.51.100.3')).status);
    const refused = await signInEmail(email, RIGHT, '198.51.100.4');
    expect(refused.status).toBe(429);
    expect(refused.headers.get('set-cookie')).toBeNull();
    const body = (await refused.json()) as ErrorBody;
    expect(body.error.code).toBe('rate_limited');
    expect(Number(refused.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('counts one address guessing many accounts, whichever route it uses', async () => {
    const address = '198.51.100.5';
    const accounts = ['cheshire', 'cumbria', 'north-wales', 'greater-manchester', 'nw-rocu'];
    let guesses = 0;
    for (const force of accounts)
      for (let guess = 0; guess < 4 && guesses < 20; guess++, guesses++) {
        const email = `comms@${force}.example`;
        const response =
          guesses % 2 === 0
            ? await signInEmail(email, WRONG, address)
            : await tokenRoute(email, WRONG, address);
        expect(response.status).toBe(401);
      }
    expect((await signInEmail('lead@nw-rocu.example', RIGHT, address)).status).toBe(429);
    expect((await tokenRoute('lead@nw-rocu.example', RIGHT, '198.51.100.6')).status).toBe(201);
  });

  it('signs in with the right password through /api/auth/sign-in/email, with a session cookie', async () => {
    const response = await signInEmail('lead@nw-rocu.example', RIGHT, '198.51.100.7');
    expect(response.status).toBe(200);
    expect(response.headers.get('set-cookie')).toMatch(
      /better-auth\.session_token=.*HttpOnly.*SameSite=Lax/i,
    );
  });
});

describe('better-auth endpoints Signpost does not use', () => {
  it.each([
    ['POST', '/sign-up/email', { email: 'new@x.example', password: 'a-long-password', name: 'X' }],
    ['POST', '/forget-password', { email: 'lead@nw-rocu.example' }],
    ['POST', '/request-password-reset', { email: 'lead@nw-rocu.example' }],
    ['POST', '/change-password', { currentPassword: RIGHT, newPassword: 'another-password' }],
    ['POST', '/update-user', { name: 'Changed' }],
    ['GET', '/list-sessions', undefined],
    ['GET', '/ok', undefined],
  ] as const)('%s %s answers 404', async (method, path, body) => {
    const handler = method === 'GET' ? authGet : authPost;
    const response = await handler(authRequest(path, { method, body, address: '198.51.100.8' }));
    expect(response.status).toBe(404);
    expect(((await response.json()) as ErrorBody).error.code).toBe('not_found');
  });

  it('still serves the session endpoints', async () => {
    const response = await authGet(authRequest('/get-session', { address: '198.51.100.9' }));
    expect(response.status).toBe(200);
  });
});
