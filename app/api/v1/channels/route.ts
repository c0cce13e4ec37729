import { channelsEndpoint } from '@/lib/api/endpoints/foundation';
import { handle } from '@/lib/api/handle';
import { listChannels } from '@/lib/channels/list-channels';

export const GET = handle(channelsEndpoint, ({ actor, query }) => listChannels(actor, query));
