// An account the platform authorised, made a channel: a reconnection replaces the credentials of
// the channel it was started for (the account must be the same one), otherwise the organisation's
// channel for that account is updated or a new one is made. The credentials are sealed, the expiry
// recorded (administrators are warned a week before one that cannot be renewed), and the channel is
// active; its held posts stay held until a person releases them, as with any reconnection.
import type { Prisma } from '../../db';
import { recordAudit, type AuditActor } from '../../audit/record-audit';
import { env } from '../../env';
import { AppError } from '../../errors';
import { credentialsSchemas } from '../../platforms/adapters/registry';
import { encryptCredentials } from '../credentials';
import { credentialsExpireAt } from '../credentials-expiry';
import type { OfferedAccount } from './providers';

export interface ConnectedChannel {
  id: string;
  platform: OfferedAccount['platform'];
  handle: string;
  added: boolean;
  heldPosts: number;
}

export async function connectAccount(
  tx: Prisma.TransactionClient,
  options: {
    audit: AuditActor;
    organisationId: string;
    channelId: string | null;
    account: OfferedAccount;
  },
): Promise<ConnectedChannel> {
  const { audit, organisationId, channelId, account } = options;
  const credentials = credentialsSchemas[account.platform].parse(account.credentials) as Record<
    string,
    string
  >;
  const existing = channelId
    ? await tx.channel.findUnique({ where: { id: channelId } })
    : await tx.channel.findFirst({
        where: {
          organisationId,
          platform: account.platform,
          OR: [{ externalAccountId: account.externalAccountId }, { handle: account.handle }],
        },
      });
  if (
    existing &&
    (existing.platform !== account.platform ||
      existing.externalAccountId !== account.externalAccountId)
  )
    throw new AppError('conflict', 'other_account');
  const sealed = {
    credentialsEncrypted: encryptCredentials(credentials, env().CREDENTIALS_KEY),
    credentialsExpireAt: credentialsExpireAt(account.platform, credentials),
    expiryWarnedFor: null,
    status: 'active' as const,
    statusReason: null,
  };
  if (existing) {
    await tx.channel.update({ where: { id: existing.id }, data: sealed });
    const heldPosts = await tx.post.count({ where: { channelId: existing.id, status: 'held' } });
    await recordAudit(tx, audit, {
      action: 'channel.connected',
      entityId: existing.id,
      organisationId,
      before: { status: existing.status },
      after: { status: 'active', via: 'oauth', credentials: Object.keys(credentials).sort() },
    });
    return {
      id: existing.id,
      platform: account.platform,
      handle: existing.handle,
      added: false,
      heldPosts,
    };
  }
  const created = await tx.channel.create({
    data: {
      organisationId,
      platform: account.platform,
      handle: account.handle,
      externalAccountId: account.externalAccountId,
      ...sealed,
    },
  });
  await recordAudit(tx, audit, {
    action: 'channel.added',
    entityId: created.id,
    organisationId,
    after: {
      platform: account.platform,
      handle: account.handle,
      status: 'active',
      via: 'oauth',
      credentials: Object.keys(credentials).sort(),
    },
  });
  return {
    id: created.id,
    platform: account.platform,
    handle: created.handle,
    added: true,
    heldPosts: 0,
  };
}
