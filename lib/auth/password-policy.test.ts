import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  passwordMessage,
  passwordProblems,
  PASSWORD_PROBLEMS,
  personalWords,
} from './password-policy';

const person = { email: 'jo.bloggs@lancashire.example', name: 'Jo Bloggs' };
const problems = (password: string) => passwordProblems({ password, ...person });

describe('the password policy', () => {
  it('accepts a long passphrase of unrelated words', () => {
    expect(problems('trombone-velvet-harbour')).toEqual([]);
    expect(problems('correct horse battery staple')).toEqual([]);
  });

  it('refuses anything shorter than 12 characters, whatever it is made of', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 11, unit: 'grapheme' }), (password) => {
        fc.pre([...password].length < 12);
        expect(problems(password)).toEqual(['too_short']);
      }),
    );
  });

  it('refuses the common passwords attackers try first, even padded to length', () => {
    for (const password of [
      'password1234',
      'Password123!',
      'qwertyuiop12',
      'iloveyou1234',
      '123456789012',
    ])
      expect(problems(password)).toEqual(['common']);
  });

  it('refuses easily guessed patterns', () => {
    expect(problems('aaaaaaaaaaaaaaa')).toEqual(['guessable']);
  });

  it('refuses a password containing the person’s name or email, in any case', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('bloggs', 'BLOGGS', 'jo.bloggs', 'Bloggs'),
        fc.string({ minLength: 6, maxLength: 20 }),
        fc.string({ maxLength: 10 }),
        (word, before, after) => {
          expect(problems(`${before}${word}${after}`)).toEqual(['personal']);
        },
      ),
    );
  });

  it('accepts long random passwords', () => {
    fc.assert(
      fc.property(fc.stringMatching(/^[A-HJ-NP-Z2-9]{20}$/), (password) => {
        expect(passwordProblems({ password, email: 'x@y.example', name: 'Q' })).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it('says what is wrong in words a person can act on', () => {
    expect(passwordMessage({ password: 'short', ...person })).toBe(PASSWORD_PROBLEMS.too_short);
    expect(passwordMessage({ password: 'trombone-velvet-harbour', ...person })).toBeNull();
  });

  it('takes the name’s and the email’s words of three letters or more', () => {
    expect(personalWords('jo.bloggs@lancashire.example', 'Jo Bloggs')).toEqual([
      'jo.bloggs',
      'bloggs',
    ]);
  });
});
