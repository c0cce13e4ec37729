// What every answer of a server action must be, whatever it was sent: never a 500; a value the
// page can show (an ActionResult, with a message per field for bad input, or a form's state),
// or a same-site redirect (nobody signed in is sent to the sign-in page).
import { z } from 'zod';
import type { ActionAnswer } from './action-client';

const ActionResult = z.union([
  // `value: undefined` does not travel: Flight leaves the key out.
  z.strictObject({
    ok: z.literal(true),
    value: z.unknown().optional(),
    message: z.string().min(1),
  }),
  z.strictObject({
    ok: z.literal(false),
    error: z.string().min(1),
    fields: z.record(z.string(), z.string().min(1)).optional(),
    code: z.string().optional(),
  }),
]);

/** A form's own state (useActionState): `error` says why, or is null. */
const FormState = z.looseObject({ error: z.string().min(1).nullable() });

/** better-auth ends a session by clearing its cookie. */
export const endsSession = (setCookie: readonly string[]) =>
  setCookie.some((cookie) => /^better-auth\.session_token=(;|[^;]*;.*max-age=0)/i.test(cookie));

export function actionAnswerBreaches(answer: ActionAnswer): string[] {
  if (answer.status !== 200)
    return [`answered ${answer.status}: ${answer.failure ?? String(answer.result)}`];
  if (answer.redirect !== null)
    return /^\/(?!\/)/.test(answer.redirect) ? [] : [`sent the browser to ${answer.redirect}`];
  if (answer.failure !== undefined)
    return [`answered what the page cannot read: ${answer.failure}`];
  const { result } = answer;
  if (result === undefined) return [];
  if (typeof result === 'object' && result !== null && 'ok' in result) {
    const parsed = ActionResult.safeParse(result);
    if (!parsed.success) return [`answered a malformed ActionResult: ${JSON.stringify(result)}`];
    if (!parsed.data.ok && parsed.data.code === 'validation_failed' && !parsed.data.fields)
      return [`refused bad input without naming a field: ${parsed.data.error}`];
    return [];
  }
  return FormState.safeParse(result).success
    ? []
    : [`answered neither an ActionResult nor a form state: ${JSON.stringify(result)}`];
}

/** Whether the action said no (so it must have written nothing). */
export function isRefusal(answer: ActionAnswer): boolean {
  if (answer.redirect !== null)
    return answer.redirect.startsWith('/sign-in') && !endsSession(answer.setCookie);
  const result = answer.result as { ok?: boolean; error?: string | null } | undefined;
  return result?.ok === false || (result?.ok === undefined && typeof result?.error === 'string');
}
