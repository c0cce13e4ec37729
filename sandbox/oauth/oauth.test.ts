// The platforms' authorisation flows in the sandbox, over HTTP as a browser and an app would
// drive them: the consent page, its "Authorise" and "Cancel", and the code exchange refusing a
// wrong or missing PKCE verifier, a replayed or expired code and another redirect URI, in each
// platform's own error shape.
import { createHash, randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Platform } from '@/lib/platforms/types';
import { facebookAppSecret } from '../credentials';
import { createSandbox, type Sandbox } from '../server';

let clock = Date.now();
let sandbox: Sandbox;
let platforms: Record<Platform, string>;
beforeAll(async () => {
  sandbox = createSandbox({ now: () => new Date(clock) });
  ({ platforms } = await sandbox.listen(0));
});
afterAll(() => sandbox.close());

const REDIRECT = 'http://localhost:3999/settings/channels/callback/x';
const verifier = () => randomBytes(32).toString('base64url');
const challenge = (text: string) => createHash('sha256').update(text).digest('base64url');

async function decide(authoriseUrl: string, decision: 'allow' | 'deny', account?: string) {
  const page = await fetch(authoriseUrl);
  const html = await page.text();
  const form = new URLSearchParams();
  for (const [, name, value] of html.matchAll(
    /<input type="hidden" name="([^"]+)" value="([^"]*)">/g,
  ))
    form.set(name ?? '', (value ?? '').replaceAll('&amp;', '&'));
  form.set('decision', decision);
  if (account) form.set('account', account);
  const answer = await fetch(new URL(authoriseUrl).origin + new URL(authoriseUrl).pathname, {
    method: 'POST',
    body: form,
    redirect: 'manual',
  });
  return { page, html, answer, back: new URL(answer.headers.get('location') ?? 'http://none/') };
}

describe('X OAuth 2.0 with PKCE', () => {
  const authorise = (codeVerifier: string, extra: Record<string, string> = {}) =>
    `${platforms.x}/i/oauth2/authorize?${new URLSearchParams({
      response_type: 'code',
      client_id: 'signpost-sandbox',
      redirect_uri: REDIRECT,
      scope: 'tweet.read tweet.write users.read offline.access',
      state: 'state-123',
      code_challenge: challenge(codeVerifier),
      code_challenge_method: 'S256',
      ...extra,
    })}`;
  const token = (fields: Record<string, string>) =>
    fetch(`${platforms.x}/2/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'authorization_code',
        client_id: 'signpost-sandbox',
        redirect_uri: REDIRECT,
        ...fields,
      }),
    });

  it('shows an accessible consent page and sends the code back with the state', async () => {
    const codeVerifier = verifier();
    const { page, html, answer, back } = await decide(authorise(codeVerifier), 'allow', '42');
    expect(page.headers.get('content-type')).toContain('text/html');
    expect(html).toContain('<html lang="en">');
    expect(html).toMatch(/<label for="account">/);
    expect(html).toContain('>Authorise</button>');
    expect(html).toContain('>Cancel</button>');
    expect(answer.status).toBe(303);
    expect(back.origin + back.pathname).toBe(REDIRECT);
    expect(back.searchParams.get('state')).toBe('state-123');
    const code = back.searchParams.get('code') ?? '';

    const granted = await token({ code, code_verifier: codeVerifier });
    expect(granted.status).toBe(200);
    const body = (await granted.json()) as { access_token: string; refresh_token?: string };
    expect(body.refresh_token).toBeTruthy();
    const me = await fetch(`${platforms.x}/2/users/me`, {
      headers: { authorization: `Bearer ${body.access_token}` },
    });
    expect(((await me.json()) as { data: { id: string } }).data.id).toBe('42');

    // The refresh token works with the client it was issued to.
    const renewed = await fetch(`${platforms.x}/2/oauth2/token`, {
      method: 'POST',
      body: new URLSearchParams({
        grant_type: 'refresh_token',
        refresh_token: body.refresh_token ?? '',
        client_id: 'signpost-sandbox',
      }),
    });
    expect(renewed.status).toBe(200);

    // The same code again is refused, as X refuses it.
    const replayed = await token({ code, code_verifier: codeVerifier });
    expect(replayed.status).toBe(400);
    expect(await replayed.json()).toEqual({
      error: 'invalid_request',
      error_description: 'Value passed for the token was invalid.',
    });
  });

  it('sends a refusal back when the person cancels', async () => {
    const { back } = await decide(authorise(verifier()), 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('state')).toBe('state-123');
    expect(back.searchParams.has('code')).toBe(false);
  });

  it('refuses a wrong or missing verifier, another redirect URI and an expired code', async () => {
    const codeVerifier = verifier();
    const codeOf = async () =>
      (await decide(authorise(codeVerifier), 'allow', '42')).back.searchParams.get('code') ?? '';

    const wrong = await token({ code: await codeOf(), code_verifier: verifier() });
    expect(wrong.status).toBe(400);
    const missing = await token({ code: await codeOf() });
    expect(await missing.json()).toMatchObject({ error: 'invalid_request' });
    const elsewhere = await token({
      code: await codeOf(),
      code_verifier: codeVerifier,
      redirect_uri: 'http://localhost:3999/elsewhere',
    });
    expect(elsewhere.status).toBe(400);
    const code = await codeOf();
    clock += 31_000;
    const expired = await token({ code, code_verifier: codeVerifier });
    expect(expired.status).toBe(400);
  });

  it('requires PKCE and shows an error page, not a redirect, for a bad redirect URI', async () => {
    const noPkce = await fetch(authorise(verifier()).replace(/&code_challenge=[^&]+/, ''), {
      redirect: 'manual',
    });
    expect(noPkce.status).toBe(303);
    expect(new URL(noPkce.headers.get('location') ?? '').searchParams.get('error')).toBe(
      'invalid_request',
    );
    const badRedirect = await fetch(
      authorise(verifier(), { redirect_uri: 'javascript:alert(1)' }),
      {
        redirect: 'manual',
      },
    );
    expect(badRedirect.status).toBe(400);
    expect(badRedirect.headers.get('location')).toBeNull();
  });
});

describe('Facebook Login', () => {
  const FB_REDIRECT = 'http://localhost:3999/settings/channels/callback/facebook';
  const secret = facebookAppSecret('signpost-sandbox');
  const dialog = (codeVerifier: string) =>
    `${platforms.facebook}/dialog/oauth?${new URLSearchParams({
      client_id: 'signpost-sandbox',
      redirect_uri: FB_REDIRECT,
      state: 'fb-state',
      response_type: 'code',
      scope: 'pages_show_list,pages_manage_posts,instagram_basic,instagram_content_publish',
      code_challenge: challenge(codeVerifier),
      code_challenge_method: 'S256',
    })}`;
  const exchange = (params: Record<string, string>) =>
    fetch(
      `${platforms.facebook}/oauth/access_token?${new URLSearchParams({
        client_id: 'signpost-sandbox',
        client_secret: secret,
        redirect_uri: FB_REDIRECT,
        ...params,
      })}`,
    );

  it('gives the Pages with their tokens, which publish to the Page and its Instagram account', async () => {
    const codeVerifier = verifier();
    const { back } = await decide(dialog(codeVerifier), 'allow', '100000000000001');
    expect(back.searchParams.get('state')).toBe('fb-state');
    const code = back.searchParams.get('code') ?? '';
    const short = await exchange({ code, code_verifier: codeVerifier });
    expect(short.status).toBe(200);
    const { access_token: shortToken } = (await short.json()) as { access_token: string };
    const long = await exchange({
      grant_type: 'fb_exchange_token',
      fb_exchange_token: shortToken,
    });
    const { access_token: longToken, expires_in } = (await long.json()) as {
      access_token: string;
      expires_in: number;
    };
    expect(expires_in).toBeGreaterThan(50 * 24 * 3600);
    const pages = await fetch(
      `${platforms.facebook}/me/accounts?fields=id,name,access_token,instagram_business_account{id,username}&access_token=${longToken}`,
    );
    const { data } = (await pages.json()) as {
      data: { id: string; access_token: string; instagram_business_account?: { id: string } }[];
    };
    const page = data.find((entry) => entry.instagram_business_account);
    expect(page).toBeDefined();
    const feed = await fetch(`${platforms.facebook}/${page?.id}/feed`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${page?.access_token}`,
      },
      body: JSON.stringify({ message: 'Hello from the sandbox' }),
    });
    expect(feed.status).toBe(200);
    const media = await fetch(
      `${platforms.instagram}/${page?.instagram_business_account?.id}/media`,
      {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          authorization: `Bearer ${page?.access_token}`,
        },
        body: JSON.stringify({ image_url: 'https://example.org/a.jpg', caption: 'Hello' }),
      },
    );
    expect(media.status).toBe(200);

    const replayed = await exchange({ code, code_verifier: codeVerifier });
    expect(replayed.status).toBe(400);
    expect(await replayed.json()).toMatchObject({
      error: {
        message: 'This authorization code has been used.',
        type: 'OAuthException',
        code: 100,
        error_subcode: 36009,
      },
    });
  });

  it('refuses a wrong verifier, another redirect URI and a wrong app secret, and passes on a cancel', async () => {
    const codeVerifier = verifier();
    const codeOf = async () =>
      (await decide(dialog(codeVerifier), 'allow', '100000000000001')).back.searchParams.get(
        'code',
      ) ?? '';
    const wrong = await exchange({ code: await codeOf(), code_verifier: verifier() });
    expect(((await wrong.json()) as { error: { code: number } }).error.code).toBe(100);
    const elsewhere = await exchange({
      code: await codeOf(),
      code_verifier: codeVerifier,
      redirect_uri: 'http://localhost:3999/elsewhere',
    });
    expect(((await elsewhere.json()) as { error: { message: string } }).error.message).toContain(
      'redirect_uri',
    );
    const badSecret = await exchange({
      code: await codeOf(),
      code_verifier: codeVerifier,
      client_secret: 'nope',
    });
    expect(badSecret.status).toBe(400);
    const { back } = await decide(dialog(codeVerifier), 'deny');
    expect(back.searchParams.get('error')).toBe('access_denied');
    expect(back.searchParams.get('error_reason')).toBe('user_denied');
  });
});
