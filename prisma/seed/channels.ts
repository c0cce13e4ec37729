// Demo channels, all pointing at the platform sandbox (baseUrl null = the configured default).
// Every force has X, Facebook and Instagram; across all organisations every platform has at
// least one channel.
import { createHash } from 'node:crypto';
import { encryptCredentials } from '../../lib/channels/credentials';
import { sandboxCredentialsFor } from '../../sandbox/credentials';
import type { PrismaClient } from '../generated/client';
import type { ChannelLanguage, Platform } from '../generated/enums';
import { FORCES } from '../seed-data';

export interface ChannelSeed {
  organisation: string;
  platform: Platform;
  handle: string;
  /** What the account carries (issue 13); English when absent. */
  language?: ChannelLanguage;
}

const FORCE_HANDLES: Record<string, string> = {
  lancashire: 'LancsPolice',
  merseyside: 'MerseyPolice',
  'greater-manchester': 'gmpolice',
  cheshire: 'cheshirepolice',
  cumbria: 'Cumbriapolice',
  'north-wales': 'NWPolice',
};

const EXTRA_CHANNELS: readonly ChannelSeed[] = [
  { organisation: 'lancashire', platform: 'linkedin', handle: 'lancashire-constabulary' },
  { organisation: 'lancashire', platform: 'nextdoor', handle: 'Lancashire Constabulary' },
  { organisation: 'merseyside', platform: 'threads', handle: 'merseypolice' },
  { organisation: 'merseyside', platform: 'bluesky', handle: 'merseyside.police.uk' },
  { organisation: 'greater-manchester', platform: 'linkedin', handle: 'greater-manchester-police' },
  { organisation: 'greater-manchester', platform: 'mastodon', handle: 'gmp@social.police.uk' },
  { organisation: 'greater-manchester', platform: 'nextdoor', handle: 'Greater Manchester Police' },
  { organisation: 'cheshire', platform: 'bluesky', handle: 'cheshire.police.uk' },
  { organisation: 'cumbria', platform: 'nextdoor', handle: 'Cumbria Police' },
  // North Wales Police publishes in Welsh and English (issue 13): a Welsh account beside the
  // English one on X and Facebook, and bilingual accounts elsewhere.
  { organisation: 'north-wales', platform: 'x', handle: 'HeddluGogCymru', language: 'cy' },
  { organisation: 'north-wales', platform: 'facebook', handle: 'HeddluGogCymru', language: 'cy' },
  {
    organisation: 'north-wales',
    platform: 'mastodon',
    handle: 'nwp@social.police.uk',
    language: 'bilingual',
  },
  { organisation: 'nw-rocu', platform: 'x', handle: 'NWROCU' },
  { organisation: 'nw-rocu', platform: 'facebook', handle: 'NWROCU' },
  { organisation: 'nw-rocu', platform: 'linkedin', handle: 'nw-rocu' },
  { organisation: 'nw-rocu', platform: 'bluesky', handle: 'nwrocu.police.uk' },
  { organisation: 'nw-rocu', platform: 'threads', handle: 'nwrocu' },
  { organisation: 'lancashire-county-council', platform: 'x', handle: 'LancashireCC' },
  { organisation: 'lancashire-county-council', platform: 'facebook', handle: 'lancashirecc' },
  {
    organisation: 'lancashire-county-council',
    platform: 'linkedin',
    handle: 'lancashire-county-council',
  },
  { organisation: 'manchester-city-council', platform: 'x', handle: 'ManCityCouncil' },
  {
    organisation: 'manchester-city-council',
    platform: 'instagram',
    handle: 'manchestercitycouncil',
  },
  {
    organisation: 'manchester-city-council',
    platform: 'nextdoor',
    handle: 'Manchester City Council',
  },
  { organisation: 'cheshire-east-council', platform: 'facebook', handle: 'cheshireeastcouncil' },
  { organisation: 'cheshire-east-council', platform: 'x', handle: 'CheshireEast' },
  {
    organisation: 'cheshire-east-council',
    platform: 'mastodon',
    handle: 'cheshireeast@social.gov.uk',
  },
];

export const DEMO_CHANNELS: readonly ChannelSeed[] = [
  ...FORCES.flatMap((force) =>
    (['x', 'facebook', 'instagram'] as const).map((platform): ChannelSeed => ({
      organisation: force.slug,
      platform,
      handle: FORCE_HANDLES[force.slug] ?? force.slug,
      // North Wales's Instagram is one bilingual account; its X and Facebook are paired.
      language: force.languages?.includes('cy') && platform === 'instagram' ? 'bilingual' : 'en',
    })),
  ),
  ...EXTRA_CHANNELS,
];

const BASE32 = 'abcdefghijklmnopqrstuvwxyz234567';

/**
 * A stable account id in the platform's own form: LinkedIn organisation URNs, Bluesky DIDs,
 * numeric ids elsewhere. Stable across re-seeds, so posts stay attached to their account.
 */
export function demoAccountId(channel: ChannelSeed): string {
  const digest = createHash('sha256')
    .update(`${channel.organisation}/${channel.platform}/${channel.handle}`)
    .digest();
  const digits = BigInt(`0x${digest.subarray(0, 7).toString('hex')}`)
    .toString()
    .padStart(12, '0')
    .slice(0, 12);
  if (channel.platform === 'linkedin') return `urn:li:organization:${digits}`;
  if (channel.platform === 'bluesky')
    return `did:plc:${[...digest.subarray(0, 24)].map((byte) => BASE32[byte % 32]).join('')}`;
  return `1${digits}`;
}

export async function seedDemoChannels(
  db: PrismaClient,
  organisationIds: Map<string, string>,
  credentialsKey: string,
) {
  for (const channel of DEMO_CHANNELS) {
    const organisationId = organisationIds.get(channel.organisation);
    if (!organisationId) throw new Error(`Unknown organisation ${channel.organisation}`);
    const externalAccountId = demoAccountId(channel);
    // The sandbox's credentials agree with the account id (sandbox/README.md).
    const credentialsEncrypted = encryptCredentials(
      sandboxCredentialsFor(channel.platform, externalAccountId),
      credentialsKey,
    );
    await db.channel.upsert({
      where: {
        organisationId_platform_handle: {
          organisationId,
          platform: channel.platform,
          handle: channel.handle,
        },
      },
      // A demo channel keeps its state (re-authorised, disabled) but is pointed at its sandbox account.
      update: { externalAccountId, credentialsEncrypted, language: channel.language ?? 'en' },
      create: {
        organisationId,
        platform: channel.platform,
        handle: channel.handle,
        externalAccountId,
        credentialsEncrypted,
        language: channel.language ?? 'en',
      },
    });
  }
  return DEMO_CHANNELS.length;
}
