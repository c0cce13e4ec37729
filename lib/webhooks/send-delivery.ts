// One HTTP attempt of a delivery: POST the body with its headers, follow no redirect, give up
// after the timeout, and say what came back. In production the address is checked where it is
// used: a literal IP host before connecting, a host name inside the socket's own DNS lookup, so
// the socket connects to exactly the addresses that were checked and a name that resolves
// elsewhere later (DNS rebinding) is checked again then. Development and tests may reach
// loopback (the sandbox, a test's own endpoint).
import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { isIP, type LookupFunction } from 'node:net';
import { Agent, request } from 'undici';
import { refusalReason, refusedAddressKind } from './address-policy';

export interface SendRequest {
  url: string;
  body: string;
  headers: Record<string, string>;
  timeoutMs: number;
  /** Refuse addresses of our own network (production). */
  guardAddresses: boolean;
}

export interface SendResult {
  ok: boolean;
  statusCode: number | null;
  responseMs: number;
  /** Short words for the delivery log; null on success. */
  error: string | null;
}

class AddressRefused extends Error {
  override name = 'AddressRefused';
}

/** dns.lookup, refusing the answer if any address it gives is one webhooks may not reach. */
export const guardedLookup: LookupFunction = (hostname, options, callback) => {
  dnsLookup(hostname, { ...options, all: true }, (error, addresses: LookupAddress[]) => {
    if (error) return callback(error, '', 0);
    for (const { address } of addresses) {
      const kind = refusedAddressKind(address);
      if (kind)
        return callback(new AddressRefused(`${hostname}: ${refusalReason(address, kind)}`), '', 0);
    }
    const first = addresses[0];
    if (!first) return callback(new Error(`${hostname} has no address`), '', 0);
    // Node's net asks for every address when it races IPv4 against IPv6, else for one.
    if ((options as { all?: boolean }).all)
      return (callback as unknown as (error: null, addresses: LookupAddress[]) => void)(
        null,
        addresses,
      );
    return callback(null, first.address, first.family);
  });
};

let guardedAgent: Agent | undefined;
let plainAgent: Agent | undefined;

function agentFor(guard: boolean): Agent {
  if (guard) return (guardedAgent ??= new Agent({ connect: { lookup: guardedLookup } }));
  return (plainAgent ??= new Agent());
}

const MAX_ERROR = 200;

function shortError(error: unknown): string {
  if (!(error instanceof Error)) return 'The request failed';
  const code = (error as { code?: unknown }).code;
  return `${typeof code === 'string' ? `${code}: ` : ''}${error.message}`.slice(0, MAX_ERROR);
}

function findRefusal(error: unknown, seen = 0): AddressRefused | null {
  if (error instanceof AddressRefused) return error;
  if (seen > 4 || !(error instanceof Error) || !error.cause) return null;
  return findRefusal(error.cause, seen + 1);
}

export async function sendDelivery(send: SendRequest): Promise<SendResult> {
  const started = performance.now();
  const elapsed = () => Math.round(performance.now() - started);
  const url = new URL(send.url);
  if (send.guardAddresses) {
    const host = url.hostname.replace(/^\[(.*)\]$/, '$1');
    const kind = isIP(host) !== 0 ? refusedAddressKind(host) : null;
    if (kind)
      return { ok: false, statusCode: null, responseMs: 0, error: refusalReason(host, kind) };
  }
  const timeout = AbortSignal.timeout(send.timeoutMs);
  try {
    const answer = await request(url, {
      method: 'POST',
      headers: send.headers,
      body: send.body,
      signal: timeout,
      dispatcher: agentFor(send.guardAddresses),
    });
    // What the endpoint says is not ours to keep; read a little so the connection is reusable.
    await answer.body.dump({ limit: 64 * 1024 });
    const ok = answer.statusCode >= 200 && answer.statusCode <= 299;
    return {
      ok,
      statusCode: answer.statusCode,
      responseMs: elapsed(),
      error: ok ? null : `The endpoint answered HTTP ${answer.statusCode}`,
    };
  } catch (error) {
    const refusal = findRefusal(error);
    return {
      ok: false,
      statusCode: null,
      responseMs: elapsed(),
      error: refusal
        ? refusal.message.slice(0, MAX_ERROR)
        : timeout.aborted
          ? `No answer within ${send.timeoutMs / 1000} s: abandoned`
          : shortError(error),
    };
  }
}
