// Mastodon's statuses and media (docs.joinmastodon.org/methods/statuses, /methods/media): POST
// /api/v1/statuses (JSON, form or multipart, `media_ids[]`, visibility, language, sensitive,
// spoiler_text, Idempotency-Key), GET /api/v1/statuses/:id (public ones to anyone), its /source (to
// the author), POST /api/v2/media (multipart, with a description) and GET /api/v1/media/:id.
import { z } from 'zod';
import { UploadedFile } from '../multipart';
import {
  overLimit,
  Refusal,
  tokenAccount,
  type SandboxRequest,
  type SandboxRoute,
} from '../routes';
import type { SandboxPost, SandboxState } from '../state';
import {
  limitMediaUploads,
  mastodonAccount,
  mastodonError,
  optionalAccount,
} from './mastodon-auth';
import { attachment, status, statusDetails, Visibility } from './mastodon-entities';

// statuses.md: "Idempotency-Key … Idempotency keys are stored for up to 1 hour."
const IDEMPOTENCY_MS = 3_600_000;
const MAX_ATTACHMENTS = 4;
const MAX_IMAGE_BYTES = 16 * 1024 * 1024;
const IMAGE_TYPES = [
  'image/jpeg',
  'image/png',
  'image/gif',
  'image/webp',
  'image/heic',
  'image/heif',
  'image/avif',
];
const Flag = z
  .union([z.boolean(), z.enum(['true', 'false', '1', '0'])])
  .transform((value) => value === true || value === 'true' || value === '1');
const CreateStatus = z.object({
  status: z.string().optional(),
  media_ids: z
    .union([z.array(z.union([z.string(), z.number()])), z.string()])
    .transform((ids) => (Array.isArray(ids) ? ids : [ids]).map(String))
    .optional(),
  visibility: Visibility.optional(),
  language: z.string().nullable().optional(),
  sensitive: Flag.optional(),
  spoiler_text: z.string().optional(),
});

export const mastodonStatusRoutes: SandboxRoute[] = [
  {
    method: 'POST',
    path: '/api/v1/statuses',
    publishes: (request) => tokenAccount(request, 'mastodon'),
    handle(request, state) {
      const account = mastodonAccount(request, state, 'write:statuses');
      const key = request.headers['idempotency-key'];
      const remembered =
        typeof key === 'string' ? state.idempotency.get(`mastodon:${account}:${key}`) : undefined;
      const earlier =
        remembered && state.now().getTime() - remembered.at < IDEMPOTENCY_MS
          ? state.find('mastodon', remembered.postId)
          : undefined;
      if (earlier) return { status: 200, body: status(earlier, request.origin, state, account) };
      const post = state.record(newStatus(request, state, account));
      if (typeof key === 'string')
        state.idempotency.set(`mastodon:${account}:${key}`, {
          postId: post.id,
          at: state.now().getTime(),
        });
      return { status: 200, body: status(post, request.origin, state, account) };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/statuses/:id',
    readsMetrics: (request) => tokenAccount(request, 'mastodon'),
    handle(request, state) {
      const viewer = optionalAccount(request, state, 'read:statuses');
      return {
        status: 200,
        body: status(visibleStatus(request, state, viewer), request.origin, state, viewer),
      };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/statuses/:id/source',
    handle(request, state) {
      const viewer = mastodonAccount(request, state, 'read:statuses');
      const post = visibleStatus(request, state, viewer);
      // Only the author may read a status's source.
      if (post.account !== viewer) throw new Refusal(mastodonError(404, 'Record not found'));
      const { spoilerText } = statusDetails(post);
      return { status: 200, body: { id: post.id, text: post.text, spoiler_text: spoilerText } };
    },
  },
  {
    method: 'POST',
    path: '/api/v2/media',
    handle(request, state) {
      const account = mastodonAccount(request, state, 'write:media');
      limitMediaUploads(request, state, account);
      const form =
        request.parsed.kind === 'multipart'
          ? (request.parsed.value as Record<string, unknown>)
          : {};
      const file = form.file;
      if (!(file instanceof UploadedFile)) throw validation("File can't be blank");
      if (!IMAGE_TYPES.includes(file.type))
        throw validation('File content type is invalid, File is invalid');
      if (file.size > MAX_IMAGE_BYTES) throw validation('File file size must be less than 16 MB');
      const id = state.nextId();
      const media = {
        id,
        altText: typeof form.description === 'string' ? form.description : null,
        url: `${request.origin}/system/media_attachments/files/${id}/original/image.png`,
        mimeType: file.type,
        bytes: file.size,
      };
      state.drafts.set(`mastodon:${id}`, {
        platform: 'mastodon',
        account,
        text: '',
        media: [media],
        children: [],
        published: false,
      });
      return { status: 200, body: attachment(media) };
    },
  },
  {
    method: 'GET',
    path: '/api/v1/media/:id',
    handle(request, state) {
      const account = mastodonAccount(request, state, 'write:media');
      const upload = state.drafts.get(`mastodon:${request.params.id}`);
      if (!upload?.media[0] || upload.account !== account)
        throw new Refusal(mastodonError(404, 'Record not found'));
      return { status: 200, body: attachment(upload.media[0]) };
    },
  },
];

function newStatus(request: SandboxRequest, state: SandboxState, account: string): SandboxPost {
  const parsed = CreateStatus.safeParse(request.body());
  if (!parsed.success) {
    const field = parsed.error.issues[0]?.path[0] ?? 'status';
    throw validation(
      `${String(field).replace(/^\w/, (c) => c.toUpperCase())} is not included in the list`,
    );
  }
  const body = parsed.data;
  const ids = body.media_ids ?? [];
  if (ids.length > MAX_ATTACHMENTS)
    throw new Refusal(mastodonError(422, 'Cannot attach more than 4 files'));
  const uploads = ids.map((id) => ({ id, upload: state.drafts.get(`mastodon:${id}`) }));
  const missing = uploads.filter(
    ({ upload }) => !upload || upload.account !== account || upload.published,
  );
  if (missing.length > 0) {
    const list = missing.map(({ id }) => id).join(', ');
    throw new Refusal(
      mastodonError(422, `Media ${list} not found or already attached to another post`),
    );
  }
  const text = body.status ?? '';
  if (!text.trim() && ids.length === 0) throw validation("Text can't be blank");
  if (overLimit('mastodon', text)) throw validation('Text character limit of 500 exceeded');
  for (const { upload } of uploads) if (upload) upload.published = true;
  const language = body.language && /^[a-z]{2,3}$/.test(body.language) ? body.language : 'en';
  return {
    platform: 'mastodon',
    account,
    id: state.nextId(),
    text,
    media: uploads.flatMap(({ upload }) => upload?.media ?? []),
    receivedAt: state.now(),
    extra: {
      visibility: body.visibility ?? 'public',
      language,
      sensitive: body.sensitive ?? false,
      spoilerText: body.spoiler_text ?? '',
    },
  };
}

/** The status if the viewer may see it: public and unlisted to anyone, the rest to the author. */
function visibleStatus(
  request: SandboxRequest,
  state: SandboxState,
  viewer: string | null,
): SandboxPost {
  const post = state.find('mastodon', request.params.id ?? '');
  if (!post) throw new Refusal(mastodonError(404, 'Record not found'));
  const { visibility } = statusDetails(post);
  const visible = visibility === 'public' || visibility === 'unlisted' || post.account === viewer;
  if (!visible) throw new Refusal(mastodonError(404, 'Record not found'));
  return post;
}

function validation(message: string): Refusal {
  return new Refusal(mastodonError(422, `Validation failed: ${message}`));
}
