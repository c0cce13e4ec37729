// Turns an endpoint and one lib function into a Next.js route handler: count the request against
// its rate limit (request-rate-limit.ts), find the actor, parse params, query and body with zod,
// call, shape the answer. Every expected failure is a 4xx in API.md's error format; anything else
// is logged and answered with a generic 500.
import { z } from 'zod';
import { type CurrentActor, actorFromHeaders } from '../auth/actor';
import { AppError } from '../errors';
import { log } from '../log';
import type { Endpoint } from './endpoint';
import { errorResponse, invalidFields, validationError } from './errors';
import { readJsonBody } from './read-body';
import { limitApiRequest } from './request-rate-limit';
import { unstorableText } from './storable-text';

type Input<T> = T extends z.ZodType ? z.output<T> : undefined;

export interface HandlerContext<E extends Endpoint> {
  actor: E extends Endpoint<infer _B, infer _Q, infer _P, infer _R, 'signed_in'>
    ? CurrentActor
    : CurrentActor | null;
  body: E extends Endpoint<infer B> ? Input<B> : never;
  query: E extends Endpoint<infer _B, infer Q> ? Input<Q> : never;
  params: E extends Endpoint<infer _B, infer _Q, infer P> ? Input<P> : never;
  request: Request;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function handle<E extends Endpoint>(
  endpoint: E,
  run: (context: HandlerContext<E>) => Promise<z.input<E['response']> | Response>,
): (request: Request, routeContext: RouteContext) => Promise<Response> {
  return async (request, routeContext) => {
    try {
      // Before anything that costs: a caller over its limit reaches neither the database nor
      // the password hashing.
      await limitApiRequest(request);
      // Public endpoints (health, sign-in) never look the caller up: a stale token must not
      // turn a health check or a fresh sign-in into a 401.
      const actor = endpoint.access === 'public' ? null : await actorFromHeaders(request.headers);
      if (endpoint.access === 'signed_in' && !actor) {
        throw new AppError(
          'unauthorized',
          'Sign in, or send a personal API token as "Authorization: Bearer <token>".',
        );
      }
      const params = parse(endpoint.params, await routeContext.params, 'path');
      const query = parse(
        endpoint.query,
        Object.fromEntries(new URL(request.url).searchParams),
        'query',
      );
      const body = endpoint.body
        ? parse(
            endpoint.body,
            await readJsonBody(request, endpoint.maxBodyBytes ?? 64 * 1024),
            'body',
          )
        : undefined;
      const context = { actor, body, query, params, request } as HandlerContext<E>;
      const result = await run(context);
      // A handler that needs its own status or headers (health's 503) returns a Response.
      if (result instanceof Response) return result;
      if (endpoint.successStatus === 204) return new Response(null, { status: 204 });
      return Response.json(result, { status: endpoint.successStatus ?? 200 });
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      log.error(
        { err: error, method: request.method, url: request.url },
        'unexpected error in API route',
      );
      return Response.json(
        {
          error: {
            code: 'internal_error',
            message: 'Something went wrong on our side. It has been logged.',
          },
        },
        { status: 500 },
      );
    }
  };
}

function parse<S extends z.ZodType | undefined>(
  schema: S,
  value: unknown,
  where: string,
): Input<S> {
  if (!schema) return undefined as Input<S>;
  const unstorable = unstorableText(value, where);
  if (Object.keys(unstorable).length > 0) throw invalidFields(unstorable, where);
  const result = schema.safeParse(value);
  if (!result.success) throw validationError(result.error, where);
  return result.data as Input<S>;
}
