'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { withArguments } from '@/app/(app)/action-result';
import { SignInForm, signInWithPassword } from '@/lib/auth/sign-in';
import { ssoForEmail } from '@/lib/sso/find-sso';

export interface SignInState {
  error: string | null;
  email: string;
  /** The email's organisation signs in through its own identity provider. */
  sso?: { organisationName: string; href: string } | null;
  /**
   * Where the browser goes at once: /sign-in/sso answers with a redirect to another site, which a
   * server action's redirect (a client-side navigation) cannot follow.
   */
  goTo?: string;
}

const ssoHref = (email: string, next: string) =>
  `/sign-in/sso?${new URLSearchParams({ email, next }).toString()}`;

/**
 * As the email is typed: whether its domain's organisation offers single sign-on. Answers the
 * form's own state (its `sso` is what the form offers), so a refusal reads like any other.
 */
export const findSingleSignOn = withArguments(
  z.tuple([z.string().max(320), z.string().max(2000)]),
  (refusal): SignInState => ({ error: refusal.error, email: '', sso: null }),
  async ([email, next]): Promise<SignInState> => {
    const choice = await ssoForEmail(email);
    const sso = choice
      ? { organisationName: choice.organisationName, href: ssoHref(email.trim(), safeNext(next)) }
      : null;
    return { error: null, email: email.trim(), sso };
  },
);

/** Only same-site paths: never send someone on to another site after signing in. */
const safeNext = (value: FormDataEntryValue | null) =>
  typeof value === 'string' && value.startsWith('/') && !value.startsWith('//') ? value : '/';

/** The sign-in form (useActionState): React passes the previous state, then the form's fields. */
export const signIn = withArguments(
  z.tuple([z.unknown(), z.instanceof(FormData, { error: 'Enter your email and password.' })]),
  (refusal): SignInState => ({ error: refusal.error, email: '' }),
  async ([, form]): Promise<SignInState> => {
    const email = String(form.get('email') ?? '').trim();
    const next = safeNext(form.get('next'));
    const choice = await ssoForEmail(email);
    const sso = choice && { organisationName: choice.organisationName, href: ssoHref(email, next) };
    // An email alone, whose organisation has single sign-on: off to its identity provider.
    if (sso && !form.get('password')) return { error: null, email, sso, goTo: sso.href };
    const parsed = SignInForm.safeParse({ email, password: form.get('password') ?? '' });
    if (!parsed.success)
      return {
        error: parsed.error.issues[0]?.message ?? 'Enter your email and password.',
        email,
        sso,
      };
    const outcome = await signInWithPassword(parsed.data, await headers());
    if (!outcome.ok) return { error: outcome.message, email, sso };
    redirect(next);
  },
);
