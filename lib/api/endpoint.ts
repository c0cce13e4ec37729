// An endpoint of the public API, described once: the route handler validates with these
// schemas and the OpenAPI document is generated from the same ones.
import type { z } from 'zod';
import type { ErrorCode } from '../errors';

export type HttpMethod = 'get' | 'post' | 'put' | 'patch' | 'delete';

export interface Endpoint<
  Body extends z.ZodType | undefined = z.ZodType | undefined,
  Query extends z.ZodType | undefined = z.ZodType | undefined,
  Params extends z.ZodType | undefined = z.ZodType | undefined,
  Response extends z.ZodType = z.ZodType,
  Access extends 'public' | 'signed_in' = 'public' | 'signed_in',
> {
  method: HttpMethod;
  /** OpenAPI style, relative to /api/v1: `/messages/{id}`. */
  path: string;
  summary: string;
  /** Longer than a summary: the rules a caller needs (OpenAPI's `description`). */
  description?: string;
  tag: string;
  /** `public` endpoints need no sign-in; `signed_in` ones take a session cookie or a Bearer token. */
  access: Access;
  body?: Body;
  query?: Query;
  params?: Params;
  response: Response;
  /** What the request body is when it is not JSON (a CSV import); `body` describes it. */
  bodyContentType?: 'text/csv';
  /** What a success answers with when it is not JSON (a CSV export, a PDF report). */
  contentType?: 'text/csv' | 'application/pdf' | 'application/zip' | 'text/calendar';
  /** 204: the answer has no body (`response` is then `z.void()`). */
  successStatus?: 200 | 201 | 202 | 204;
  /** The error codes this endpoint answers with besides the usual ones. */
  errors?: ErrorCode[];
  /** Largest request body accepted, in bytes (default 64 KiB). */
  maxBodyBytes?: number;
}

export function defineEndpoint<
  Body extends z.ZodType | undefined = undefined,
  Query extends z.ZodType | undefined = undefined,
  Params extends z.ZodType | undefined = undefined,
  Response extends z.ZodType = z.ZodType,
  Access extends 'public' | 'signed_in' = 'signed_in',
>(
  endpoint: Endpoint<Body, Query, Params, Response, Access>,
): Endpoint<Body, Query, Params, Response, Access> {
  return endpoint;
}
