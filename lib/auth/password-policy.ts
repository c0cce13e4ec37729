// What a password must be, after NCSC's guidance: long rather than complex (at least 12
// characters, no rules about symbols), not one of the passwords attackers try first, and not the
// person's own name or email. The common-password list and the guessability estimate are
// zxcvbn-ts's (its language-common package: the most used passwords from breaches, and keyboard
// patterns). Pure: the same answer in the acceptance form and on the server.
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';

export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

export const PASSWORD_PROBLEMS = {
  too_short: `Use at least ${PASSWORD_MIN_LENGTH} characters. Three or four random words make a strong password that is easy to remember.`,
  too_long: `Keep it to ${PASSWORD_MAX_LENGTH} characters.`,
  personal: 'Do not use your name or your email address in your password.',
  common:
    'This password is on the lists of common passwords that attackers try first. Choose another.',
  guessable:
    'This password would be easy to guess (a keyboard pattern, a repeat or a common word). Add another word or two.',
} as const;
export type PasswordProblem = keyof typeof PASSWORD_PROBLEMS;

export interface PasswordFacts {
  password: string;
  email: string;
  name: string;
}

let estimator: ZxcvbnFactory | undefined;

// Built once, on first use: reading the dictionaries takes a moment.
function estimate(password: string, userInputs: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password, userInputs);
}

/** The parts of a name and an email a password must not contain: 3 letters or more, lowercase. */
export function personalWords(email: string, name: string): string[] {
  const local = email.split('@')[0] ?? '';
  const words = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...name.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words.map((word) => word.toLowerCase()).filter((word) => word.length >= 3))];
}

/** What is wrong with the password, most important first; empty when it is good. */
export function passwordProblems({ password, email, name }: PasswordFacts): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return ['too_short'];
  if (length > PASSWORD_MAX_LENGTH) return ['too_long'];
  const lower = password.toLowerCase();
  const personal = personalWords(email, name);
  if (personal.some((word) => lower.includes(word))) return ['personal'];
  const result = estimate(password, personal);
  // Most of the password is one entry of the common-password list ("password1234!").
  const common = result.sequence.some(
    (match) =>
      match.pattern === 'dictionary' &&
      'dictionaryName' in match &&
      String(match.dictionaryName).startsWith('passwords') &&
      match.token.length * 2 >= length,
  );
  if (common) return ['common'];
  return result.score < 3 ? ['guessable'] : [];
}

/** The first problem in words, or null. */
export function passwordMessage(facts: PasswordFacts): string | null {
  const [problem] = passwordProblems(facts);
  return problem ? PASSWORD_PROBLEMS[problem] : null;
}
