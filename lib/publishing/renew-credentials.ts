// Calls a platform as a channel with credentials that are good now. Where the platform's access
// tokens expire (X: two hours), they are renewed before use, and once more if the platform
// refuses a token before its time. Renewing is serialised per channel: within a process by
// sharing the one renewal in flight, across processes by a row lock on the channel, so a refresh
// token that works only once is never spent twice.
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit';
import { encryptCredentials } from '../channels/credentials';
import { db } from '../db';
import type { Env } from '../env';
import { type ChannelConnection, PlatformError, type TokenRenewal } from '../platforms/adapter';
import { adapters } from '../platforms/adapters/registry';
import { channelConnection, type ChannelRow } from './channel-connection';

const renewing = new Map<string, Promise<string>>();

export async function withChannelConnection<T>(
  channel: ChannelRow,
  settings: Env,
  now: () => Date,
  call: (connection: ChannelConnection) => Promise<T>,
): Promise<T> {
  const renewal = adapters[channel.platform].tokenRenewal;
  let connection = channelConnection(channel, settings);
  if (!renewal) return call(connection);
  let sealed = channel.credentialsEncrypted;
  if (renewal.due(connection.credentials, now())) {
    sealed = await renewOnce(channel, sealed, renewal, settings, now);
    connection = channelConnection({ ...channel, credentialsEncrypted: sealed }, settings);
  }
  try {
    return await call(connection);
  } catch (error) {
    // A 401 means the platform did nothing with the request, so it is safe to renew and send it
    // again — once. A second refusal is the account's, and the caller treats it as such.
    const refused =
      error instanceof PlatformError && error.kind === 'auth' && error.options.httpStatus === 401;
    if (!refused || !renewal.renewable(connection.credentials)) throw error;
    sealed = await renewOnce(channel, sealed, renewal, settings, now, { force: true });
    return call(channelConnection({ ...channel, credentialsEncrypted: sealed }, settings));
  }
}

/** The channel's sealed credentials after one renewal, shared by every caller in this process. */
function renewOnce(
  channel: ChannelRow,
  used: string,
  renewal: TokenRenewal,
  settings: Env,
  now: () => Date,
  options: { force?: boolean } = {},
): Promise<string> {
  let pending = renewing.get(channel.id);
  if (!pending) {
    pending = renewLocked(channel, used, renewal, settings, now, options.force ?? false).finally(
      () => renewing.delete(channel.id),
    );
    renewing.set(channel.id, pending);
  }
  return pending;
}

async function renewLocked(
  channel: ChannelRow,
  used: string,
  renewal: TokenRenewal,
  settings: Env,
  now: () => Date,
  force: boolean,
): Promise<string> {
  const callMs = settings.PUBLISH_TIMEOUT_SECONDS * 1000;
  return db.$transaction(
    async (tx) => {
      const [row] = await tx.$queryRaw<{ credentialsEncrypted: string; organisationId: string }[]>`
        SELECT "credentialsEncrypted", "organisationId" FROM channels WHERE id = ${channel.id} FOR UPDATE`;
      if (!row) throw new Error(`Channel ${channel.id} no longer exists`);
      const current = channelConnection(
        { ...channel, credentialsEncrypted: row.credentialsEncrypted },
        settings,
      );
      // Nothing to do if what is stored holds: another process renewed it while this one
      // waited for the lock, or it was not due (and no refusal forces a renewal).
      const renewedMeanwhile = row.credentialsEncrypted !== used;
      if (!renewal.due(current.credentials, now()) && (renewedMeanwhile || !force))
        return row.credentialsEncrypted;
      const credentials = await renewal.renew(current, now(), AbortSignal.timeout(callMs));
      const sealed = encryptCredentials(credentials, settings.CREDENTIALS_KEY);
      await tx.channel.update({
        where: { id: channel.id },
        data: { credentialsEncrypted: sealed },
      });
      // Never the tokens themselves: only that they changed, and until when they hold.
      await recordAudit(tx, SYSTEM_ACTOR, {
        action: 'channel.token_renewed',
        entityId: channel.id,
        organisationId: row.organisationId,
        before: { expiresAt: current.credentials.expiresAt ?? null },
        after: { expiresAt: credentials.expiresAt ?? null },
      });
      return sealed;
    },
    // Waiting for another process's renewal, then making one: two platform calls at most.
    { maxWait: 2 * callMs, timeout: 2 * callMs + 5_000 },
  );
}
