// The one expected-error type: its message may reach a user, with an HTTP status and a code
// from API.md. Anything else that is thrown is a bug: logged with context, answered with 500.

export const ERROR_STATUS = {
  validation_failed: 400,
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  conflict: 409,
  payload_too_large: 413,
  rate_limited: 429,
} as const;

export type ErrorCode = keyof typeof ERROR_STATUS;

export class AppError extends Error {
  override name = 'AppError';

  constructor(
    readonly code: ErrorCode,
    message: string,
    /** For validation errors: field path → what is wrong with it. */
    readonly fields?: Record<string, string>,
    /** For rate limits: seconds until the caller may try again. */
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }

  get status(): number {
    return ERROR_STATUS[this.code];
  }
}

export const notFound = (what: string) => new AppError('not_found', `${what} was not found.`);
export const forbidden = (message: string) => new AppError('forbidden', message);
export const conflict = (message: string) => new AppError('conflict', message);
export const invalid = (message: string, fields?: Record<string, string>) =>
  new AppError('validation_failed', message, fields);
