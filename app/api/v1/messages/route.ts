import { createMessageEndpoint, listMessagesEndpoint } from '@/lib/api/endpoints/messages';
import { handle } from '@/lib/api/handle';
import { createMessage } from '@/lib/messages/create-message';
import { listMessages } from '@/lib/messages/list-messages';

export const POST = handle(createMessageEndpoint, ({ actor, body }) => createMessage(actor, body));

export const GET = handle(listMessagesEndpoint, ({ actor, query }) => listMessages(actor, query));
