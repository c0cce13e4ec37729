// What every answer of the API must be, whatever it was sent (API.md): never a 500; a refusal is
// `{error: {code, message, fields?}}` with the status its code documents; a success matches the
// endpoint's response schema.
import { ErrorBody } from '@/lib/api/errors';
import { ERROR_STATUS, type ErrorCode } from '@/lib/errors';
import type { Route } from './routes';

export interface Answer {
  status: number;
  contentType: string | null;
  text: string;
}

/** The ways `answer` breaks the contract; none when it keeps it. */
export function contractBreaches(route: Route, answer: Answer): string[] {
  const { status } = answer;
  // Health answers 503 when the database or Redis does not (documented, and not a bug).
  if (status === 503 && route.path === '/api/v1/health') return [];
  if (status >= 500) return [`answered ${status}: ${answer.text.slice(0, 500)}`];
  if (status < 400) return successBreaches(route, answer);
  let body: unknown;
  try {
    body = JSON.parse(answer.text);
  } catch {
    return [`refused with ${status} but not in JSON: ${answer.text.slice(0, 200)}`];
  }
  const parsed = ErrorBody.safeParse(body);
  if (!parsed.success)
    return [`refused with ${status} in another format: ${answer.text.slice(0, 300)}`];
  const { code, message } = parsed.data.error;
  const documented = ERROR_STATUS[code as ErrorCode];
  if (documented === undefined) return [`refused with the undocumented code ${code}`];
  if (documented !== status)
    return [`refused with ${status} for code ${code} (API.md: ${documented})`];
  if (message.trim() === '') return ['refused without saying why'];
  return [];
}

function successBreaches(route: Route, answer: Answer): string[] {
  const endpoint = route.endpoint;
  if (!endpoint || !answer.contentType?.includes('application/json')) return [];
  const parsed = endpoint.response.safeParse(JSON.parse(answer.text));
  return parsed.success
    ? []
    : [
        `answered ${answer.status} with a body its schema refuses: ${parsed.error.message.slice(0, 500)}`,
      ];
}
