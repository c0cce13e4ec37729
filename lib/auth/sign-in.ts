// Email and password sign-in for the web app, behind the failed-sign-in throttle.
import { APIError } from 'better-auth/api';
import { z } from 'zod';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { env } from '../env';
import { AppError } from '../errors';
import { sharedRedis } from '../redis';
import { auth } from './auth';
import { clientAddress } from './client-address';
import { signInThrottle } from './sign-in-throttle';

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
  const address = clientAddress(headers);
  const throttle = signInThrottle(sharedRedis(), env().QUEUE_PREFIX);
  try {
    await throttle.assertAllowed(form.email, address);
  } catch (error) {
    if (error instanceof AppError) return { ok: false, message: error.message };
    throw error;
  }
  try {
    const result = await auth.api.signInEmail({
      body: { email: form.email, password: form.password },
      headers,
    });
    await throttle.recordSuccess(form.email, address);
    await recordAudit(
      db,
      { userId: result.user.id, label: result.user.email },
      {
        action: 'user.signed_in',
        entityId: result.user.id,
      },
    );
    return { ok: true };
  } catch (error) {
    if (error instanceof APIError && (error.statusCode === 401 || error.statusCode === 400)) {
      await throttle.recordFailure(form.email, address);
      return { ok: false, message: WRONG_CREDENTIALS };
    }
    throw error;
  }
}
