// X API v2 media upload (docs.x.com, "Media upload"): one request (POST /2/media/upload, the file
// base64 in JSON or as bytes in multipart), or in chunks — initialize, append each segment,
// finalize (POST /2/media/upload/initialize, /{id}/append, /{id}/finalize, or the older
// `command=INIT|APPEND|FINALIZE` on /2/media/upload) — with GET /2/media/upload?command=STATUS,
// and alt text through POST /2/media/metadata. Uploads need a user context with media.write.
import { z } from 'zod';
import { UploadedFile } from '../multipart';
import { Refusal, type SandboxRequest, type SandboxRoute } from '../routes';
import type { SandboxDraft, SandboxState } from '../state';
import { xRateLimit, xUser } from './x-auth';
import { xError, xParse } from './x-errors';

const CATEGORIES = [
  'tweet_image',
  'tweet_gif',
  'tweet_video',
  'amplify_video',
  'dm_image',
  'dm_gif',
  'dm_video',
  'subtitles',
] as const;
const IMAGE_TYPES = [
  'image/jpeg',
  'image/pjpeg',
  'image/png',
  'image/webp',
  'image/gif',
  'image/bmp',
  'image/tiff',
];
const MAX_IMAGE_BYTES = 5 * 1024 * 1024;
const EXPIRES_AFTER_SECS = 86_400;
const UPLOAD_QUOTA = { user: { limit: 500, windowSeconds: 900 } };

const OneShot = z.object({
  media_category: z.enum(CATEGORIES),
  media_type: z.string().optional(),
});
const Initialize = z.object({
  media_type: z.string().min(1),
  total_bytes: z.coerce.number().int().min(1),
  media_category: z.enum(CATEGORIES).optional(),
});
const Append = z.object({ segment_index: z.coerce.number().int().min(0).max(999) });
const Metadata = z.object({
  id: z.string().min(1),
  metadata: z.object({ alt_text: z.object({ text: z.string().max(1000) }).optional() }),
});

export const xMediaRoutes: SandboxRoute[] = [
  {
    method: 'POST',
    path: '/2/media/upload',
    handle(request, state) {
      const account = uploader(request, state);
      const command = fieldsOf(request).command;
      if (command === 'INIT') return initialize(request, state, account);
      if (command === 'APPEND') return append(request, state, account, mediaIdField(request));
      if (command === 'FINALIZE') return finalize(state, account, mediaIdField(request));
      const body = parseFields(request, OneShot);
      const bytes = fileBytes(request);
      const mediaType = body.media_type ?? 'image/png';
      checkImage(mediaType, bytes.length);
      const id = state.nextId();
      state.drafts.set(`x:${id}`, draft(account, id, mediaType, bytes.length));
      return { status: 200, body: { data: uploaded(id, bytes.length, mediaType) } };
    },
  },
  {
    method: 'GET',
    path: '/2/media/upload',
    handle(request, state) {
      const account = uploader(request, state);
      const id = request.query.get('media_id') ?? '';
      if (request.query.get('command') !== 'STATUS')
        throw new Refusal(xError(400, 'command must be STATUS'));
      ownUpload(state, account, id);
      return {
        status: 200,
        body: {
          data: {
            id,
            media_key: `3_${id}`,
            processing_info: { state: 'succeeded', progress_percent: 100 },
          },
        },
      };
    },
  },
  {
    method: 'POST',
    path: '/2/media/upload/initialize',
    handle: (request, state) => initialize(request, state, uploader(request, state)),
  },
  {
    method: 'POST',
    path: '/2/media/upload/:id/append',
    handle: (request, state) =>
      append(request, state, uploader(request, state), request.params.id ?? ''),
  },
  {
    method: 'POST',
    path: '/2/media/upload/:id/finalize',
    handle: (request, state) => finalize(state, uploader(request, state), request.params.id ?? ''),
  },
  {
    method: 'POST',
    path: '/2/media/metadata',
    handle(request, state) {
      const account = uploader(request, state);
      const body = parseFields(request, Metadata);
      const media = ownUpload(state, account, body.id).media[0];
      if (media) media.altText = body.metadata.alt_text?.text ?? media.altText;
      return { status: 200, body: { data: { id: body.id, associated_metadata: body.metadata } } };
    },
  },
];

function uploader(request: SandboxRequest, state: SandboxState): string {
  const caller = xUser(request, state, ['media.write']);
  xRateLimit(request, state, caller, 'media', UPLOAD_QUOTA);
  return caller.account;
}

function initialize(request: SandboxRequest, state: SandboxState, account: string) {
  const body = parseFields(request, Initialize);
  checkImage(body.media_type, body.total_bytes);
  const id = state.nextId();
  state.drafts.set(`x:${id}`, {
    ...draft(account, id, body.media_type, null),
    upload: { totalBytes: body.total_bytes, segments: new Map(), finalized: false },
  });
  const data = { id, media_key: `3_${id}`, expires_after_secs: EXPIRES_AFTER_SECS };
  return { status: 200, body: { data } };
}

function append(request: SandboxRequest, state: SandboxState, account: string, id: string) {
  const { upload } = ownUpload(state, account, id);
  if (!upload || upload.finalized)
    throw new Refusal(xError(400, `Media id ${id} cannot take more segments`));
  const { segment_index: index } = parseFields(request, Append);
  upload.segments.set(index, fileBytes(request).length);
  return {
    status: 200,
    body: { data: { expires_at: Math.floor(state.now().getTime() / 1000) + EXPIRES_AFTER_SECS } },
  };
}

function finalize(state: SandboxState, account: string, id: string) {
  const found = ownUpload(state, account, id);
  const { upload } = found;
  const received = [...(upload?.segments.values() ?? [])].reduce((sum, bytes) => sum + bytes, 0);
  if (!upload || received !== upload.totalBytes) {
    throw new Refusal(
      xError(
        400,
        `File size does not match: expected ${upload?.totalBytes ?? 0} bytes, received ${received}`,
      ),
    );
  }
  upload.finalized = true;
  const media = found.media[0];
  if (media) media.bytes = received;
  return { status: 200, body: { data: uploaded(id, received, media?.mimeType ?? 'image/png') } };
}

/** The caller's own upload, or X's 400 for an id it does not know. */
export function ownUpload(state: SandboxState, account: string, id: string): SandboxDraft {
  const found = state.drafts.get(`x:${id}`);
  if (!found || found.account !== account)
    throw new Refusal(xError(400, `Your media IDs are invalid: ${id}`));
  return found;
}

function checkImage(mediaType: string, bytes: number): void {
  if (!IMAGE_TYPES.includes(mediaType))
    throw new Refusal(xError(400, `media_type ${mediaType} is not supported for images`));
  if (bytes > MAX_IMAGE_BYTES)
    throw new Refusal(xError(400, `File size exceeds ${MAX_IMAGE_BYTES} bytes.`));
}

function uploaded(id: string, size: number, mediaType: string) {
  return {
    id,
    media_key: `3_${id}`,
    size,
    expires_after_secs: EXPIRES_AFTER_SECS,
    image: { image_type: mediaType, w: 1080, h: 1080 },
  };
}

function draft(account: string, id: string, mimeType: string, bytes: number | null): SandboxDraft {
  return {
    platform: 'x',
    account,
    text: '',
    media: [{ id, altText: null, url: null, mimeType, bytes }],
    children: [],
    published: false,
  };
}

function fieldsOf(request: SandboxRequest): Record<string, unknown> {
  const value = request.parsed.kind === 'empty' ? {} : request.body();
  return typeof value === 'object' && value !== null ? (value as Record<string, unknown>) : {};
}

function parseFields<T>(request: SandboxRequest, schema: z.ZodType<T>): T {
  return xParse(schema, fieldsOf(request));
}

function mediaIdField(request: SandboxRequest): string {
  return z.coerce.string().safeParse(fieldsOf(request).media_id).data ?? '';
}

/** The file: bytes in multipart, base64 text in JSON. */
function fileBytes(request: SandboxRequest): Buffer {
  const media = fieldsOf(request).media;
  if (media instanceof UploadedFile) return media.bytes;
  const base64 = z.base64().min(1).safeParse(media);
  if (base64.success) return Buffer.from(base64.data, 'base64');
  throw new Refusal(xError(400, 'Invalid parameter media: the media file is required'));
}
