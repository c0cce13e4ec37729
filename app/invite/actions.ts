'use server';

import { headers } from 'next/headers';
import { redirect } from 'next/navigation';
import { z } from 'zod';
import { withArguments } from '@/app/(app)/action-result';
import { signInWithPassword } from '@/lib/auth/sign-in';
import { AppError } from '@/lib/errors';
import { acceptInvitation, InvitationToken } from '@/lib/people/accept-invitation';

export interface AcceptState {
  error: string | null;
}

/** The invitation form (useActionState): set the password, then sign in with it at once. */
export const acceptInvitationAction = withArguments(
  z.tuple([z.unknown(), z.instanceof(FormData, { error: 'Choose a password.' })]),
  (refusal): AcceptState => ({ error: refusal.error }),
  async ([, form]): Promise<AcceptState> => {
    const token = InvitationToken.safeParse(form.get('token'));
    const password = form.get('password');
    if (!token.success) return { error: 'This invitation link is not complete.' };
    if (typeof password !== 'string' || password === '') return { error: 'Choose a password.' };
    let email: string;
    try {
      ({ email } = await acceptInvitation(token.data, { password }));
    } catch (error) {
      if (error instanceof AppError) return { error: error.message };
      throw error;
    }
    const signedIn = await signInWithPassword({ email, password }, await headers());
    redirect(signedIn.ok ? '/' : '/sign-in');
  },
);
