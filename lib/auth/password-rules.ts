// The rules of the password policy that need no word lists, so the acceptance form can say them
// as the person types (lib/auth/password-policy.ts adds the common-password check). Pure.

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

/** The parts of a name and an email a password must not contain: 3 letters or more, lowercase. */
export function personalWords(email: string, name: string): string[] {
  const local = email.split('@')[0] ?? '';
  const words = [local, ...local.split(/[^\p{L}\p{N}]+/u), ...name.split(/[^\p{L}\p{N}]+/u)];
  return [...new Set(words.map((word) => word.toLowerCase()).filter((word) => word.length >= 3))];
}

/** Length and personal words: what the form checks on every keystroke. */
export function quickPasswordProblems({ password, email, name }: PasswordFacts): PasswordProblem[] {
  const length = [...password].length;
  if (length < PASSWORD_MIN_LENGTH) return ['too_short'];
  if (length > PASSWORD_MAX_LENGTH) return ['too_long'];
  const lower = password.toLowerCase();
  return personalWords(email, name).some((word) => lower.includes(word)) ? ['personal'] : [];
}
