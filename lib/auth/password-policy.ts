// What a password must be, after NCSC's guidance: long rather than complex (at least 12
// characters, no rules about symbols), not one of the passwords attackers try first, and not the
// person's own name or email. The common-password list and the guessability estimate are
// zxcvbn-ts's (its language-common package: the most used passwords from breaches, and keyboard
// patterns). Pure; the form says the quick rules (password-rules.ts) as the person types.
import { ZxcvbnFactory, type ZxcvbnResult } from '@zxcvbn-ts/core';
import { adjacencyGraphs, dictionary } from '@zxcvbn-ts/language-common';
import {
  PASSWORD_PROBLEMS,
  type PasswordFacts,
  type PasswordProblem,
  quickPasswordProblems,
  personalWords,
} from './password-rules';

export { PASSWORD_PROBLEMS, type PasswordProblem, personalWords };

let estimator: ZxcvbnFactory | undefined;

// Built once, on first use: reading the dictionaries takes a moment.
function estimate(password: string, userInputs: string[]): ZxcvbnResult {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator.check(password, userInputs);
}

/** What is wrong with the password, most important first; empty when it is good. */
export function passwordProblems({ password, email, name }: PasswordFacts): PasswordProblem[] {
  const quick = quickPasswordProblems({ password, email, name });
  if (quick.length > 0) return quick;
  const length = [...password].length;
  const result = estimate(password, personalWords(email, name));
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
