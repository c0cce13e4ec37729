// A channel as its adapter needs it: credentials decrypted, and the base URL its own (a real
// platform), or the platform's default for this deployment (the sandbox unless PLATFORM_MODE=live).
import type { ChannelConnection } from '../platforms/adapter';
import { liveBaseUrl, sandboxBaseUrl } from '../platforms/base-urls';
import type { Platform } from '../platforms/types';
import { decryptCredentials } from '../channels/credentials';
import type { Env } from '../env';

export interface ChannelRow {
  id: string;
  platform: Platform;
  handle: string;
  externalAccountId: string;
  baseUrl: string | null;
  credentialsEncrypted: string;
}

export function channelConnection(channel: ChannelRow, settings: Env): ChannelConnection {
  const baseUrl =
    channel.baseUrl ??
    (settings.PLATFORM_MODE === 'live'
      ? liveBaseUrl(channel.platform)
      : sandboxBaseUrl(channel.platform, settings.SANDBOX_URL));
  return {
    channelId: channel.id,
    platform: channel.platform,
    handle: channel.handle,
    externalAccountId: channel.externalAccountId,
    baseUrl: baseUrl.replace(/\/+$/, ''),
    credentials: decryptCredentials(channel.credentialsEncrypted, settings.CREDENTIALS_KEY),
  };
}
