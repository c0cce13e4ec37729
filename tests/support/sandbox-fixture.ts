// For tests: the real adapters pointed at an in-process sandbox, one channel per platform.
import {
  sandboxAppPassword,
  sandboxCredentialsFor,
  sandboxToken,
  xAppSecret,
} from '@/sandbox/credentials';
import { createSandbox, type Sandbox, type SandboxOptions } from '@/sandbox/server';
import type { ChannelConnection, PublishMedia, PublishRequest } from '@/lib/platforms/adapter';
import { sandboxBaseUrl } from '@/lib/platforms/base-urls';
import { findLinks } from '@/lib/platforms/links';
import type { Platform } from '@/lib/platforms/types';

export const ACCOUNTS: Record<Platform, string> = {
  x: '1001',
  facebook: '2002',
  instagram: '17841400000000003',
  linkedin: 'urn:li:organization:4004',
  threads: '5005',
  bluesky: 'did:plc:lancspoliceexample0000',
  mastodon: '6006',
  nextdoor: '7007',
};

export interface SandboxFixture {
  sandbox: Sandbox;
  url: string;
  connection(platform: Platform): ChannelConnection;
  control(method: string, path: string, body?: unknown): Promise<{ status: number; body: unknown }>;
  /** What the sandbox issues besides the channels' credentials (sandbox/credentials.ts). */
  issue: {
    token: typeof sandboxToken;
    xClientSecret: typeof xAppSecret;
    appPassword: typeof sandboxAppPassword;
  };
}

export async function startSandbox(options?: SandboxOptions): Promise<SandboxFixture> {
  const sandbox = createSandbox(options);
  const { url } = await sandbox.listen(0);
  return {
    sandbox,
    url,
    connection: (platform) => ({
      channelId: `channel-${platform}`,
      platform,
      handle: `@lancspolice-${platform}`,
      externalAccountId: ACCOUNTS[platform],
      baseUrl: sandboxBaseUrl(platform, url),
      credentials: sandboxCredentialsFor(platform, ACCOUNTS[platform]),
    }),
    issue: { token: sandboxToken, xClientSecret: xAppSecret, appPassword: sandboxAppPassword },
    async control(method, path, body) {
      const response = await fetch(`${url}${path}`, {
        method,
        headers: body === undefined ? {} : { 'content-type': 'application/json' },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await response.text();
      return { status: response.status, body: text ? (JSON.parse(text) as unknown) : null };
    },
  };
}

// A 1×1 transparent PNG.
const PNG = Uint8Array.from(
  Buffer.from(
    'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAQAAAC1HAwCAAAAC0lEQVR42mNkYAAAAAYAAjCB0C8AAAAASUVORK5CYII=',
    'base64',
  ),
);

export function image(altText: string, name = 'poster'): PublishMedia {
  return {
    url: `https://media.signpost.example/${name}.png`,
    mimeType: 'image/png',
    altText,
    read: () => Promise.resolve(PNG),
  };
}

let sequence = 0;

/** A publish request for the text, with its links found as rendering finds them. */
export function postRequest(text: string, media: PublishMedia[] = []): PublishRequest {
  sequence += 1;
  return { postId: `post-${sequence}`, text, links: findLinks(text), media };
}

/** Instagram cannot publish without an image; every other platform can. */
export function mediaFor(platform: Platform): PublishMedia[] {
  return platform === 'instagram' ? [image('Helpline poster')] : [];
}

export const signal = () => AbortSignal.timeout(10_000);
