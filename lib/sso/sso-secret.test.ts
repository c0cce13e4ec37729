import { randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sealOidcConfig, unsealOidcConfig } from './sso-secret';

const KEY = randomBytes(32).toString('base64');

describe('the identity provider client secret at rest', () => {
  it('is sealed in the stored configuration and unsealed for the plugin', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1, maxLength: 200 }), (secret) => {
        const stored = sealOidcConfig(JSON.stringify({ clientId: 'c', clientSecret: secret }), KEY);
        const sealed = (JSON.parse(stored ?? '{}') as { clientSecret: string }).clientSecret;
        expect(sealed).toMatch(/^v1\./);
        expect(sealed).not.toBe(secret);
        expect(JSON.parse(unsealOidcConfig(stored ?? null, KEY) ?? '{}')).toEqual({
          clientId: 'c',
          clientSecret: secret,
        });
      }),
      { numRuns: 50 },
    );
  });

  it('is not sealed twice', () => {
    const once = sealOidcConfig(JSON.stringify({ clientSecret: 'hunter2-secret' }), KEY);
    expect(sealOidcConfig(once, KEY)).toBe(once);
  });
});
