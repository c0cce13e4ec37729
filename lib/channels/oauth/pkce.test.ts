import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createSecret, hashState, isVerifier, s256Challenge, stateMatches } from './pkce';

describe('PKCE and state', () => {
  it('makes verifiers RFC 7636 accepts, and never the same one twice', () => {
    const made = Array.from({ length: 200 }, createSecret);
    expect(made.every(isVerifier)).toBe(true);
    expect(new Set(made).size).toBe(made.length);
  });

  it('computes the S256 challenge of RFC 7636 appendix B', () => {
    expect(s256Challenge('dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk')).toBe(
      'E9Melhoa2OwvFrEMTJguCHaoeK1t8URWbuGJSstw-cM',
    );
  });

  it('a challenge is unpadded base64url of the SHA-256, for any verifier', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-Za-z0-9\-._~]{43,128}$/), (verifier) => {
        const challenge = s256Challenge(verifier);
        expect(challenge).toMatch(/^[A-Za-z0-9_-]{43}$/);
        expect(Buffer.from(challenge, 'base64url')).toEqual(
          createHash('sha256').update(verifier).digest(),
        );
      }),
    );
  });

  it('a state matches its own hash only', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (state, other) => {
        expect(stateMatches(state, hashState(state))).toBe(true);
        if (other !== state) expect(stateMatches(other, hashState(state))).toBe(false);
      }),
    );
  });

  it('refuses verifiers of the wrong length or alphabet', () => {
    expect(isVerifier('a'.repeat(42))).toBe(false);
    expect(isVerifier('a'.repeat(129))).toBe(false);
    expect(isVerifier(`${'a'.repeat(42)}+`)).toBe(false);
  });
});
