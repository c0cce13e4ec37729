import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { nonceFor, nonceMatches } from './sso-nonce';

const SECRET = 'a-test-secret-that-is-long-enough-to-use';

describe('the OpenID Connect nonce', () => {
  it('matches only the state it was made for', () => {
    fc.assert(
      fc.property(fc.string({ minLength: 1 }), fc.string({ minLength: 1 }), (state, other) => {
        expect(nonceMatches(nonceFor(state, SECRET), state, SECRET)).toBe(true);
        if (other !== state)
          expect(nonceMatches(nonceFor(other, SECRET), state, SECRET)).toBe(false);
      }),
    );
  });

  it('refuses a missing or non-text nonce', () => {
    expect(nonceMatches(undefined, 'state', SECRET)).toBe(false);
    expect(nonceMatches(42, 'state', SECRET)).toBe(false);
    expect(nonceMatches('', 'state', SECRET)).toBe(false);
  });
});
