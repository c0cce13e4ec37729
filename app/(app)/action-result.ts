// What server actions answer, and the one way they are declared: `serverAction(args, run,
// message)` parses every argument with its zod schema (`args`, one per argument) before anything
// else runs, then calls one lib function as the signed-in person and turns an expected failure
// (AppError) into plain words with the fields it names. Anything else is a bug: rethrown, so Next
// logs it and the page shows its error boundary. A server action's arguments come from the
// browser as the API's bodies do, so they are checked as strictly (issue 8); ESLint refuses an
// action in app/**/actions.ts declared any other way.
import { revalidatePath } from 'next/cache';
import { z } from 'zod';
import { unstorableText } from '@/lib/api/storable-text';
import type { CurrentActor } from '@/lib/auth/actor';
import { requireActor } from '@/lib/auth/session-actor';
import { AppError } from '@/lib/errors';

export type ActionResult<T = undefined> =
  | { ok: true; value: T; message: string }
  | { ok: false; error: string; fields?: Record<string, string>; code?: string };

/** An action's arguments, in order: `z.tuple([PostId, ScheduleTime])`. */
export type ActionArguments = z.ZodTuple;

/**
 * What callers pass: ids as text; anything else as it stands (a form's half-filled values, say),
 * since the server names what is wrong with it. The schemas, not the types, are the check.
 */
type Loosened<T> = T extends readonly unknown[]
  ? { [K in keyof T]: T[K] extends string ? string : unknown }
  : never;
export type PassedArguments<A extends ActionArguments> = Extract<Loosened<z.input<A>>, unknown[]>;

export type ArgumentsRefused = {
  ok: false;
  error: string;
  fields: Record<string, string>;
  code: 'validation_failed';
};

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

/**
 * A field's name within its argument: the forms' fields keep the names the pages know
 * (`targets.0.channelId`), and a problem with a whole argument is named by its description
 * (`RecordId.describe('postId')`), else `form`.
 */
function fieldName(args: ActionArguments, path: readonly PropertyKey[]): string {
  if (path.length > 1) return path.slice(1).join('.');
  const argument = typeof path[0] === 'number' ? args.def.items[path[0]] : undefined;
  return (argument && z.globalRegistry.get(argument)?.description) || 'form';
}

/** One problem with a whole argument (an id that is not one) says so itself. */
function wholeArgumentProblem(fields: Record<string, string>): string | null {
  const [name, ...others] = Object.keys(fields);
  if (name === undefined || others.length > 0 || name.includes('.')) return null;
  return name === 'form' ? (fields.form ?? null) : `${name}: ${fields[name]}`;
}

/** The arguments parsed with `args`, or the answer naming every one that is wrong. */
export function parseArguments<A extends ActionArguments>(
  args: A,
  input: readonly unknown[],
): { ok: true; data: z.output<A> } | ArgumentsRefused {
  const fields: Record<string, string> = {};
  // Text the database cannot store is refused first, as the API refuses it (lib/api/storable-text).
  for (const [path, problem] of Object.entries(unstorableText([...input], ''))) {
    const [index, ...rest] = path.split('.');
    fields[fieldName(args, [Number(index), ...rest])] ??= asFieldError(problem);
  }
  const parsed = args.safeParse(input);
  if (parsed.success && Object.keys(fields).length === 0) return { ok: true, data: parsed.data };
  for (const issue of parsed.error?.issues ?? []) {
    fields[fieldName(args, issue.path)] ??= asFieldError(issue.message);
  }
  return {
    ok: false,
    error:
      wholeArgumentProblem(fields) ?? 'Some fields need changing: see the messages beside them.',
    fields,
    code: 'validation_failed',
  };
}

/** Runs one lib call for the signed-in person and refreshes what the pages show. */
export async function act<T>(
  run: (actor: CurrentActor) => Promise<T>,
  message: string | ((value: T) => string),
): Promise<ActionResult<T>> {
  try {
    // Inside the try: a malformed or revoked Bearer token is an AppError (401), not a crash.
    // No session at all redirects to the sign-in page (Next's redirect passes through).
    const actor = await requireActor();
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

/**
 * An action whose arguments are parsed before anything runs, answered with its own state when
 * they are not valid: for the forms React gives a previous state (useActionState), and the few
 * actions that do not answer an ActionResult.
 */
export function withArguments<A extends ActionArguments, R>(
  args: A,
  refuse: (refusal: ArgumentsRefused) => R,
  run: (input: z.output<A>) => Promise<R>,
): Declared<A, R> {
  const action = async (...input: PassedArguments<A>) => {
    const parsed = parseArguments(args, input);
    return parsed.ok ? run(parsed.data) : refuse(parsed);
  };
  // The schema travels with the action: the fuzz suite generates its arguments from it.
  return Object.assign(action, { argumentSchema: args });
}

/** A declared action: callable as the pages call it, with the schema its arguments must pass. */
export type Declared<A extends ActionArguments, R> = ((
  ...input: PassedArguments<A>
) => Promise<R>) & { argumentSchema: A };

/** A server action: its arguments parsed with `args`, then `run` as the signed-in person. */
export function serverAction<A extends ActionArguments, T>(
  args: A,
  run: (actor: CurrentActor, input: z.output<A>) => Promise<T>,
  message: string | ((value: T) => string),
): Declared<A, ActionResult<T>> {
  return withArguments<A, ActionResult<T>>(
    args,
    (refusal) => refusal,
    (input) => act((actor) => run(actor, input), message),
  );
}
