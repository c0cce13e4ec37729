'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { withArguments } from '@/app/(app)/action-result';
import { SignInForm, signInWithPassword } from '@/lib/auth/sign-in';

export interface SignInState {
  error: string | null;
  email: string;
}

/** Only same-site paths: never send someone on to another site after signing in. */
const safeNext = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';

/** The sign-in form (useActionState): React passes the previous state, then the form's fields. */
export const signIn = withArguments(
  z.tuple([z.unknown(), z.instanceof(FormData, { error: 'Enter your email and password.' })]),
  (refusal): SignInState => ({ error: refusal.error, email: '' }),
  async ([, form]): Promise<SignInState> => {
    const email = String(form.get('email') ?? '').trim();
    const parsed = SignInForm.safeParse({ email, password: form.get('password') ?? '' });
    if (!parsed.success)
      return { error: parsed.error.issues[0]?.message ?? 'Enter your email and password.', email };
    const outcome = await signInWithPassword(parsed.data, await headers());
    if (!outcome.ok) return { error: outcome.message, email };
    redirect(safeNext(form.get('next')));
  },
);
