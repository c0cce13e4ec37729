// What the signed-in pages' server actions answer, and the one way they run: parse the input
// with the lib's zod schema, call one lib function as the signed-in person, and turn an expected
// failure (AppError) into plain words with the fields it names. Anything else is a bug: rethrown,
// so Next logs it and the page shows its error boundary.
import { revalidatePath } from 'next/cache';
import type { z } from 'zod';
import type { CurrentActor } from '@/lib/auth/actor';
import { requireActor } from '@/lib/auth/session-actor';
import { AppError } from '@/lib/errors';

export type ActionResult<T = undefined> =
  | { ok: true; value: T; message: string }
  | { ok: false; error: string; fields?: Record<string, string>; code?: string };

/** "must not be empty" → "Must not be empty." — the schemas' words read as a field's own error. */
export function asFieldError(text: string): string {
  const sentence = text.charAt(0).toUpperCase() + text.slice(1);
  return /[.!?]$/.test(sentence) ? sentence : `${sentence}.`;
}

function fieldErrors(fields: Record<string, string> | undefined) {
  if (!fields) return undefined;
  return Object.fromEntries(
    Object.entries(fields).map(([path, text]) => [path, asFieldError(text)]),
  );
}

/** The input parsed with `schema`, or the answer naming every field that is wrong. */
export function parseInput<S extends z.ZodType>(
  schema: S,
  input: unknown,
):
  | { ok: true; data: z.output<S> }
  | { ok: false; error: string; fields: Record<string, string>; code: 'validation_failed' } {
  const parsed = schema.safeParse(input);
  if (parsed.success) return { ok: true, data: parsed.data };
  const fields: Record<string, string> = {};
  for (const issue of parsed.error.issues) {
    const path = issue.path.join('.') || 'form';
    fields[path] ??= asFieldError(issue.message);
  }
  return {
    ok: false,
    error: 'Some fields need changing: see the messages beside them.',
    fields,
    code: 'validation_failed',
  };
}

/** Runs one lib call for the signed-in person and refreshes what the pages show. */
export async function act<T>(
  run: (actor: CurrentActor) => Promise<T>,
  message: string | ((value: T) => string),
): Promise<ActionResult<T>> {
  const actor = await requireActor();
  try {
    const value = await run(actor);
    // The whole layout: the Approvals count in the navigation changes with submit and approve.
    revalidatePath('/', 'layout');
    return { ok: true, value, message: typeof message === 'string' ? message : message(value) };
  } catch (error) {
    if (error instanceof AppError) {
      return {
        ok: false,
        error: error.message,
        fields: fieldErrors(error.fields),
        code: error.code,
      };
    }
    throw error;
  }
}
