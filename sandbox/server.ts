// The platform sandbox: one process, one node:http server per platform, each answering that
// platform's API at its root as the real host does, and one more for the control surface under
// /_sandbox. The platforms listen on the ports after the control surface's
// (lib/platforms/base-urls.ts). Creatable in-process for tests (`createSandbox().listen(0)`) and
// run on its own by sandbox/main.ts.
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import pino, { type Logger } from 'pino';
import { SANDBOX_PORT_OFFSETS, sandboxBaseUrl } from '@/lib/platforms/base-urls';
import { PLATFORMS, type Platform } from '@/lib/platforms/types';
import { parseBody } from './body';
import { readRequestBody, sendReply } from './http-io';
import { handleControl } from './control';
import { handlePlatformRequest } from './dispatch';
import { createMailCatcher, MailBox } from './mail';
import { SandboxState } from './state';

export interface SandboxOptions {
  logger?: Logger;
  /** The sandbox's clock (metrics and token expiry follow it); the real time by default. */
  now?: () => Date;
}

export interface Sandbox {
  /** The control surface's server, and each platform's. */
  servers: Record<'control' | Platform, Server>;
  state: SandboxState;
  /** The mail its SMTP server received, newest first (GET /_sandbox/mail). */
  mail: MailBox;
  /**
   * Listens on `port` (0: any free block of ports) and the platforms' ports after it, and the
   * mail catcher on `smtpPort` (0: any free port); `smtp` is the SMTP_URL that reaches it.
   */
  listen(
    port?: number,
    host?: string,
    smtpPort?: number,
  ): Promise<{ url: string; platforms: Record<Platform, string>; smtp: string }>;
  close(): Promise<void>;
}

// Ephemeral ports are handed out one at a time; the ports after one may be taken, so a free
// block is looked for a few times before giving up.
const BLOCK_ATTEMPTS = 25;

export function createSandbox(options: SandboxOptions = {}): Sandbox {
  const logger = options.logger ?? pino({ level: 'silent' });
  const state = new SandboxState(options.now);
  const mail = new MailBox();
  const catcher = createMailCatcher(mail, { logger, now: state.now });
  let controlUrl = '';

  const serve = (handle: (req: IncomingMessage, res: ServerResponse) => Promise<void>) =>
    createServer((req, res) => {
      handle(req, res).catch((error: unknown) => {
        logger.error({ err: error, method: req.method, url: req.url }, 'sandbox bug');
        if (!res.headersSent) sendReply(res, { status: 500, body: { error: 'sandbox bug' } });
      });
    });

  const control = serve(async (req, res) => {
    const raw = await readRequestBody(req);
    const [path = '/', search = ''] = (req.url ?? '/').split('?', 2);
    if (raw === null)
      return sendReply(res, { status: 413, body: { error: 'Request body too large' } });
    const body = parseBody(raw, req.headers['content-type']);
    const reply = handleControl(req.method ?? 'GET', path, new URLSearchParams(search), body, {
      state,
      mail,
      platforms: () => platformUrls(controlUrl),
    });
    sendReply(res, reply);
  });
  const servers = { control } as Record<'control' | Platform, Server>;
  for (const platform of PLATFORMS) {
    servers[platform] = serve((req, res) =>
      handlePlatformRequest({ platform, req, res, state, logger }),
    );
  }

  return {
    servers,
    state,
    mail,
    async listen(port = 0, host = '127.0.0.1', smtpPort = 0) {
      const bound = await listenOnBlock(servers, port, host);
      const hostInUrl = host.includes(':') ? `[${host}]` : host;
      controlUrl = `http://${hostInUrl}:${bound}`;
      const smtp = `smtp://${hostInUrl}:${await catcher.listen(smtpPort, host)}`;
      logger.info(
        { host, port: bound, platforms: platformUrls(controlUrl), smtp },
        'platform sandbox listening',
      );
      return { url: controlUrl, platforms: platformUrls(controlUrl), smtp };
    },
    async close() {
      await Promise.all([...Object.values(servers).map(closeServer), catcher.close()]);
    },
  };
}

function platformUrls(controlUrl: string): Record<Platform, string> {
  return Object.fromEntries(
    PLATFORMS.map((platform) => [platform, sandboxBaseUrl(platform, controlUrl)]),
  ) as Record<Platform, string>;
}

async function listenOnBlock(
  servers: Record<'control' | Platform, Server>,
  port: number,
  host: string,
): Promise<number> {
  for (let attempt = 1; ; attempt++) {
    const base = await listenOne(servers.control, port, host);
    try {
      for (const platform of PLATFORMS) {
        await listenOne(servers[platform], base + SANDBOX_PORT_OFFSETS[platform], host);
      }
      return base;
    } catch (error) {
      await Promise.all(Object.values(servers).map(closeServer));
      const taken = error instanceof Error && 'code' in error && error.code === 'EADDRINUSE';
      if (port !== 0 || !taken || attempt >= BLOCK_ATTEMPTS) throw error;
    }
  }
}

function listenOne(server: Server, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const failed = (error: Error) => reject(error);
    server.once('error', failed);
    server.listen(port, host, () => {
      server.off('error', failed);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function closeServer(server: Server): Promise<void> {
  if (!server.listening) return Promise.resolve();
  return new Promise((resolve, reject) => {
    server.close((error) => (error ? reject(error) : resolve()));
    // Held answers (the timeout fault) and idle keep-alive sockets would keep close() waiting.
    server.closeAllConnections();
  });
}
