// What Facebook, Instagram and Threads share: Meta's Graph API error object, its throttling
// headers and the insights edge's shape (developers.facebook.com/docs/graph-api/guides/error-handling).
import { randomBytes } from 'node:crypto';
import type { Platform } from '@/lib/platforms/types';
import {
  accessToken,
  Refusal,
  type FaultKind,
  type SandboxReply,
  type SandboxRequest,
} from '../routes';
import type { SandboxState } from '../state';
import { checkToken, type TokenCheck } from '../tokens';
import { instagramAccountOfPage } from './facebook-pages';

// Meta's codes: 100 invalid parameter, 190 access token, 32 page request limit, 2 service error.
const CODES: Record<number, number> = { 400: 100, 401: 190, 403: 10, 404: 100, 429: 32, 500: 2 };

/**
 * The account a Graph API token acts for (a Page, an Instagram or Threads user), refused as the
 * Graph API refuses it (developers.facebook.com/docs/graph-api/guides/error-handling): no token
 * #104, a token it did not issue #190, an expired one #190/463, one without the permission #200.
 * With `owner`, the token must act for that object's account, as a Page token posts to its Page only.
 */
export function graphCaller(
  request: SandboxRequest,
  state: SandboxState,
  platform: Platform,
  needs: { permission: string; owner?: string },
): string {
  const token = accessToken(request);
  if (!token) throw graphRefusal(400, 104, 'An access token is required to request this resource.');
  const check = instagramByPage(
    token,
    platform,
    state,
    checkToken(token, { platform, kinds: ['user'], now: state.now() }),
  );
  if (!check.ok && check.reason === 'expired')
    throw graphRefusal(400, 190, 'Error validating access token: Session has expired.', 463);
  if (!check.ok)
    throw graphRefusal(400, 190, 'Invalid OAuth access token - Cannot parse access token');
  const { account, scopes } = check.claims;
  if (!scopes.includes(needs.permission) || (needs.owner !== undefined && needs.owner !== account))
    throw graphRefusal(
      403,
      200,
      `(#200) The user hasn't authorized the application to perform this action (${needs.permission})`,
    );
  return account;
}

export function graphRefusal(
  status: number,
  code: number,
  message: string,
  subcode?: number,
): Refusal {
  return new Refusal({
    status,
    body: {
      error: {
        message,
        type: 'OAuthException',
        code,
        ...(subcode ? { error_subcode: subcode } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  });
}

export function metaError(status: number, message: string): SandboxReply {
  const code = CODES[status] ?? 1;
  return {
    status,
    body: {
      error: {
        message: code === 100 ? `(#100) ${message}` : message,
        type: status === 401 || status === 400 ? 'OAuthException' : 'GraphMethodException',
        code,
        ...(status >= 500 ? { is_transient: true } : {}),
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  };
}

const FAULT_MESSAGES: Record<FaultKind, string> = {
  '429': 'There have been too many calls to this Page account. Wait a bit and try again.',
  '500': 'An unexpected error has occurred. Please retry your request later.',
  '401': 'Error validating access token: Session has expired.',
};

export function metaFault(
  kind: FaultKind,
  retryAfterSeconds: number,
  account: string,
): SandboxReply {
  const reply = metaError(Number(kind), FAULT_MESSAGES[kind]);
  if (kind !== '429') return reply;
  const usage = {
    [account || 'app']: [
      {
        type: 'pages',
        call_count: 100,
        total_cputime: 40,
        total_time: 45,
        estimated_time_to_regain_access: Math.ceil(retryAfterSeconds / 60),
      },
    ],
  };
  return {
    ...reply,
    headers: {
      'retry-after': String(retryAfterSeconds),
      'x-business-use-case-usage': JSON.stringify(usage),
    },
  };
}

/**
 * Graph's answer for an object that does not exist, or no longer does (a deleted post): #100 with
 * subcode 33, "Unsupported get request".
 */
export function metaNoSuchObject(id: string): Refusal {
  return new Refusal({
    status: 400,
    body: {
      error: {
        message: `Unsupported get request. Object with ID '${id}' does not exist, cannot be loaded due to missing permissions, or does not support this operation. Please read the Graph API documentation at https://developers.facebook.com/docs/graph-api`,
        type: 'GraphMethodException',
        code: 100,
        error_subcode: 33,
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  });
}

/**
 * Since Graph v23 one metric it no longer offers fails the whole insights request with #100
 * (`why` gives the platform's words). `retired` are the really retired ones; the sandbox's config
 * can retire more, so the adapters' fallback can be seen working.
 */
export function refuseRetired(
  wanted: readonly string[],
  retired: readonly string[],
  state: SandboxState,
  why: (metric: string) => string,
): void {
  const refused = wanted.find(
    (metric) => retired.includes(metric) || state.retiredMetrics.has(metric),
  );
  if (refused === undefined) return;
  throw new Refusal({
    status: 400,
    body: {
      error: {
        message: `(#100) ${why(refused)}`,
        type: 'OAuthException',
        code: 100,
        fbtrace_id: randomBytes(8).toString('base64url'),
      },
    },
  });
}

/** The insights edge: one entry per metric, lifetime period. */
export function insights(
  objectId: string,
  values: Record<string, number | Record<string, number>>,
) {
  return {
    data: Object.entries(values).map(([name, value]) => ({
      name,
      period: 'lifetime',
      values: [{ value }],
      title: name,
      description: `Lifetime ${name.replace(/_/g, ' ')}`,
      id: `${objectId}/insights/${name}/lifetime`,
    })),
  };
}

/** Graph API times: ISO 8601 with a +0000 offset. */
export function graphTime(date: Date): string {
  return date.toISOString().replace(/\.\d{3}Z$/, '+0000');
}

/** The `since` parameter: a Unix timestamp (seconds) or a strtotime-style date. */
export function sinceParameter(value: string | null): number | null {
  if (value === null) return null;
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : at;
}

/** Graph booleans arrive as JSON booleans or, form-encoded, as "true"/"false". */
export function graphFlag(value: unknown): boolean | undefined {
  if (value === undefined) return undefined;
  return value === true || value === 'true';
}

/**
 * On Meta an Instagram professional account is reached with its Facebook Page's token: a Page
 * token of the sandbox's Page with a linked account acts for that account.
 */
function instagramByPage(
  token: string,
  platform: Platform,
  state: SandboxState,
  check: TokenCheck,
): TokenCheck {
  if (platform !== 'instagram' || check.ok || check.reason !== 'unknown') return check;
  const page = checkToken(token, { platform: 'facebook', kinds: ['user'], now: state.now() });
  if (!page.ok) return page.reason === 'unknown' ? check : page;
  const account = instagramAccountOfPage(page.claims.account);
  return account ? { ok: true, claims: { ...page.claims, account } } : check;
}
