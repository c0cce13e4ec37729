import { tokenEndpoint } from '@/lib/api/endpoints/foundation';
import { handle } from '@/lib/api/handle';
import { issueApiToken } from '@/lib/auth/api-tokens';
import { clientAddress } from '@/lib/auth/client-address';

export const POST = handle(tokenEndpoint, ({ body, request }) =>
  issueApiToken(body, clientAddress(request.headers)),
);
