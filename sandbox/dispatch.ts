// One request to one platform's port: read and parse the body, find the route under the
// platform's API root, apply an injected fault to a publishing or metrics call, run the handler, and let
// the platform add what it sends with every answer (rate-limit headers).
import type { IncomingMessage, ServerResponse } from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from 'pino';
import { apiRootPath } from '@/lib/platforms/base-urls';
import type { Platform } from '@/lib/platforms/types';
import { parseBody } from './body';
import { readRequestBody, sendReply } from './http-io';
import { blueskySandbox } from './platforms/bluesky';
import { facebookSandbox } from './platforms/facebook';
import { instagramSandbox } from './platforms/instagram';
import { linkedinSandbox } from './platforms/linkedin';
import { mastodonSandbox } from './platforms/mastodon';
import { nextdoorSandbox } from './platforms/nextdoor';
import { threadsSandbox } from './platforms/threads';
import { xSandbox } from './platforms/x';
import {
  matchRoute,
  Refusal,
  type SandboxPlatform,
  type SandboxReply,
  type SandboxRequest,
} from './routes';
import type { SandboxState } from './state';

export const SANDBOX_PLATFORMS: Record<Platform, SandboxPlatform> = {
  x: xSandbox,
  facebook: facebookSandbox,
  instagram: instagramSandbox,
  linkedin: linkedinSandbox,
  threads: threadsSandbox,
  bluesky: blueskySandbox,
  mastodon: mastodonSandbox,
  nextdoor: nextdoorSandbox,
};

export async function handlePlatformRequest(options: {
  platform: Platform;
  req: IncomingMessage;
  res: ServerResponse;
  state: SandboxState;
  logger: Logger;
}): Promise<void> {
  const { req, res, state, logger } = options;
  const platform = SANDBOX_PLATFORMS[options.platform];
  const raw = await readRequestBody(req);
  if (raw === null) return sendReply(res, platform.error(413, 'Request body too large'));
  const [fullPath = '/', search = ''] = (req.url ?? '/').split('?', 2);
  const root = apiRootPath(platform.platform);
  const origin = `http://${req.headers.host ?? '127.0.0.1'}`;
  const parsed = parseBody(raw, req.headers['content-type']);
  const underRoot = root === '' || fullPath === root || fullPath.startsWith(`${root}/`);
  const path = fullPath.slice(underRoot ? root.length : 0) || '/';
  const method = req.method ?? 'GET';
  const request: SandboxRequest = {
    method,
    path,
    params: {},
    query: new URLSearchParams(search),
    headers: req.headers,
    raw,
    origin,
    url: `${origin}${fullPath}`,
    parsed,
    body() {
      if (parsed.kind === 'unreadable' || parsed.kind === 'bytes')
        throw new Refusal(platform.error(400, 'The request body is not valid JSON'));
      return parsed.value;
    },
  };
  const found = underRoot ? matchRoute(platform.routes, method, path) : null;
  if (state.latencyMs > 0) await sleep(state.latencyMs);
  const finish = (reply: SandboxReply) =>
    sendReply(res, platform.everyAnswer?.(request, reply, state) ?? reply);
  if (!found) {
    return finish(
      platform.unknownPath?.(request) ??
        platform.error(404, `Unknown path components: ${fullPath}`),
    );
  }
  request.params = found.params;

  try {
    platform.beforeRoute?.(request, state);
    state.countCall(platform.platform, method, found.route.path);
    const publishing = found.route.publishes?.(request) ?? false;
    const account =
      publishing === false ? (found.route.readsMetrics?.(request, state) ?? false) : publishing;
    const fault =
      account === false
        ? null
        : state.takeFault(platform.platform, account, publishing === false ? 'metrics' : 'publish');
    if (fault && fault.kind !== 'timeout') {
      logger.info({ platform: platform.platform, account, kind: fault.kind }, 'injected fault');
      return finish(platform.fault(fault.kind, fault.retryAfterSeconds, state.now()));
    }
    const reply = await found.route.handle(request, state);
    if (fault) {
      // The hard case: the post is recorded, the caller never hears so. The socket stays open
      // until the client gives up (or the sandbox closes).
      logger.info({ platform: platform.platform, account }, 'injected timeout: holding the answer');
      return;
    }
    finish(reply);
  } catch (error) {
    if (!(error instanceof Refusal)) throw error;
    finish(error.reply);
  }
}
