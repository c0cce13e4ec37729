import { readyEndpoint } from '@/lib/api/endpoints/ready';
import { handle } from '@/lib/api/handle';
import { readyToSchedule } from '@/lib/posts/ready-to-schedule';

export const GET = handle(readyEndpoint, ({ actor, query }) => readyToSchedule(actor, query));
