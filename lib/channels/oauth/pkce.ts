// The secrets of one authorisation flow: the state that ties the platform's callback to its start
// (RFC 6749 §10.12) and the PKCE verifier with its S256 challenge (RFC 7636). Both are 32 random
// bytes, base64url (43 characters, inside PKCE's 43–128). Only the state's SHA-256 is stored, so a
// copy of the database cannot answer a callback.
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';

export function createSecret(): string {
  return randomBytes(32).toString('base64url');
}

/** RFC 7636 §4.2: BASE64URL(SHA256(ASCII(verifier))), no padding. */
export function s256Challenge(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

export function hashState(state: string): string {
  return createHash('sha256').update(state, 'utf8').digest('hex');
}

/** RFC 7636 §4.1: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]. */
export function isVerifier(text: string): boolean {
  return /^[A-Za-z0-9\-._~]{43,128}$/.test(text);
}

/** Whether a state from a callback is the one whose hash was stored, in constant time. */
export function stateMatches(state: string, storedHash: string): boolean {
  const given = Buffer.from(hashState(state), 'hex');
  const stored = Buffer.from(storedHash, 'hex');
  return given.length === stored.length && timingSafeEqual(given, stored);
}
