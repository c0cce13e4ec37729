import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { SIGNATURE_TOLERANCE_SECONDS, signatureHeader, verifySignature } from './signature';

const secret = fc.string({ minLength: 1, maxLength: 80 });
const body = fc.string({ maxLength: 2000, unit: 'grapheme' });
const instant = fc.date({
  min: new Date('2000-01-01T00:00:00Z'),
  max: new Date('2100-01-01T00:00:00Z'),
  noInvalidDate: true,
});

describe('webhook signatures', () => {
  it('any body verifies with the secret it was signed with', () => {
    fc.assert(
      fc.property(secret, body, instant, (key, text, now) => {
        const header = signatureHeader(key, text, now);
        expect(verifySignature({ secret: key, body: text, header, now })).toBe(true);
      }),
    );
  });

  it('a changed character of the body does not verify', () => {
    fc.assert(
      fc.property(
        secret,
        fc.string({ minLength: 1, maxLength: 500 }),
        instant,
        fc.nat(),
        fc.string({ minLength: 1, maxLength: 1 }),
        (key, text, now, position, replacement) => {
          const index = position % text.length;
          const changed = text.slice(0, index) + replacement + text.slice(index + 1);
          fc.pre(changed !== text);
          const header = signatureHeader(key, text, now);
          expect(verifySignature({ secret: key, body: changed, header, now })).toBe(false);
        },
      ),
    );
  });

  it('a wrong secret does not verify', () => {
    fc.assert(
      fc.property(secret, secret, body, instant, (key, other, text, now) => {
        fc.pre(key !== other);
        const header = signatureHeader(key, text, now);
        expect(verifySignature({ secret: other, body: text, header, now })).toBe(false);
      }),
    );
  });

  it('a stale (or far future) timestamp does not verify', () => {
    fc.assert(
      fc.property(
        secret,
        body,
        instant,
        fc.integer({ min: SIGNATURE_TOLERANCE_SECONDS + 1, max: 10 * 365 * 86_400 }),
        fc.boolean(),
        (key, text, signedAt, seconds, later) => {
          const header = signatureHeader(key, text, signedAt);
          const now = new Date(signedAt.getTime() + (later ? 1 : -1) * seconds * 1000);
          expect(verifySignature({ secret: key, body: text, header, now })).toBe(false);
        },
      ),
    );
  });

  it('a missing, malformed or tampered header does not verify', () => {
    const now = new Date('2026-12-01T12:00:00Z');
    const header = signatureHeader('s3cret', '{"a":1}', now);
    const check = { secret: 's3cret', body: '{"a":1}', now };
    expect(verifySignature({ ...check, header })).toBe(true);
    for (const bad of [
      null,
      '',
      'v1=abc',
      header.replace(/t=\d+/, 't=soon'),
      header.replace(/v1=./, 'v1=x'),
      header.replace(/t=(\d+)/, (_, t: string) => `t=${Number(t) + 1}`),
    ])
      expect(verifySignature({ ...check, header: bad })).toBe(false);
  });
});
