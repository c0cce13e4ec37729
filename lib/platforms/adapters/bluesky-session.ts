// A Bluesky channel's session with its PDS (com.atproto.server.*), kept in memory per process for
// as long as its tokens last. createSession is limited to 30 calls per 5 minutes and 300 a day per
// account, so when the access token (about two hours) expires the session is renewed with
// refreshSession and its refresh token (about two months, each usable once); only when that is
// refused too does the adapter sign in again with the app password.
import { z } from 'zod';
import { PlatformError, type ChannelConnection } from '../adapter';
import {
  callPlatform,
  type ClassifyFailure,
  type PlatformRequest,
  type PlatformResponse,
} from '../http';
import { readCredentials } from './common';

/** The account's handle (or DID) and an app password, never the account's own password. */
export const blueskyCredentials = z.strictObject({
  identifier: z.string().min(1),
  appPassword: z.string().min(1),
});

const Session = z.object({ accessJwt: z.string(), refreshJwt: z.string(), did: z.string() });
export type Session = z.infer<typeof Session>;
const XrpcError = z.object({ error: z.string() });

const sessions = new Map<string, { key: string; session: Session }>();

/** The PDS refused the access token as expired or not its own: the request did nothing. */
class SessionExpired extends Error {}

/**
 * Runs the work with the channel's session; if the PDS says the access token has expired, once
 * more with a renewed session — the refused request did nothing, so this cannot publish twice.
 */
export async function withSession<T>(
  connection: ChannelConnection,
  signal: AbortSignal,
  work: (session: Session) => Promise<T>,
): Promise<T> {
  const current = await session(connection, signal);
  try {
    return await work(current);
  } catch (error) {
    if (!(error instanceof SessionExpired)) throw error;
    return work(await renewed(connection, current, signal));
  }
}

/** One XRPC call with the session's access token. */
export async function xrpc<T>(
  connection: ChannelConnection,
  session: Session,
  signal: AbortSignal,
  request: Omit<PlatformRequest<T>, 'bearer' | 'signal' | 'classify'>,
): Promise<PlatformResponse<T>> {
  try {
    return await callPlatform({
      ...request,
      bearer: session.accessJwt,
      signal,
      classify: classifyXrpc,
    });
  } catch (error) {
    if (!(error instanceof PlatformError) || error.kind !== 'auth') throw error;
    // 400 ExpiredToken or InvalidToken: renew and try again.
    if (error.options.httpStatus === 400) throw new SessionExpired(error.message);
    // Anything else refused the session itself: the next attempt signs in afresh.
    sessions.delete(connection.channelId);
    throw error;
  }
}

async function session(connection: ChannelConnection, signal: AbortSignal): Promise<Session> {
  const cached = sessions.get(connection.channelId);
  return cached?.key === credentialsKey(connection) ? cached.session : signIn(connection, signal);
}

async function renewed(
  connection: ChannelConnection,
  stale: Session,
  signal: AbortSignal,
): Promise<Session> {
  try {
    const refreshed = await callPlatform({
      method: 'POST',
      url: `${connection.baseUrl}/xrpc/com.atproto.server.refreshSession`,
      bearer: stale.refreshJwt,
      signal,
      schema: Session,
      classify: classifyXrpc,
    });
    sessions.set(connection.channelId, {
      key: credentialsKey(connection),
      session: refreshed.data,
    });
    return refreshed.data;
  } catch (error) {
    // A refresh token that has expired or was used elsewhere: sign in again.
    if (error instanceof PlatformError && error.kind === 'auth') return signIn(connection, signal);
    throw error;
  }
}

async function signIn(connection: ChannelConnection, signal: AbortSignal): Promise<Session> {
  const { identifier, appPassword } = readCredentials(blueskyCredentials, connection);
  sessions.delete(connection.channelId);
  const created = await callPlatform({
    method: 'POST',
    url: `${connection.baseUrl}/xrpc/com.atproto.server.createSession`,
    json: { identifier, password: appPassword },
    signal,
    schema: Session,
  });
  sessions.set(connection.channelId, { key: credentialsKey(connection), session: created.data });
  return created.data;
}

function credentialsKey(connection: ChannelConnection): string {
  const { identifier, appPassword } = readCredentials(blueskyCredentials, connection);
  return `${connection.baseUrl} ${identifier} ${appPassword}`;
}

const classifyXrpc: ClassifyFailure = ({ body }) => {
  const name = XrpcError.safeParse(body).data?.error;
  return name === 'ExpiredToken' || name === 'InvalidToken' ? { kind: 'auth' } : undefined;
};
