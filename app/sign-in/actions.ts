'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { SignInForm, signInWithPassword } from '@/lib/auth/sign-in';

export interface SignInState {
  error: string | null;
  email: string;
}

/** Only same-site paths: never send someone on to another site after signing in. */
const safeNext = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';

export async function signIn(_previous: SignInState, form: FormData): Promise<SignInState> {
  const email = String(form.get('email') ?? '').trim();
  const parsed = SignInForm.safeParse({ email, password: form.get('password') ?? '' });
  if (!parsed.success)
    return { error: parsed.error.issues[0]?.message ?? 'Enter your email and password.', email };
  const outcome = await signInWithPassword(parsed.data, await headers());
  if (!outcome.ok) return { error: outcome.message, email };
  redirect(safeNext(form.get('next')));
}
