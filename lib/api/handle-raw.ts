// For routes that are not JSON in, JSON out (an image upload, an image's bytes): count the request
// against the API's rate limits, find the actor when the route needs one, run, and answer every
// expected failure in API.md's error format.
// handle.ts does the same for JSON endpoints, and parses their bodies, which these do themselves.
import { type CurrentActor, actorFromHeaders } from '../auth/actor';
import { AppError } from '../errors';
import { log } from '../log';
import { errorResponse } from './errors';
import { limitApiRequest } from './request-rate-limit';

type Access = 'public' | 'signed_in';

interface RawEndpoint<A extends Access> {
  access: A;
  /**
   * Counted against the API's rate limits (request-rate-limit.ts); on unless a route says why not.
   */
  rateLimited?: boolean;
}

export interface RawContext<A extends Access> {
  /** Public routes never look the caller up: a platform fetching an image sends no credentials. */
  actor: A extends 'signed_in' ? CurrentActor : null;
  request: Request;
  params: Record<string, string | string[]>;
}

type RouteContext = { params: Promise<Record<string, string | string[]>> };

export function handleRaw<A extends Access>(
  endpoint: RawEndpoint<A>,
  run: (context: RawContext<A>) => Promise<Response>,
): (request: Request, routeContext: RouteContext) => Promise<Response> {
  return async (request, routeContext) => {
    try {
      if (endpoint.rateLimited !== false) await limitApiRequest(request);
      let actor: CurrentActor | null = null;
      if (endpoint.access === 'signed_in') {
        actor = await actorFromHeaders(request.headers);
        if (!actor) {
          throw new AppError(
            'unauthorized',
            'Sign in, or send a personal API token as "Authorization: Bearer <token>".',
          );
        }
      }
      const params = await routeContext.params;
      return await run({ actor, request, params } as RawContext<A>);
    } catch (error) {
      if (error instanceof AppError) return errorResponse(error);
      log.error(
        { err: error, method: request.method, url: request.url },
        'unexpected error in route',
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
