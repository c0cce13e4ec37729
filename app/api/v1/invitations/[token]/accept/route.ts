import { acceptInvitationEndpoint } from '@/lib/api/endpoints/administration';
import { handle } from '@/lib/api/handle';
import { acceptInvitation } from '@/lib/people/accept-invitation';

export const POST = handle(acceptInvitationEndpoint, ({ params, body }) =>
  acceptInvitation(params.token, body),
);
