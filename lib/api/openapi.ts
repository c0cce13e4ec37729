// The OpenAPI 3.1 document, generated from the same zod schemas the routes validate with.
import { OpenAPIRegistry, OpenApiGeneratorV31 } from '@asteasolutions/zod-to-openapi';
import { ERROR_STATUS } from '../errors';
import { ALL_ENDPOINTS } from './all-endpoints';
import type { Endpoint } from './endpoint';
import { ErrorBody } from './errors';

// Every route is rate-limited (request-rate-limit.ts), so every route can answer 429.
const USUAL_ERRORS = ['validation_failed', 'unauthorized', 'not_found', 'rate_limited'] as const;

const RETRY_AFTER = {
  'Retry-After': {
    description: 'Seconds until the caller may try again',
    schema: { type: 'integer', minimum: 1 },
  },
};

function register(registry: OpenAPIRegistry, endpoint: Endpoint) {
  const errors = new Set([...USUAL_ERRORS, ...(endpoint.errors ?? [])]);
  const errorResponses = Object.fromEntries(
    [...errors].map((code) => [
      ERROR_STATUS[code],
      {
        description: code,
        ...(code === 'rate_limited' ? { headers: RETRY_AFTER } : {}),
        content: { 'application/json': { schema: ErrorBody } },
      },
    ]),
  );
  registry.registerPath({
    method: endpoint.method,
    path: endpoint.path,
    summary: endpoint.summary,
    ...(endpoint.description ? { description: endpoint.description } : {}),
    tags: [endpoint.tag],
    security: endpoint.access === 'signed_in' ? [{ bearer: [] }] : [],
    request: {
      ...(endpoint.params ? { params: endpoint.params } : {}),
      ...(endpoint.query ? { query: endpoint.query } : {}),
      ...(endpoint.body
        ? {
            body: {
              content: {
                [endpoint.bodyContentType ?? 'application/json']: { schema: endpoint.body },
              },
            },
          }
        : {}),
    },
    responses: {
      [endpoint.successStatus ?? 200]:
        endpoint.successStatus === 204
          ? { description: 'Done; no content' }
          : {
              description: 'Success',
              content: {
                [endpoint.contentType ?? 'application/json']: { schema: endpoint.response },
              },
            },
      ...errorResponses,
    },
  } as Parameters<OpenAPIRegistry['registerPath']>[0]);
}

export function buildOpenApiDocument(serverUrl: string) {
  const registry = new OpenAPIRegistry();
  registry.registerComponent('securitySchemes', 'bearer', {
    type: 'http',
    scheme: 'bearer',
    description: 'A personal API token from POST /auth/token',
  });
  for (const endpoint of ALL_ENDPOINTS) register(registry, endpoint);
  return new OpenApiGeneratorV31(registry.definitions).generateDocument({
    openapi: '3.1.0',
    info: {
      title: 'Signpost API',
      version: '1',
      description:
        'Schedule the North West campaign’s messages, with the helpline signpost on every post.',
    },
    servers: [{ url: `${serverUrl}/api/v1` }],
  });
}
