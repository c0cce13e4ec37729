// API.md's error format: { error: { code, message, fields? } }.
import { z } from 'zod';
import { AppError } from '../errors';

export const ErrorBody = z
  .object({
    error: z.object({
      code: z.string(),
      message: z.string(),
      fields: z.record(z.string(), z.string()).optional(),
    }),
  })
  .meta({ id: 'Error' });
export type ErrorBody = z.infer<typeof ErrorBody>;

export function errorResponse(error: AppError): Response {
  const body: ErrorBody = {
    error: { code: error.code, message: error.message, fields: error.fields },
  };
  const headers: Record<string, string> = {};
  if (error.retryAfterSeconds !== undefined)
    headers['Retry-After'] = String(error.retryAfterSeconds);
  return Response.json(body, { status: error.status, headers });
}

/** A zod failure as a 400 naming every field that is wrong, unknown fields included. */
export function validationError(error: z.ZodError, where: string): AppError {
  const fields: Record<string, string> = {};
  for (const issue of error.issues) {
    if (issue.code === 'unrecognized_keys') {
      for (const key of issue.keys) fields[[...issue.path, key].join('.')] = 'is not a known field';
      continue;
    }
    const path = issue.path.join('.') || where;
    fields[path] ??= issue.message;
  }
  return invalidFields(fields, where);
}

/** A 400 naming each field (path → what is wrong) of the body, query string or path. */
export function invalidFields(fields: Record<string, string>, where: string): AppError {
  const names = Object.keys(fields);
  return new AppError(
    'validation_failed',
    `The ${where === 'body' ? 'request body' : where === 'query' ? 'query string' : 'path'} is not valid: ${names
      .map((name) => `${name} ${fields[name]}`)
      .join('; ')}.`,
    fields,
  );
}
