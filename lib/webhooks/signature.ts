// Signing a delivery (API.md): `Signpost-Signature: t=<unix seconds>,v1=<hex HMAC-SHA256 of
// "<t>.<raw body>" keyed with the secret>`. The timestamp is inside what is signed, so a receiver
// that refuses stale timestamps cannot be fed an old delivery again. Pure.
import { createHmac, timingSafeEqual } from 'node:crypto';

/** How old a signature a receiver should still accept, by default. */
export const SIGNATURE_TOLERANCE_SECONDS = 5 * 60;

function digest(secret: string, timestamp: number, body: string): string {
  return createHmac('sha256', secret).update(`${timestamp}.${body}`, 'utf8').digest('hex');
}

/** The Signpost-Signature header for this body, signed at `now`. */
export function signatureHeader(secret: string, body: string, now: Date): string {
  const timestamp = Math.floor(now.getTime() / 1000);
  return `t=${timestamp},v1=${digest(secret, timestamp, body)}`;
}

export interface SignatureCheck {
  secret: string;
  /** The raw body as received, before any JSON parsing. */
  body: string;
  header: string | null | undefined;
  now: Date;
  toleranceSeconds?: number;
}

/**
 * Whether the header signs this body with this secret, recently enough: what a receiver does
 * (the Settings page shows the same steps). Any v1 in the header may match.
 */
export function verifySignature(check: SignatureCheck): boolean {
  if (!check.header) return false;
  const parts = check.header.split(',').map((part) => part.trim().split('='));
  const timestampText = parts.find(([key]) => key === 't')?.[1];
  if (timestampText === undefined || !/^\d{1,12}$/.test(timestampText)) return false;
  const timestamp = Number(timestampText);
  const age = Math.abs(check.now.getTime() / 1000 - timestamp);
  if (age > (check.toleranceSeconds ?? SIGNATURE_TOLERANCE_SECONDS)) return false;
  const expected = Buffer.from(digest(check.secret, timestamp, check.body), 'hex');
  return parts.some(([key, value]) => {
    if (key !== 'v1' || value === undefined || !/^[0-9a-f]{64}$/.test(value)) return false;
    return timingSafeEqual(expected, Buffer.from(value, 'hex'));
  });
}
