// The origins better-auth may redirect to and fetch from: the app's own, and, for single sign-on
// requests only, the issuers administrators registered (their discovery documents, keys and
// token endpoints are fetched server-side, and the plugin refuses any origin not trusted).
import { db } from '../db';

export async function ssoTrustedOrigins(appUrl: string, request?: Request): Promise<string[]> {
  const own = [new URL(appUrl).origin];
  if (!request || !new URL(request.url).pathname.includes('/sso')) return own;
  const providers = await db.ssoProvider.findMany({ select: { issuer: true } });
  return [...own, ...providers.map((provider) => new URL(provider.issuer).origin)];
}
