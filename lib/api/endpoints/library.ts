// The partners' library, share packs and "I shared this" (issue 11).
import { z } from 'zod';
import { defineEndpoint } from '../endpoint';
import {
  LibraryPage,
  LibraryQuery,
  SharePackQuery,
  ShareRequest,
  ShareView,
  WeekPackQuery,
} from '../../library/library-schemas';
import { MessageParams } from './messages';

export const libraryEndpoint = defineEndpoint({
  method: 'get',
  path: '/library',
  summary:
    'Approved messages of active campaigns the organisation may publish (partners: shareable ones), newest first, each rendered for that organisation on every platform',
  description:
    'For members of the organisation and campaign leads. Inside a blackout or a pause of the organisation every render is empty with a `quiet_period` problem: nothing may be shared then.',
  tag: 'Library',
  access: 'signed_in',
  query: LibraryQuery,
  response: LibraryPage,
});

export const sharePackEndpoint = defineEndpoint({
  method: 'get',
  path: '/messages/{id}/share-pack',
  summary:
    'A zip for one message: a text file per platform rendered for the organisation with the signpost, the images sized per platform, their alt text, and a README',
  description:
    'A message that is not shareable, not approved, archived, or not the organisation’s to use answers 404; inside the organisation’s blackout or a pause, 409; an image missing on disk, 409 naming it (checked before any byte is sent).',
  tag: 'Library',
  access: 'signed_in',
  params: MessageParams,
  query: SharePackQuery,
  response: z.string().meta({ format: 'binary' }),
  contentType: 'application/zip',
  errors: ['conflict'],
});

export const weekSharePackEndpoint = defineEndpoint({
  method: 'get',
  path: '/library/share-pack',
  summary:
    "The week's messages in one zip: the library's messages approved in that UK week (Monday to Sunday), a folder each",
  description: 'The same rules as a single message’s pack; a week with no messages answers 404.',
  tag: 'Library',
  access: 'signed_in',
  query: WeekPackQuery,
  response: z.string().meta({ format: 'binary' }),
  contentType: 'application/zip',
  errors: ['conflict'],
});

export const recordShareEndpoint = defineEndpoint({
  method: 'post',
  path: '/messages/{id}/shares',
  summary: 'Record a share made outside Signpost ("I shared this"), counted in the amplification',
  description:
    'For members of the organisation. `url`, when given, must be https, on that platform’s own host (any host for Mastodon) and at most 500 characters; otherwise 400 naming `url`.',
  tag: 'Library',
  access: 'signed_in',
  params: MessageParams,
  body: ShareRequest,
  response: ShareView,
  successStatus: 201,
  errors: ['conflict'],
});
