// The platform sandbox: one node:http server answering each platform's API under its prefix
// (lib/platforms/base-urls.ts), plus the control surface under /_sandbox. Creatable in-process for
// tests (`createSandbox().listen(0)`) and run on its own by sandbox/main.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { setTimeout as sleep } from 'node:timers/promises';
import pino, { type Logger } from 'pino';
import { SANDBOX_PREFIXES } from '@/lib/platforms/base-urls';
import { handleControl } from './control';
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
import { SandboxState } from './state';

const SANDBOX_PLATFORMS: SandboxPlatform[] = [
  xSandbox,
  facebookSandbox,
  instagramSandbox,
  linkedinSandbox,
  threadsSandbox,
  blueskySandbox,
  mastodonSandbox,
  nextdoorSandbox,
];
const MAX_BODY_BYTES = 20 * 1024 * 1024;

export interface SandboxOptions {
  logger?: Logger;
  /** The sandbox's clock (metrics grow with it); the real time by default. */
  now?: () => Date;
}

export interface Sandbox {
  server: Server;
  state: SandboxState;
  listen(port?: number, host?: string): Promise<{ url: string }>;
  close(): Promise<void>;
}

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const logger = options.logger ?? pino({ level: 'silent' });
  const state = new SandboxState(options.now);
  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error({ err: error, method: req.method, url: req.url }, 'sandbox bug');
      if (!res.headersSent) send(res, { status: 500, body: { error: 'sandbox bug' } });
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const raw = await readBody(req);
    const [path = '/', search = ''] = (req.url ?? '/').split('?', 2);
    const query = new URLSearchParams(search);
    const method = req.method ?? 'GET';
    if (raw === null) return send(res, { status: 413, body: { error: 'Request body too large' } });
    if (path.startsWith('/_sandbox')) {
      return send(
        res,
        handleControl(method, path, query, () => parseJson(raw, req), state),
      );
    }
    const platform = SANDBOX_PLATFORMS.find(({ platform: name }) => {
      const prefix = SANDBOX_PREFIXES[name];
      return path === prefix || path.startsWith(`${prefix}/`);
    });
    if (!platform)
      return send(res, { status: 404, body: { error: `No platform is served at ${path}` } });
    if (state.latencyMs > 0) await sleep(state.latencyMs);

    const subpath = path.slice(SANDBOX_PREFIXES[platform.platform].length) || '/';
    const found = matchRoute(platform.routes, method, subpath);
    if (!found) return send(res, platform.error(404, `Unknown path components: ${subpath}`));
    let json: { value: unknown } | null = null;
    const request: SandboxRequest = {
      method,
      path: subpath,
      params: found.params,
      query,
      headers: req.headers,
      raw,
      origin: `http://${req.headers.host ?? '127.0.0.1'}`,
      json() {
        json ??= { value: parseJson(raw, req) };
        if (json.value === undefined)
          throw new Refusal(platform.error(400, 'The request body is not valid JSON'));
        return json.value;
      },
    };

    try {
      const account = found.route.publishes?.(request) ?? false;
      const fault = account === false ? null : state.takeFault(platform.platform, account);
      if (fault && fault.kind !== 'timeout') {
        logger.info({ platform: platform.platform, account, kind: fault.kind }, 'injected fault');
        return send(res, platform.fault(fault.kind, fault.retryAfterSeconds, state.now()));
      }
      const reply = await found.route.handle(request, state);
      if (fault) {
        // The hard case: the post is recorded, the caller never hears so. The socket stays open
        // until the client gives up (or the sandbox closes).
        logger.info(
          { platform: platform.platform, account },
          'injected timeout: holding the answer',
        );
        return;
      }
      send(res, reply);
    } catch (error) {
      if (!(error instanceof Refusal)) throw error;
      send(res, error.reply);
    }
  }

  return {
    server,
    state,
    listen(port = 0, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const { port: bound } = server.address() as AddressInfo;
          logger.info({ host, port: bound }, 'platform sandbox listening');
          resolve({ url: `http://${host}:${bound}` });
        });
      });
    },
    close() {
      return new Promise((resolve, reject) => {
        server.close((error) => (error ? reject(error) : resolve()));
        // Held answers (the timeout fault) and idle keep-alive sockets would keep close() waiting.
        server.closeAllConnections();
      });
    },
  };
}

function send(res: ServerResponse, reply: SandboxReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers['content-type'] = 'application/json; charset=utf-8';
  res.writeHead(reply.status, headers).end(JSON.stringify(reply.body));
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

/** JSON or form-encoded bodies (the Graph API takes both); undefined when unreadable. */
function parseJson(raw: Buffer, req: IncomingMessage): unknown {
  if (raw.length === 0) return {};
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('application/x-www-form-urlencoded')) {
    return Object.fromEntries(new URLSearchParams(raw.toString('utf8')));
  }
  if (!type.includes('json')) return undefined;
  try {
    return JSON.parse(raw.toString('utf8')) as unknown;
  } catch {
    // The caller answers with the platform's own "not valid JSON" refusal.
    return undefined;
  }
}
