// Email and password sign-in for the web app, behind the failed-sign-in throttle.
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { AppError } from '../errors';
import { passwordSignInRefusal } from '../sso/find-sso';
import { auth } from './auth';
import { clientAddress } from './client-address';
import { passwordAttempt } from './password-attempt';

export const SignInForm = z.object({
  email: z.email('Enter your email address, such as name@lancashire.example.').max(320),
  password: z.string().min(1, 'Enter your password.').max(1000),
});
export type SignInForm = z.infer<typeof SignInForm>;

export type SignInOutcome = { ok: true } | { ok: false; message: string };

const WRONG_CREDENTIALS = 'The email or password is wrong. Check them and try again.';

export async function signInWithPassword(
  form: SignInForm,
  headers: Headers,
): Promise<SignInOutcome> {
  const refusal = await passwordSignInRefusal(form.email);
  if (refusal) return { ok: false, message: refusal };
  const address = clientAddress(headers);
  try {
    const outcome = await passwordAttempt({ email: form.email, address }, async () => {
      // A deactivated person is told what anyone with a wrong password is: nothing more.
      const person = await db.user.findUnique({
        where: { email: form.email.trim().toLowerCase() },
        select: { active: true },
      });
      if (person && !person.active) return { verdict: 'wrong', value: null };
      try {
        const result = await auth.api.signInEmail({
          body: { email: form.email, password: form.password },
          headers,
        });
        return { verdict: 'right', value: result.user };
      } catch (error) {
        if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400))
          return { verdict: 'wrong', value: null };
        throw error;
      }
    });
    if (outcome.verdict !== 'right' || !outcome.value)
      return { ok: false, message: WRONG_CREDENTIALS };
    await recordAudit(
      db,
      { userId: outcome.value.id, label: outcome.value.email },
      { action: 'user.signed_in', entityId: outcome.value.id },
    );
    return { ok: true };
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
}
