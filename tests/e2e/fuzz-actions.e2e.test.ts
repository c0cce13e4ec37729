// Bad input, everywhere, automatically (issue 8), for server actions: every export of every
// app/**/actions.ts, found from the code and called over HTTP against the production build as the
// browser calls it (encodeReply, Next-Action), with generated arguments, as each role, nobody and
// a bad token. Never a 500: an action answers its declared result (an ActionResult, with field
// messages for bad input), or sends the browser to sign in; a refused call writes nothing.
// The build runs on a database of its own with no workers, so only these calls change rows.
import fc from 'fast-check';
import { z } from 'zod';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ActionAnswer, callAction } from '../support/fuzz/action-client';
import { actionCallFor, type ActionFuzz } from '../support/fuzz/action-requests';
import { discoverActions, type ServerAction } from '../support/fuzz/actions';
import { ROLE_EMAILS, type Role } from '../support/fuzz/api-requests';
import { checkProperty } from '../support/fuzz/check';
import { actionAnswerBreaches, isRefusal } from '../support/fuzz/action-contract';
import { buildActionWorld, type ActionSessions } from '../support/fuzz/action-world';
import { startIsolatedApp, type IsolatedApp } from '../support/fuzz/isolated-app';
import { knownStrings } from '../support/fuzz/known-values';
import type { KnownValues } from '../support/fuzz/from-schema';
import { everyTableRowCount } from '../support/row-counts';

// 25 runs for each of the 26 actions: 650 calls over HTTP, about a minute (the note on issue 8).
const RUNS = Number(process.env.FUZZ_RUNS ?? 25);

const actions = await discoverActions();
let app: IsolatedApp;
let sessions: ActionSessions;
let known: KnownValues;

beforeAll(async () => {
  app = await startIsolatedApp('signpost_fuzz');
  sessions = await buildActionWorld(app, actions);
  known = { byTable: await knownStrings(app.query), now: new Date() };
}, 240_000);
afterAll(async () => {
  await app?.stop();
});

describe('the server actions the fuzzer finds', () => {
  it('are each declared with serverAction() or withArguments(), so their arguments are parsed', () => {
    expect(actions.filter((action) => !action.argumentSchema).map((action) => action.name)).toEqual(
      [],
    );
  });

  it('are each in the build, with a page that uses them', () => {
    expect(
      actions.filter((action) => !action.id || !action.page).map((action) => action.name),
    ).toEqual([]);
  });
});

function outcomeOf(answer: ActionAnswer): string {
  if (answer.redirect !== null) return `redirect ${answer.redirect.split(';')[0]}`;
  const result = answer.result as
    { ok?: boolean; code?: string; error?: string | null } | undefined;
  if (result?.ok !== undefined) return result.ok ? 'ok' : (result.code ?? 'refused');
  return result?.error ? 'refused' : 'answered';
}

let address = 0;
function headersFor(fuzz: ActionFuzz): Record<string, string> {
  // Each call from its own address: the sign-in throttle counts failures per address.
  const headers: Record<string, string> = { 'x-forwarded-for': `198.51.100.${address++ % 250}` };
  const cookie = sessions.cookie(fuzz.caller as Role);
  if (cookie) headers.cookie = cookie;
  if (fuzz.caller === 'badToken') headers.authorization = 'Bearer sp_this-token-was-never-issued';
  if (fuzz.caller === 'malformedAuthorization') headers.authorization = 'Basic c2lnbnBvc3Q6eA==';
  if (fuzz.caller === 'badSessionCookie')
    headers.cookie = 'better-auth.session_token=forged.c2lnbmF0dXJl';
  return headers;
}

/** One generated call, and what must hold of its answer. Answers the outcome, for FUZZ_STATS. */
async function tryCall(action: ServerAction, fuzz: ActionFuzz): Promise<string> {
  const before = await everyTableRowCount(app.query);
  const answer = await callAction({
    baseUrl: app.baseUrl,
    page: action.page ?? '/',
    actionId: action.id ?? '',
    args: fuzz.args,
    headers: headersFor(fuzz),
  });
  const breaches = actionAnswerBreaches(answer);
  if (breaches.length > 0)
    throw new Error(`${breaches.join('\n')}\nThe server said:\n${app.output().slice(-2000)}`);
  const signedIn = fuzz.caller in ROLE_EMAILS;
  if (isRefusal(answer) || (!signedIn && action.exportName !== 'signIn'))
    expect(await everyTableRowCount(app.query)).toEqual(before);
  // signOut ends the caller's session: sign that role in again for the runs after it.
  if (signedIn) await sessions.renewIfEnded(fuzz.caller as Role, answer.setCookie);
  return outcomeOf(answer);
}

const fuzzable = actions.filter((action) => action.argumentSchema && action.id && action.page);

describe.each(fuzzable)('$name', (action) => {
  it('answers any arguments, from anyone, without a 500; a refusal writes nothing', async () => {
    const outcomes = new Map<string, number>();
    const schema = action.argumentSchema ?? z.tuple([]);
    await checkProperty(
      fc.asyncProperty(actionCallFor(schema, known), async (fuzz) => {
        const outcome = await tryCall(action, fuzz);
        outcomes.set(outcome, (outcomes.get(outcome) ?? 0) + 1);
      }),
      RUNS,
    );
    // FUZZ_STATS=1 shows how far the calls got: all `validation_failed` means none went deeper.
    if (process.env.FUZZ_STATS) console.log(action.name, Object.fromEntries(outcomes));
  }, 300_000);
});
