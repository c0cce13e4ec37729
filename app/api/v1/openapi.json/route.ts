import { buildOpenApiDocument } from '@/lib/api/openapi';
import { env } from '@/lib/env';

export const GET = async () => Response.json(buildOpenApiDocument(env().APP_URL));
