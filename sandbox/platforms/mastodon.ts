// Mastodon's REST API (docs.joinmastodon.org/methods): POST /api/v2/media (multipart, with a
// description), GET /api/v1/media/:id, POST /api/v1/statuses with Idempotency-Key, GET
// /api/v1/accounts/:id/statuses, GET /api/v1/statuses/:id and its /source.
import { z } from 'zod';
import { UploadedFile } from '../body';
import { reachOf } from '../metrics';
import {
  overLimit,
  parseBody,
  Refusal,
  requireToken,
  tokenAccount,
  type SandboxPlatform,
  type SandboxRequest,
} from '../routes';
import type { SandboxPost, SandboxState } from '../state';

const CreateStatus = z.object({
  status: z.string().optional(),
  media_ids: z.array(z.string()).max(4).optional(),
  visibility: z.enum(['public', 'unlisted', 'private', 'direct']).optional(),
  language: z.string().optional(),
});
// statuses.md: "Idempotency-Key … Idempotency keys are stored for up to 1 hour."
const IDEMPOTENCY_MS = 3_600_000;

const rateHeaders = (remaining: number, resetAt: Date) => ({
  'x-ratelimit-limit': '300',
  'x-ratelimit-remaining': String(remaining),
  'x-ratelimit-reset': resetAt.toISOString(),
});

export const mastodonSandbox: SandboxPlatform = {
  platform: 'mastodon',
  error: (status, message) => ({ status, body: { error: message } }),
  fault(kind, retryAfterSeconds, now) {
    const messages = {
      '429': 'Too many requests',
      '500': 'We\u2019re sorry, but something went wrong on our end.',
      '401': 'The access token is invalid',
    };
    const reply = this.error(Number(kind), messages[kind]);
    if (kind !== '429') return reply;
    const resetAt = new Date(now.getTime() + retryAfterSeconds * 1000);
    return {
      ...reply,
      headers: { 'retry-after': String(retryAfterSeconds), ...rateHeaders(0, resetAt) },
    };
  },
  routes: [
    {
      method: 'POST',
      path: '/api/v2/media',
      handle(request, state) {
        requireToken(request, mastodonSandbox);
        const form = request.parsed.kind === 'multipart' ? request.parsed.value : null;
        const file = form && typeof form === 'object' && 'file' in form ? form.file : undefined;
        if (!(file instanceof UploadedFile))
          throw new Refusal(mastodonSandbox.error(422, 'Validation failed: File is missing'));
        const description =
          form && typeof form === 'object' && 'description' in form ? form.description : null;
        const id = state.nextId();
        const url = `${request.origin}/system/media_attachments/${id}.png`;
        const media = {
          altText: typeof description === 'string' ? description : null,
          url,
          mimeType: file.type || null,
          bytes: file.size,
        };
        state.drafts.set(`mastodon:${id}`, {
          platform: 'mastodon',
          account: tokenAccount(request, 'mastodon'),
          text: '',
          media: [media],
          children: [],
          published: false,
        });
        return { status: 200, body: attachment(id, media) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/media/:id',
      handle(request, state) {
        requireToken(request, mastodonSandbox);
        const media = state.drafts.get(`mastodon:${request.params.id}`)?.media[0];
        if (!media) throw new Refusal(mastodonSandbox.error(404, 'Record not found'));
        return { status: 200, body: attachment(request.params.id ?? '', media) };
      },
    },
    {
      method: 'POST',
      path: '/api/v1/statuses',
      publishes: (request) => tokenAccount(request, 'mastodon'),
      handle(request, state) {
        requireToken(request, mastodonSandbox);
        const account = tokenAccount(request, 'mastodon');
        const key = request.headers['idempotency-key'];
        const remembered =
          typeof key === 'string' ? state.idempotency.get(`mastodon:${account}:${key}`) : undefined;
        const earlier =
          remembered && state.now().getTime() - remembered.at < IDEMPOTENCY_MS
            ? state.find('mastodon', remembered.postId)
            : undefined;
        if (earlier) return { status: 200, body: status(earlier, request, state) };

        const body = parseBody(request, CreateStatus, mastodonSandbox);
        const text = body.status ?? '';
        if (!text && !body.media_ids?.length)
          throw new Refusal(mastodonSandbox.error(422, "Validation failed: Text can't be blank"));
        if (overLimit('mastodon', text))
          throw new Refusal(
            mastodonSandbox.error(422, 'Validation failed: Text character limit of 500 exceeded'),
          );
        const media = (body.media_ids ?? []).map((id) => {
          const upload = state.drafts.get(`mastodon:${id}`);
          if (!upload?.media[0] || upload.account !== account)
            throw new Refusal(
              mastodonSandbox.error(422, 'Validation failed: Media attachments are invalid'),
            );
          return upload.media[0];
        });
        const post = state.record({
          platform: 'mastodon',
          account,
          id: state.nextId(),
          text,
          media,
          receivedAt: state.now(),
          extra: {},
        });
        if (typeof key === 'string')
          state.idempotency.set(`mastodon:${account}:${key}`, {
            postId: post.id,
            at: state.now().getTime(),
          });
        return {
          status: 200,
          body: status(post, request, state),
          headers: rateHeaders(299, new Date(state.now().getTime() + 300_000)),
        };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/accounts/:id/statuses',
      handle(request, state) {
        requireToken(request, mastodonSandbox);
        const limit = Math.min(40, Number(request.query.get('limit') ?? 20) || 20);
        const statuses = state
          .recent('mastodon', request.params.id ?? '', limit)
          .map((post) => status(post, request, state));
        return { status: 200, body: statuses };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/statuses/:id',
      handle(request, state) {
        requireToken(request, mastodonSandbox);
        const post = state.find('mastodon', request.params.id ?? '');
        if (!post) throw new Refusal(mastodonSandbox.error(404, 'Record not found'));
        return { status: 200, body: status(post, request, state) };
      },
    },
    {
      method: 'GET',
      path: '/api/v1/statuses/:id/source',
      handle(request, state) {
        requireToken(request, mastodonSandbox);
        const post = state.find('mastodon', request.params.id ?? '');
        // Only the author may read a status's source.
        if (!post || post.account !== tokenAccount(request, 'mastodon'))
          throw new Refusal(mastodonSandbox.error(404, 'Record not found'));
        return { status: 200, body: { id: post.id, text: post.text, spoiler_text: '' } };
      },
    },
  ],
};

function attachment(id: string, media: SandboxPost['media'][number]) {
  return {
    id,
    type: 'image',
    url: media.url,
    preview_url: media.url,
    remote_url: null,
    description: media.altText,
    blurhash: null,
    meta: {},
  };
}

/** A Status entity: `content` is HTML, as Mastodon renders it. */
function status(post: SandboxPost, request: SandboxRequest, state: SandboxState) {
  const reach = reachOf(post, state.now());
  const url = `${request.origin}/@${post.account}/${post.id}`;
  return {
    id: post.id,
    created_at: post.receivedAt.toISOString(),
    visibility: 'public',
    language: 'en',
    uri: url,
    url,
    content: `<p>${escapeHtml(post.text).replace(/\n/g, '<br />')}</p>`,
    account: { id: post.account, username: post.account, acct: post.account },
    media_attachments: post.media.map((media, i) => attachment(`${post.id}${i}`, media)),
    replies_count: reach.comments,
    reblogs_count: reach.shares,
    favourites_count: reach.likes,
    quotes_count: reach.quotes,
  };
}

function escapeHtml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;');
}
