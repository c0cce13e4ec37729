// Every public endpoint, for the OpenAPI document. A route that is not listed here is not public.
import type { Endpoint } from './endpoint';
import {
  channelsEndpoint,
  healthEndpoint,
  meEndpoint,
  organisationsEndpoint,
  signpostEndpoint,
  tokenEndpoint,
} from './endpoints/foundation';
import { mediaEndpoint, mediaUploadEndpoint } from './endpoints/media';
import * as posts from './endpoints/posts';

export const ALL_ENDPOINTS: readonly Endpoint[] = [
  healthEndpoint,
  tokenEndpoint,
  meEndpoint,
  organisationsEndpoint,
  channelsEndpoint,
  signpostEndpoint,
  mediaUploadEndpoint,
  mediaEndpoint,
  ...Object.values(posts),
];
