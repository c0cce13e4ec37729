import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decryptCredentials, encryptCredentials } from './credentials';

const key = randomBytes(32).toString('base64');

describe('channel credentials at rest', () => {
  it('round-trips any credentials', () => {
    fc.assert(
      // "__proto__" is no credential name, and zod (rightly) will not read it back as one.
      fc.property(
        fc.dictionary(
          fc.string().filter((key) => key !== '__proto__'),
          fc.string(),
        ),
        (credentials) => {
          expect(decryptCredentials(encryptCredentials(credentials, key), key)).toEqual(
            credentials,
          );
        },
      ),
    );
  });

  it('never stores the secret in the clear and differs on every encryption', () => {
    const first = encryptCredentials({ accessToken: 'secret-token-123' }, key);
    const second = encryptCredentials({ accessToken: 'secret-token-123' }, key);
    expect(first).not.toContain('secret-token-123');
    expect(first).not.toEqual(second);
  });

  it('refuses a tampered ciphertext or another key', () => {
    const sealed = encryptCredentials({ accessToken: 'abc' }, key);
    const parts = sealed.split('.');
    const tampered = [...parts.slice(0, 3), Buffer.from('xyz').toString('base64url')].join('.');
    expect(() => decryptCredentials(tampered, key)).toThrow();
    expect(() => decryptCredentials(sealed, randomBytes(32).toString('base64'))).toThrow();
  });
});
