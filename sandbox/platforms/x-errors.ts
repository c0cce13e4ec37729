// X API v2's error bodies (docs.x.com, "Response codes and errors"): problem details, with the
// invalid-request problem listing each error for a 400, and X's rate-limit headers.
import { STATUS_CODES } from 'node:http';
import type { z } from 'zod';
import type { RateWindow } from '../rate-limits';
import { Refusal, type SandboxReply } from '../routes';

export function xError(status: number, message: string): SandboxReply {
  if (status === 400) {
    return {
      status,
      body: {
        errors: [{ message }],
        title: 'Invalid Request',
        detail: 'One or more parameters to your request was invalid.',
        type: 'https://api.twitter.com/2/problems/invalid-request',
      },
    };
  }
  return {
    status,
    body: { title: STATUS_CODES[status], detail: message, type: 'about:blank', status },
  };
}

/** A partial error beside `data` (a post that could not be found, a field not allowed). */
export function xNotFound(id: string, parameter: string) {
  return {
    value: id,
    detail: `Could not find tweet with ${parameter}: [${id}].`,
    title: 'Not Found Error',
    resource_type: 'tweet',
    parameter,
    resource_id: id,
    type: 'https://api.twitter.com/2/problems/resource-not-found',
  };
}

export function xRateHeaders(window: Pick<RateWindow, 'limit' | 'remaining' | 'resetAt'>) {
  return {
    'x-rate-limit-limit': String(window.limit),
    'x-rate-limit-remaining': String(window.remaining),
    'x-rate-limit-reset': String(Math.ceil(window.resetAt.getTime() / 1000)),
  };
}

/** The value in the schema's shape, or X's 400 naming the parameter (as `name(field)` puts it). */
export function xParse<T>(
  schema: z.ZodType<T>,
  value: unknown,
  name: (field: string) => string = (field) => field,
): T {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  const field = name(issue?.path.join('.') || 'body');
  throw new Refusal(xError(400, `Invalid parameter ${field}: ${issue?.message ?? 'invalid'}`));
}
