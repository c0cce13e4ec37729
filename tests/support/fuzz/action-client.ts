// Calls a server action over HTTP as the browser does: the arguments encoded with React's
// encodeReply, POSTed to a page with the action's id in the Next-Action header, and the answer
// decoded from the Flight stream. The whole of Next's action handling runs, and our code behind it.
import {
  createFromReadableStream,
  encodeReply,
} from 'next/dist/compiled/react-server-dom-turbopack/client.edge';

export interface ActionCall {
  baseUrl: string;
  /** A page that uses the action (Next forwards the call to it otherwise). */
  page: string;
  actionId: string;
  args: unknown[];
  headers?: Record<string, string>;
}

export interface ActionAnswer {
  status: number;
  /** `x-action-redirect`: where the browser is sent (the sign-in page, for nobody). */
  redirect: string | null;
  /** What the action answered, when it answered. */
  result?: unknown;
  /** Why the answer could not be read, or what the action threw. */
  failure?: string;
  setCookie: string[];
}

type ActionRoot = { a?: unknown };

const noModules = { moduleMap: {}, serverModuleMap: null, moduleLoading: null };

/**
 * Objects as a page would hold them: fast-check makes some without a prototype, which
 * encodeReply refuses. Own keys are copied as they are, `__proto__` included.
 */
function asPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(asPlain);
  if (typeof value !== 'object' || value === null) return value;
  const prototype: unknown = Object.getPrototypeOf(value);
  if (prototype !== null && prototype !== Object.prototype) return value;
  const copy = {};
  for (const [key, inner] of Object.entries(value))
    Object.defineProperty(copy, key, { value: asPlain(inner), enumerable: true, writable: true });
  return copy;
}

export async function callAction(call: ActionCall): Promise<ActionAnswer> {
  const body = await encodeReply(asPlain(call.args));
  return postAction(call, body);
}

/** The same POST with a body of the caller's making: malformed, oversized, not Flight at all. */
export async function postAction(
  call: Omit<ActionCall, 'args'>,
  body: string | FormData,
  contentType = typeof body === 'string' ? 'text/plain;charset=UTF-8' : undefined,
): Promise<ActionAnswer> {
  const response = await fetch(`${call.baseUrl}${call.page}`, {
    method: 'POST',
    headers: {
      accept: 'text/x-component',
      'next-action': call.actionId,
      origin: call.baseUrl,
      // Next answers with the action's result alone, without the page re-rendered after it
      // (whose client components this decoder cannot load); the action itself runs in full.
      'x-action-forwarded': '1',
      ...(contentType ? { 'content-type': contentType } : {}),
      ...call.headers,
    },
    body,
    redirect: 'manual',
  });
  const answer: ActionAnswer = {
    status: response.status,
    redirect: response.headers.get('x-action-redirect'),
    setCookie: response.headers.getSetCookie(),
  };
  // A redirect's body is the next page's Flight, with client components this decoder cannot load.
  if (answer.redirect !== null) {
    await response.body?.cancel();
    return answer;
  }
  if (!response.body || !response.headers.get('content-type')?.includes('text/x-component')) {
    return { ...answer, failure: (await response.text()).slice(0, 500) };
  }
  try {
    const root = await createFromReadableStream<ActionRoot>(response.body, {
      serverConsumerManifest: noModules,
    });
    return { ...answer, result: await root.a };
  } catch (error) {
    return { ...answer, failure: error instanceof Error ? error.message : String(error) };
  }
}
