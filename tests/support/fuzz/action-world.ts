// The demo roles signed in through the sign-in action itself, and something of everything for
// the action fuzzer to find (a draft, a message in review, an approved one scheduled on four
// channels, posts failed and held, a comment, a pause, a blackout), made through the actions.
import { callAction } from './action-client';
import { endsSession } from './action-contract';
import type { ServerAction } from './actions';
import { ROLE_EMAILS, type Role } from './api-requests';
import type { IsolatedApp } from './isolated-app';

export interface ActionSessions {
  cookie(role: Role): string | undefined;
  renewIfEnded(role: Role, setCookie: readonly string[]): Promise<void>;
}

const HOUR = 60 * 60 * 1000;

export async function buildActionWorld(
  app: IsolatedApp,
  actions: readonly ServerAction[],
): Promise<ActionSessions> {
  const call = async (name: string, cookie: string | undefined, args: unknown[]) => {
    const action = actions.find((candidate) => candidate.exportName === name);
    if (!action?.id || !action.page) throw new Error(`no action ${name} in the build`);
    const headers: Record<string, string> = { 'x-forwarded-for': '192.0.2.10' };
    if (cookie) headers.cookie = cookie;
    return callAction({
      baseUrl: app.baseUrl,
      page: action.page,
      actionId: action.id,
      args,
      headers,
    });
  };
  const signIn = async (email: string) => {
    const form = new FormData();
    form.set('email', email);
    form.set('password', process.env.DEMO_PASSWORD ?? 'signpost-demo');
    const answer = await call('signIn', undefined, [{ error: null, email: '' }, form]);
    const cookie = answer.setCookie.map((header) => header.split(';')[0]).join('; ');
    if (!cookie.includes('session_token')) throw new Error(`could not sign in ${email}`);
    return cookie;
  };
  const ok = async <T>(name: string, cookie: string, args: unknown[]): Promise<T> => {
    const answer = await call(name, cookie, args);
    const result = answer.result as { ok?: boolean; value?: T; error?: string } | undefined;
    if (!result?.ok) throw new Error(`${name}: ${JSON.stringify(result) ?? answer.failure}`);
    return result.value as T;
  };

  const cookies = new Map<Role, string>();
  for (const [role, email] of Object.entries(ROLE_EMAILS) as [Role, string][])
    cookies.set(role, await signIn(email));
  const lead = cookies.get('lead') ?? '';
  const comms = cookies.get('commsOfficer') ?? '';
  const secondLead = await signIn('lead2@nw-rocu.example');

  const [campaign] = await app.query<{ id: string }>('SELECT id FROM campaigns LIMIT 1');
  const channels = await app.query<{ id: string }>(
    `SELECT c.id FROM channels c JOIN organisations o ON o.id = c."organisationId"
      WHERE o.slug = 'lancashire' AND c.platform <> 'instagram' ORDER BY c.platform LIMIT 4`,
  );
  const message = (text: string) => ({
    campaignId: campaign?.id,
    title: text,
    body: text,
    theme: 'help',
  });
  await ok('createMessageAction', comms, [message('A draft of Lancashire’s: help is there.')]);
  const approved = await ok<{ id: string }>('createMessageAction', lead, [
    message('Help is there before harm is done.'),
  ]);
  await ok('submitMessageAction', lead, [approved.id]);
  await ok('approveMessageAction', secondLead, [approved.id]);
  const inReview = await ok<{ id: string }>('createMessageAction', lead, [
    message('Speak to someone in confidence.'),
  ]);
  await ok('submitMessageAction', lead, [inReview.id]);
  await ok('commentAction', secondLead, [inReview.id, { body: 'Could we name the helpline?' }]);
  const now = Date.now();
  await ok('scheduleMessageAction', lead, [
    approved.id,
    {
      targets: channels.map((channel, index) => ({
        channelId: channel.id,
        scheduledAt: new Date(now + (index + 2) * 24 * HOUR).toISOString(),
      })),
    },
  ]);
  await app.query(
    `UPDATE posts SET status = 'failed', "lastError" = 'The platform said no'
      WHERE id = (SELECT id FROM posts ORDER BY "scheduledAt" LIMIT 1 OFFSET 1)`,
  );
  await app.query(
    `UPDATE posts SET status = 'held', "heldReason" = 'A pause covered it'
      WHERE id = (SELECT id FROM posts ORDER BY "scheduledAt" LIMIT 1 OFFSET 2)`,
  );
  await ok('createBlackoutAction', lead, [
    {
      organisation: 'lancashire',
      reason: 'Pre-election period',
      startsAt: new Date(now + 30 * 24 * HOUR).toISOString(),
      endsAt: new Date(now + 40 * 24 * HOUR).toISOString(),
    },
  ]);
  await ok('createPauseAction', comms, [
    { scope: 'organisation', organisation: 'lancashire', reason: 'A critical incident' },
  ]);

  return {
    cookie: (role) => cookies.get(role),
    async renewIfEnded(role, setCookie) {
      if (endsSession(setCookie)) cookies.set(role, await signIn(ROLE_EMAILS[role]));
    },
  };
}
