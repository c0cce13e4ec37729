import { handleRaw } from '@/lib/api/handle-raw';
import { buildOpenApiDocument } from '@/lib/api/openapi';
import { env } from '@/lib/env';

export const GET = handleRaw({ access: 'public' }, async () =>
  Response.json(buildOpenApiDocument(env().APP_URL)),
);
