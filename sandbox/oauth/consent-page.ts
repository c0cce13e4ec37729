// The consent page a platform shows a person before it hands an app an authorisation code: who
// asks, for which account and what it may do, an "Authorise" button and a "Cancel". Plain,
// accessible HTML (a language, a title, one heading, labelled fields, real buttons) that posts the
// person's decision back to the same path with the request's parameters, as the platforms' own
// pages do. The decision is then answered by a redirect to the client's redirect URI.
import type { SandboxReply, SandboxRequest } from '../routes';

export interface ConsentPage {
  /** The platform's name as its page says it ("X", "Facebook"). */
  platformName: string;
  client: string;
  scopes: string[];
  /** The parameters the decision is posted back with. */
  params: URLSearchParams;
  /** The account the person signs in as: a labelled field with this default. */
  account: { label: string; value: string; hint: string };
  /** More the page says (the Pages a Facebook login covers). */
  details?: string[];
}

export function consentPage(request: SandboxRequest, page: ConsentPage): SandboxReply {
  const hidden = [...page.params]
    .filter(([name]) => name !== 'account' && name !== 'decision')
    .map(([name, value]) => `<input type="hidden" name="${html(name)}" value="${html(value)}">`)
    .join('\n        ');
  const scopes = page.scopes.map((scope) => `<li><code>${html(scope)}</code></li>`).join('');
  const details = (page.details ?? []).map((line) => `<p>${html(line)}</p>`).join('\n      ');
  const body = `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <title>Authorise ${html(page.client)} – ${html(page.platformName)} (sandbox)</title>
    <style>
      body { font: 16px/1.5 system-ui, sans-serif; margin: 0; color: #1a1a1a; background: #f4f4f4; }
      main { max-width: 32rem; margin: 2rem auto; padding: 1.5rem; background: #fff; border-radius: 8px; }
      h1 { font-size: 1.4rem; margin-top: 0; }
      label { display: block; font-weight: 600; margin-top: 1rem; }
      input[type=text] { width: 100%; box-sizing: border-box; padding: .5rem; font: inherit; border: 1px solid #595959; border-radius: 4px; }
      .hint { color: #4a4a4a; font-size: .9rem; margin: .25rem 0 0; }
      .actions { display: flex; flex-wrap: wrap; gap: .75rem; margin-top: 1.5rem; }
      button { font: inherit; padding: .6rem 1.2rem; border-radius: 4px; border: 2px solid #1a1a1a; cursor: pointer; }
      button[value=allow] { background: #1a1a1a; color: #fff; }
      button[value=deny] { background: #fff; color: #1a1a1a; }
      button:focus-visible, input:focus-visible { outline: 3px solid #0b5fff; outline-offset: 2px; }
    </style>
  </head>
  <body>
    <main>
      <h1>Authorise ${html(page.client)} to use your ${html(page.platformName)} account</h1>
      <p>This is the platform sandbox: no real account is involved.</p>
      ${details}
      <p>It asks for:</p>
      <ul>${scopes}</ul>
      <form method="post" action="${html(new URL(request.url).pathname)}">
        ${hidden}
        <label for="account">${html(page.account.label)}</label>
        <input type="text" id="account" name="account" value="${html(page.account.value)}" aria-describedby="account-hint" required>
        <p class="hint" id="account-hint">${html(page.account.hint)}</p>
        <div class="actions">
          <button type="submit" name="decision" value="allow">Authorise</button>
          <button type="submit" name="decision" value="deny" formnovalidate>Cancel</button>
        </div>
      </form>
    </main>
  </body>
</html>`;
  return { status: 200, body, headers: { 'content-type': 'text/html; charset=utf-8' } };
}

/** A page for a request the platform will not send anywhere (an unknown client, a bad redirect). */
export function authorisationErrorPage(platformName: string, message: string): SandboxReply {
  const body = `<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>Something went wrong – ${html(platformName)} (sandbox)</title></head>
  <body><main><h1>Something went wrong</h1><p>${html(message)}</p></main></body>
</html>`;
  return { status: 400, body, headers: { 'content-type': 'text/html; charset=utf-8' } };
}

/** The redirect back to the client, with the code or the refusal in the query. */
export function redirectBack(redirectUri: string, params: Record<string, string>): SandboxReply {
  const url = new URL(redirectUri);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return { status: 303, headers: { location: url.toString() } };
}

/** The fields of a GET query or a posted form, as one URLSearchParams. */
export function requestParams(request: SandboxRequest): URLSearchParams {
  if (request.method === 'GET') return request.query;
  const value = request.parsed.kind === 'form' ? request.parsed.value : {};
  const params = new URLSearchParams();
  if (typeof value === 'object' && value !== null)
    for (const [name, field] of Object.entries(value))
      if (typeof field === 'string') params.set(name, field);
  return params;
}

/** A redirect URI a platform would send a browser to: absolute http(s), no fragment. */
export function acceptableRedirectUri(value: string | null): value is string {
  if (!value || !URL.canParse(value)) return false;
  const url = new URL(value);
  return (url.protocol === 'http:' || url.protocol === 'https:') && url.hash === '';
}

function html(text: string): string {
  return text
    .replaceAll('&', '&amp;')
    .replaceAll('<', '&lt;')
    .replaceAll('>', '&gt;')
    .replaceAll('"', '&quot;')
    .replaceAll("'", '&#39;');
}
