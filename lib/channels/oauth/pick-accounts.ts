// The accounts a platform offered after its consent page (a person's Facebook Pages and their
// Instagram accounts), for the person who started the flow to pick from within its ten minutes,
// once. The credentials never leave the server: the page sees names and handles only.
import { z } from 'zod';
import type { CurrentActor } from '../../auth/actor';
import { auditActor } from '../../auth/actor';
import { can } from '../../auth/permissions';
import { db } from '../../db';
import { env } from '../../env';
import { AppError, forbidden, notFound } from '../../errors';
import { decryptCredentials } from '../credentials';
import { connectAccount, type ConnectedChannel } from './connect-account';
import type { OfferedAccount } from './providers';

const Offered = z.array(
  z.object({
    platform: z.enum(['facebook', 'instagram']),
    externalAccountId: z.string(),
    handle: z.string(),
    name: z.string(),
    credentials: z.record(z.string(), z.string()),
  }),
);

export interface OfferedChoice {
  /** `${platform}:${externalAccountId}`, what the form sends back. */
  key: string;
  platform: OfferedAccount['platform'];
  handle: string;
  name: string;
  /** The organisation already has this account as a channel (picking it reconnects it). */
  connected: boolean;
}

export const PickAccountsRequest = z.strictObject({
  accounts: z.array(z.string().min(1).max(200)).min(1, 'Choose at least one account.').max(50),
});

async function openOffer(actor: CurrentActor, authorisationId: string, now: Date) {
  const start = await db.channelAuthorisation.findUnique({ where: { id: authorisationId } });
  if (!start || start.userId !== actor.user.id || !start.offeredSealed)
    throw notFound('The connection');
  if (start.pickedAt)
    throw new AppError(
      'conflict',
      'These accounts were already connected; start again from Settings to connect more.',
    );
  if (start.expiresAt.getTime() <= now.getTime())
    throw new AppError('conflict', 'The connection has expired; start again from Settings.');
  if (!can(actor, 'channel.manage', { organisationId: start.organisationId }))
    throw forbidden('Only an administrator may connect a channel.');
  const { accounts } = decryptCredentials(start.offeredSealed, env().CREDENTIALS_KEY);
  return { start, accounts: Offered.parse(JSON.parse(accounts ?? '[]')) };
}

export async function listOffered(
  actor: CurrentActor,
  authorisationId: string,
  now: Date = new Date(),
): Promise<{ organisation: string; choices: OfferedChoice[] }> {
  const { start, accounts } = await openOffer(actor, authorisationId, now);
  const [organisation, existing] = await Promise.all([
    db.organisation.findUniqueOrThrow({
      where: { id: start.organisationId },
      select: { name: true },
    }),
    db.channel.findMany({
      where: { organisationId: start.organisationId, platform: { in: ['facebook', 'instagram'] } },
      select: { platform: true, externalAccountId: true },
    }),
  ]);
  return {
    organisation: organisation.name,
    choices: accounts.map((account) => ({
      key: `${account.platform}:${account.externalAccountId}`,
      platform: account.platform,
      handle: account.handle,
      name: account.name,
      connected: existing.some(
        (channel) =>
          channel.platform === account.platform &&
          channel.externalAccountId === account.externalAccountId,
      ),
    })),
  };
}

export async function connectPicked(
  actor: CurrentActor,
  authorisationId: string,
  request: z.infer<typeof PickAccountsRequest>,
  now: Date = new Date(),
): Promise<{ channels: ConnectedChannel[] }> {
  const { start, accounts } = await openOffer(actor, authorisationId, now);
  const picked = accounts.filter((account) =>
    request.accounts.includes(`${account.platform}:${account.externalAccountId}`),
  );
  if (picked.length !== new Set(request.accounts).size)
    throw new AppError('validation_failed', 'Choose from the accounts offered.', {
      accounts: 'names an account the platform did not offer',
    });
  return db.$transaction(async (tx) => {
    const claimed = await tx.channelAuthorisation.updateMany({
      where: { id: start.id, pickedAt: null },
      data: { pickedAt: now },
    });
    if (claimed.count !== 1)
      throw new AppError(
        'conflict',
        'These accounts were already connected; start again from Settings to connect more.',
      );
    const channels: ConnectedChannel[] = [];
    for (const account of picked) {
      try {
        channels.push(
          await connectAccount(tx, {
            audit: auditActor(actor),
            organisationId: start.organisationId,
            channelId: null,
            account,
          }),
        );
      } catch (error) {
        if (error instanceof AppError && error.message === 'other_account')
          throw new AppError(
            'conflict',
            `The organisation already has another ${account.platform} channel called ${account.handle}.`,
            {
              accounts: 'names an account whose handle another channel uses',
            },
          );
        throw error;
      }
    }
    return { channels };
  });
}
