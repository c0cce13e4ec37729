// Next.js hands route handlers the request's headers but not its socket, and `next start` only
// fills X-Forwarded-For with the peer's address when the client sent none — so a client could
// name any address it liked and escape every per-address limit. Installed once when the server
// starts (instrumentation.ts), this appends the connection's real peer to X-Forwarded-For before
// Next.js sees the request, as a proxy does; client-address.ts then trusts only the hops that
// TRUSTED_PROXIES names.
import { type IncomingMessage, Server } from 'node:http';

/** X-Forwarded-For with the peer appended (what a proxy sends on). */
export function appendPeer(forwardedFor: string | string[] | undefined, peer: string | undefined) {
  const incoming = Array.isArray(forwardedFor) ? forwardedFor.join(', ') : forwardedFor;
  const hop = peer ?? 'unknown';
  return incoming?.trim() ? `${incoming}, ${hop}` : hop;
}

const INSTALLED = Symbol.for('signpost.peerAddress');

export function installPeerAddress(): void {
  const prototype = Server.prototype as Server & { [INSTALLED]?: true };
  if (prototype[INSTALLED]) return;
  prototype[INSTALLED] = true;
  const emit = prototype.emit as (
    this: Server,
    event: string | symbol,
    ...args: unknown[]
  ) => boolean;
  prototype.emit = function (this: Server, event: string | symbol, ...args: unknown[]) {
    if (event === 'request') {
      const request = args[0] as IncomingMessage;
      request.headers['x-forwarded-for'] = appendPeer(
        request.headers['x-forwarded-for'],
        request.socket.remoteAddress,
      );
    }
    return emit.call(this, event, ...args);
  } as typeof prototype.emit;
}
