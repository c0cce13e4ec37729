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

export const ALL_ENDPOINTS: readonly Endpoint[] = [
  healthEndpoint,
  tokenEndpoint,
  meEndpoint,
  organisationsEndpoint,
  channelsEndpoint,
  signpostEndpoint,
];
