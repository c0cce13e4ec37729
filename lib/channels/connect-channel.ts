// Connecting a channel again: an administrator stores new credentials for it (after the platform
// refused the old ones, or to rotate them), checked against the platform's shape, sealed with
// AES-256-GCM, and the channel becomes active. Its held posts stay held until a person releases
// them, so nothing goes out in a burst. The audit log names the fields changed, never their values.
import { z } from 'zod';
import { recordAudit, type AuditActor } from '../audit/record-audit';
import { can, type Actor } from '../auth/permissions';
import { db } from '../db';
import { env } from '../env';
import { AppError, forbidden, notFound } from '../errors';
import { credentialsSchemas } from '../platforms/adapters/registry';
import type { Platform } from '../platforms/types';
import { encryptCredentials } from './credentials';
import { credentialsExpireAt } from './credentials-expiry';

export interface CredentialField {
  name: string;
  label: string;
  required: boolean;
  /** Secrets are typed into password fields. */
  secret: boolean;
  description?: string;
}

const token = (
  label: string,
  description?: string,
): Omit<CredentialField, 'name' | 'required'> => ({
  label,
  secret: true,
  ...(description ? { description } : {}),
});

// What each platform's credentials are called where its developer console shows them.
const FIELD_WORDS: Record<Platform, Record<string, Omit<CredentialField, 'name' | 'required'>>> = {
  x: {
    accessToken: token(
      'OAuth 2.0 user access token',
      'With tweet.read, tweet.write, users.read, media.write and offline.access.',
    ),
    refreshToken: token('Refresh token', 'Lets Signpost renew the two-hour access token itself.'),
    expiresAt: {
      label: 'Access token expires at',
      secret: false,
      description: 'ISO 8601, e.g. 2026-12-01T14:00:00Z. Needed for renewal ahead of expiry.',
    },
    clientId: { label: 'App client ID', secret: false },
    clientSecret: token('App client secret', 'Only for a confidential client.'),
  },
  facebook: { pageAccessToken: token('Page access token') },
  instagram: { accessToken: token('Page access token with instagram_content_publish') },
  linkedin: { accessToken: token('Member access token with w_organization_social') },
  threads: { accessToken: token('Threads user access token') },
  bluesky: {
    identifier: { label: 'Handle or DID', secret: false },
    appPassword: token('App password', 'An app password, never the account’s own password.'),
  },
  mastodon: { accessToken: token('Access token with write:statuses and write:media') },
  nextdoor: { accessToken: token('Agency access token') },
};

/** The fields a platform's credentials have, in the order its schema lists them. */
export function credentialFields(platform: Platform): CredentialField[] {
  const schema = credentialsSchemas[platform] as unknown as z.ZodObject;
  return Object.entries(schema.shape).map(([name, field]) => ({
    name,
    required: !(field as z.ZodType).safeParse(undefined).success,
    ...(FIELD_WORDS[platform][name] ?? { label: name, secret: true }),
  }));
}

export const ConnectChannelRequest = z.strictObject({
  credentials: z.record(z.string().max(100), z.string().max(4000)),
});

export async function connectChannel(
  actor: Actor,
  audit: AuditActor,
  channelId: string,
  request: z.infer<typeof ConnectChannelRequest>,
): Promise<{ heldPosts: number }> {
  const channel = await db.channel.findUnique({
    where: { id: channelId },
    select: { id: true, platform: true, status: true, organisationId: true },
  });
  if (!channel || !can(actor, 'channel.read', { organisationId: channel.organisationId }))
    throw notFound('The channel');
  if (!can(actor, 'channel.manage', { organisationId: channel.organisationId }))
    throw forbidden('Only an administrator may connect a channel.');

  // A field left empty is a field not given.
  const given = Object.fromEntries(
    Object.entries(request.credentials)
      .map(([name, value]) => [name, value.trim()] as const)
      .filter(([, value]) => value !== ''),
  );
  const parsed = credentialsSchemas[channel.platform].safeParse(given);
  if (!parsed.success) {
    const fields: Record<string, string> = {};
    for (const issue of parsed.error.issues) {
      const name = issue.path.join('.');
      if (issue.code === 'unrecognized_keys')
        for (const key of issue.keys) fields[key] = 'is not a credential of this platform';
      else
        fields[name || 'credentials'] ??= given[name] === undefined ? 'is required' : issue.message;
    }
    const names = Object.keys(fields).join(', ');
    throw new AppError('validation_failed', `Check these credentials: ${names}.`, fields);
  }

  const sealed = encryptCredentials(parsed.data, env().CREDENTIALS_KEY);
  return db.$transaction(async (tx) => {
    await tx.channel.update({
      where: { id: channel.id },
      data: {
        credentialsEncrypted: sealed,
        status: 'active',
        statusReason: null,
        // Administrators are warned seven days before (lib/notifications/token-expiry.ts).
        credentialsExpireAt: credentialsExpireAt(channel.platform, parsed.data),
      },
    });
    const heldPosts = await tx.post.count({ where: { channelId: channel.id, status: 'held' } });
    await recordAudit(tx, audit, {
      action: 'channel.connected',
      entityId: channel.id,
      organisationId: channel.organisationId,
      before: { status: channel.status },
      after: { status: 'active', credentials: Object.keys(parsed.data).sort() },
    });
    return { heldPosts };
  });
}
