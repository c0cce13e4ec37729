// The platform sandbox's control surface (API.md), for tests.
import type { Platform, RenderedLink } from '@/lib/platforms/types';

const base = () => {
  const url = process.env.SANDBOX_URL;
  if (!url) throw new Error('SANDBOX_URL is not set: the integration setup starts the sandbox');
  return url;
};

async function control<T>(method: string, path: string, body?: unknown): Promise<T> {
  const response = await fetch(`${base()}${path}`, {
    method,
    headers: body === undefined ? undefined : { 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (!response.ok)
    throw new Error(`sandbox ${method} ${path}: ${response.status} ${await response.text()}`);
  return (await response.json()) as T;
}

export interface SandboxPost {
  platform: Platform;
  account: string;
  id: string;
  text: string;
  receivedAt: string;
  /** Links carried beside the text (Bluesky facets); absent where the platform links the text. */
  links?: RenderedLink[];
}

export const sandboxPosts = (platform?: Platform) =>
  control<SandboxPost[]>('GET', `/_sandbox/posts${platform ? `?platform=${platform}` : ''}`);

export async function resetSandbox(): Promise<void> {
  await control('DELETE', '/_sandbox/posts');
  await control('DELETE', '/_sandbox/faults');
  await control('DELETE', '/_sandbox/mail');
  await control('POST', '/_sandbox/config', { latencyMs: 0, quotas: true });
}

export const injectFault = (fault: {
  platform: Platform;
  kind: '429' | '500' | 'timeout' | '401';
  count: number;
  retryAfterSeconds?: number;
  /** Only the call that creates a post, or only metrics reads; both when left out. */
  calls?: 'publish' | 'metrics';
}) => control('POST', '/_sandbox/faults', fault);

export const setLatency = (latencyMs: number) => control('POST', '/_sandbox/config', { latencyMs });
