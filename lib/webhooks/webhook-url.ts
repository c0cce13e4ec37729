// What a webhook URL may be. Everywhere: http(s), no user name or password in it (they would be
// stored and shown), at most 2,000 characters. In production a host that is an IP address of our
// own network (address-policy.ts) is refused at once; a host name is checked again on every
// delivery, on the address it resolves to then (send-delivery.ts). Pure.
import { z } from 'zod';
import { refusalReason, refusedAddressKind } from './address-policy';

export const WEBHOOK_URL_MAX = 2000;

export const WebhookUrl = z
  .string()
  .trim()
  .min(1, 'give the URL of your endpoint')
  .max(WEBHOOK_URL_MAX, `must be at most ${WEBHOOK_URL_MAX} characters`)
  .superRefine((value, context) => {
    const problem = urlProblem(value);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  })
  .meta({ description: 'http:// or https:// URL that Signpost POSTs each event to' });

function urlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return 'is not a URL (it must start with https:// or http://)';
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:')
    return 'must start with https:// or http://';
  if (url.username !== '' || url.password !== '')
    return 'must not contain a user name or password (use the signature to trust deliveries)';
  if (url.hostname === '') return 'must name a host';
  return null;
}

/** The host of a stored URL, for the audit log and lists: never its path or query. */
export function webhookHost(url: string): string {
  try {
    return new URL(url).host;
  } catch {
    return 'an unreadable URL';
  }
}

/**
 * Why production refuses this URL before any delivery: its host is an IP address of a private,
 * loopback or other refused range, or a name that is loopback by definition (RFC 6761).
 */
export function productionUrlProblem(value: string): string | null {
  const hostname = new URL(value).hostname.toLowerCase();
  if (hostname === 'localhost' || hostname.endsWith('.localhost'))
    return `${hostname} is this server itself, which webhooks may not reach`;
  const kind = refusedAddressKind(hostname);
  return kind ? refusalReason(hostname.replace(/^\[(.*)\]$/, '$1'), kind) : null;
}
