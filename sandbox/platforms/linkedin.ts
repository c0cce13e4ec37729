// LinkedIn's versioned REST API (learn.microsoft.com/linkedin/marketing/community-management/shares):
// POST /rest/images?action=initializeUpload and the upload PUT, POST /rest/posts (id in the
// x-restli-id header), GET /rest/posts?q=author and GET /rest/organizationalEntityShareStatistics.
// Every /rest call needs a Linkedin-Version (YYYYMM) and X-Restli-Protocol-Version 2.0.0.
import { z } from 'zod';
import { escapeLinkedInCommentary } from '@/lib/platforms/linkedin';
import { figuresOf, reported } from '../metrics';
import {
  bearerToken,
  overLimit,
  parseBody,
  Refusal,
  type SandboxPlatform,
  type SandboxReply,
  type SandboxRequest,
} from '../routes';
import type { SandboxMedia, SandboxState } from '../state';
import { checkToken } from '../tokens';

const InitializeUpload = z.object({
  initializeUploadRequest: z.object({ owner: z.string().startsWith('urn:li:') }),
});
const ImageRef = z.object({
  id: z.string().startsWith('urn:li:image:'),
  altText: z.string().optional(),
});
const CreatePost = z.object({
  author: z.string().regex(/^urn:li:(organization|person):\S+$/),
  commentary: z.string(),
  visibility: z.enum(['PUBLIC', 'CONNECTIONS', 'LOGGED_IN', 'CONTAINER']),
  distribution: z.object({ feedDistribution: z.enum(['MAIN_FEED', 'NONE']) }),
  lifecycleState: z.enum(['PUBLISHED', 'DRAFT']),
  isReshareDisabledByAuthor: z.boolean().optional(),
  content: z
    .object({
      media: ImageRef.optional(),
      multiImage: z.object({ images: z.array(ImageRef).min(2).max(20) }).optional(),
    })
    .optional(),
});
const RESERVED = '\\|{}@[]()<>#*_~';

export const linkedinSandbox: SandboxPlatform = {
  platform: 'linkedin',
  adopt: (post, state) => ({
    platform: 'linkedin',
    account: post.account,
    id: post.id ?? `urn:li:share:${state.nextId()}`,
    text: post.text,
    media: [],
    receivedAt: post.receivedAt,
    extra: { commentary: escapeLinkedInCommentary(post.text) },
  }),
  error(status, message): SandboxReply {
    if (status === 401)
      return {
        status,
        body: { status, serviceErrorCode: 65600, code: 'INVALID_ACCESS_TOKEN', message },
      };
    if (status === 400)
      return {
        status,
        body: { errorDetailType: 'com.linkedin.common.error.BadRequest', message, status },
      };
    return { status, body: { status, message } };
  },
  fault(kind, retryAfterSeconds) {
    const messages = {
      '429': 'Resource level throttle APPLICATION DAY limit for calls to this resource is reached.',
      '500': 'Internal Server Error',
      '401': 'Invalid access token',
    };
    const reply = this.error(Number(kind), messages[kind]);
    return kind === '429'
      ? { ...reply, headers: { 'retry-after': String(retryAfterSeconds) } }
      : reply;
  },
  routes: [
    {
      method: 'POST',
      path: '/rest/images',
      handle(request, state) {
        const member = restli(request, state, 'w_organization_social');
        if (request.query.get('action') !== 'initializeUpload')
          throw new Refusal(linkedinSandbox.error(400, 'Unknown action'));
        const body = parseBody(request, InitializeUpload, linkedinSandbox);
        const id = state.nextId();
        const media = { altText: null, url: null, mimeType: null, bytes: null };
        const owner = body.initializeUploadRequest.owner;
        if (owner !== member) throw new Refusal(accessDenied('images.CREATE'));
        state.drafts.set(`linkedin:urn:li:image:${id}`, {
          platform: 'linkedin',
          account: owner,
          text: '',
          media: [media],
          children: [],
          published: false,
        });
        const value = {
          uploadUrlExpiresAt: state.now().getTime() + 3_600_000,
          uploadUrl: `${request.origin}/dms-uploads/${id}`,
          image: `urn:li:image:${id}`,
        };
        return { status: 200, body: { value } };
      },
    },
    {
      method: 'PUT',
      path: '/dms-uploads/:id',
      handle(request, state) {
        linkedinMember(request, state, 'w_organization_social');
        const media = state.drafts.get(`linkedin:urn:li:image:${request.params.id}`)?.media[0];
        if (!media) throw new Refusal(linkedinSandbox.error(404, 'Upload not found'));
        media.bytes = request.raw.length;
        media.mimeType = request.headers['content-type'] ?? null;
        return { status: 201 };
      },
    },
    {
      method: 'POST',
      path: '/rest/posts',
      publishes: (request) =>
        z.object({ author: z.string() }).safeParse(request.body()).data?.author ?? '',
      handle(request, state) {
        const member = restli(request, state, 'w_organization_social');
        const body = parseBody(request, CreatePost, linkedinSandbox);
        if (body.author !== member)
          throw new Refusal(accessDenied('partnerApiPostsExternal.CREATE'));
        const text = readLittleText(body.commentary);
        const over = overLimit('linkedin', text);
        if (over) {
          const message = `com.linkedin.content.common.exception.BadRequestResponseException: ShareCommentary text length (${over.length} characters) exceeded the maximum allowed (${over.limit} characters)`;
          throw new Refusal(linkedinSandbox.error(400, message));
        }
        const refs =
          body.content?.multiImage?.images ?? (body.content?.media ? [body.content.media] : []);
        const media: SandboxMedia[] = refs.map((ref) => {
          const upload = state.drafts.get(`linkedin:${ref.id}`)?.media[0];
          if (!upload?.bytes)
            throw new Refusal(linkedinSandbox.error(400, `Image ${ref.id} has not been uploaded`));
          return { ...upload, altText: ref.altText ?? null };
        });
        const post = state.record({
          platform: 'linkedin',
          account: body.author,
          id: `urn:li:share:${state.nextId()}`,
          text,
          media,
          receivedAt: state.now(),
          extra: { commentary: body.commentary },
        });
        return { status: 201, headers: { 'x-restli-id': post.id, 'x-linkedin-id': post.id } };
      },
    },
    {
      method: 'GET',
      path: '/rest/posts',
      handle(request, state) {
        restli(request, state, 'r_organization_social');
        const author = request.query.get('author');
        if (request.query.get('q') !== 'author' || !author)
          throw new Refusal(linkedinSandbox.error(400, 'q=author and author are required'));
        const count = Math.min(100, Number(request.query.get('count') ?? 10) || 10);
        const elements = state.recent('linkedin', author, count).map((post) => ({
          id: post.id,
          author: post.account,
          commentary: post.extra.commentary,
          visibility: 'PUBLIC',
          lifecycleState: 'PUBLISHED',
          createdAt: post.receivedAt.getTime(),
          publishedAt: post.receivedAt.getTime(),
          lastModifiedAt: post.receivedAt.getTime(),
        }));
        return { status: 200, body: { elements, paging: { start: 0, count, links: [] } } };
      },
    },
    {
      method: 'GET',
      path: '/rest/organizationalEntityShareStatistics',
      readsMetrics: (request) => request.query.get('organizationalEntity') ?? '',
      handle(request, state) {
        const member = restli(request, state, 'r_organization_social');
        const organization = request.query.get('organizationalEntity') ?? '';
        if (organization !== member)
          throw new Refusal(accessDenied('organizationalEntityShareStatistics.FINDER'));
        if (
          request.query.get('q') !== 'organizationalEntity' ||
          !organization.startsWith('urn:li:organization:')
        ) {
          throw new Refusal(
            linkedinSandbox.error(
              400,
              'q=organizationalEntity and an organization URN are required',
            ),
          );
        }
        const ids = [
          ...restliList(request.query.get('shares')),
          ...restliList(request.query.get('ugcPosts')),
        ];
        const elements = ids.flatMap((id) => {
          const post = state.find('linkedin', id);
          if (!post || post.account !== organization) return [];
          const figures = reported(figuresOf(post, state), [
            'uniqueImpressionsCount',
            'impressionCount',
            'clickCount',
            'likeCount',
            'commentCount',
            'shareCount',
          ]);
          const { impressionCount = 0, likeCount = 0, commentCount = 0 } = figures;
          const { shareCount = 0, clickCount = 0 } = figures;
          const totalShareStatistics = {
            ...figures,
            engagement: impressionCount
              ? (likeCount + commentCount + shareCount + clickCount) / impressionCount
              : 0,
          };
          const kind = id.startsWith('urn:li:ugcPost:') ? 'ugcPost' : 'share';
          return [{ organizationalEntity: organization, [kind]: id, totalShareStatistics }];
        });
        // A share that does not exist (deleted): LinkedIn answers 404 for the entity.
        if (ids.length > 0 && elements.length === 0)
          throw new Refusal(linkedinSandbox.error(404, `Not found: ${ids.join(', ')}`));
        return {
          status: 200,
          body: { elements, paging: { start: 0, count: elements.length, links: [] } },
        };
      },
    },
  ],
};

/**
 * The organisation the member's token may act for, as LinkedIn checks it: a token it issued
 * (401 INVALID_ACCESS_TOKEN, or EXPIRED_ACCESS_TOKEN), with the scope (403 ACCESS_DENIED).
 */
function linkedinMember(request: SandboxRequest, state: SandboxState, scope: string): string {
  const token = bearerToken(request);
  const check = checkToken(token, {
    platform: 'linkedin',
    kinds: ['user'],
    scopes: [scope],
    now: state.now(),
  });
  if (check.ok) return check.claims.account;
  if (check.reason === 'expired') {
    throw new Refusal({
      status: 401,
      body: {
        status: 401,
        serviceErrorCode: 65601,
        code: 'EXPIRED_ACCESS_TOKEN',
        message: 'The token used in the request has expired',
      },
    });
  }
  if (check.reason === 'scope') throw new Refusal(accessDenied(`${scope} scope`));
  throw new Refusal(linkedinSandbox.error(401, 'Invalid access token'));
}

function accessDenied(what: string) {
  return {
    status: 403,
    body: {
      status: 403,
      serviceErrorCode: 100,
      code: 'ACCESS_DENIED',
      message: `Not enough permissions to access: ${what}`,
    },
  };
}

/** A Rest.li call: the member's token with the scope, a Linkedin-Version and protocol 2.0.0. */
function restli(request: SandboxRequest, state: SandboxState, scope: string): string {
  const member = linkedinMember(request, state, scope);
  const version = request.headers['linkedin-version'];
  if (typeof version !== 'string' || !/^\d{6}$/.test(version)) {
    throw new Refusal({
      status: 426,
      body: {
        status: 426,
        code: 'NONEXISTENT_VERSION',
        message: `Requested version ${version ?? ''} is not active`,
      },
    });
  }
  if (request.headers['x-restli-protocol-version'] !== '2.0.0') {
    throw new Refusal(linkedinSandbox.error(400, 'X-Restli-Protocol-Version 2.0.0 is required'));
  }
  return member;
}

/**
 * What LinkedIn shows for a "little text" commentary: escaped reserved characters become plain
 * text, and, as LinkedIn does, the text is cut at the first reserved character left unescaped.
 */
export function readLittleText(commentary: string): string {
  let text = '';
  for (let i = 0; i < commentary.length; i++) {
    const char = commentary[i] ?? '';
    if (char === '\\' && RESERVED.includes(commentary[i + 1] ?? '')) {
      text += commentary[i + 1];
      i++;
    } else if (RESERVED.includes(char)) {
      return text;
    } else {
      text += char;
    }
  }
  return text;
}

/** Rest.li 2.0's List(a,b) query syntax. */
function restliList(value: string | null): string[] {
  const inner = value?.match(/^List\((.*)\)$/)?.[1];
  return inner ? inner.split(',').map((id) => decodeURIComponent(id)) : [];
}
