// Bluesky's XRPC API (docs.bsky.app): com.atproto.server.createSession, com.atproto.repo.uploadBlob,
// com.atproto.repo.createRecord with an app.bsky.feed.post record (facets, image embed),
// app.bsky.feed.getAuthorFeed and app.bsky.feed.getPosts. Access tokens are JWT-shaped and carry
// their DID and expiry, so a sandbox restart does not invalidate a cached session.
import { createHash } from 'node:crypto';
import { z } from 'zod';
import { utf8Length } from '@/lib/platforms/text-units';
import { reachOf } from '../metrics';
import {
  overLimit,
  parseBody,
  Refusal,
  type SandboxPlatform,
  type SandboxReply,
  type SandboxRequest,
} from '../routes';
import type { SandboxPost, SandboxState } from '../state';

const ERROR_NAMES: Record<number, string> = {
  400: 'InvalidRequest',
  401: 'AuthenticationRequired',
  429: 'RateLimitExceeded',
  500: 'InternalServerError',
};
const SESSION_SECONDS = 2 * 3600;
const MAX_BLOB_BYTES = 1_000_000;

const CreateSession = z.object({ identifier: z.string().min(1), password: z.string().min(1) });
const Blob = z.object({
  $type: z.literal('blob'),
  ref: z.object({ $link: z.string() }),
  mimeType: z.string(),
  size: z.number(),
});
const Facet = z.object({
  index: z.object({ byteStart: z.number().int().min(0), byteEnd: z.number().int().min(1) }),
  features: z.array(z.object({ $type: z.string() }).loose()).min(1),
});
type Facet = z.infer<typeof Facet>;
const LINK = 'app.bsky.richtext.facet#link';
// Lexicon app.bsky.richtext.facet#link: { uri: string, format "uri" } — a scheme, a colon, no
// white space.
const LinkFeature = z.object({ uri: z.string().regex(/^[a-z][a-z0-9+.-]*:\S+$/i) });
const CreatePostRecord = z.object({
  repo: z.string().min(1),
  collection: z.literal('app.bsky.feed.post'),
  record: z.object({
    $type: z.literal('app.bsky.feed.post'),
    text: z.string(),
    createdAt: z.iso.datetime({ offset: true }),
    langs: z.array(z.string()).optional(),
    facets: z.array(Facet).optional(),
    embed: z
      .object({
        $type: z.literal('app.bsky.embed.images'),
        images: z
          .array(z.object({ alt: z.string(), image: Blob }))
          .min(1)
          .max(4),
      })
      .optional(),
  }),
});

const rateHeaders = (remaining: number, resetAt: Date) => ({
  'ratelimit-limit': '5000',
  'ratelimit-remaining': String(remaining),
  'ratelimit-reset': String(Math.ceil(resetAt.getTime() / 1000)),
  'ratelimit-policy': '5000;w=3600',
});

export const blueskySandbox: SandboxPlatform = {
  platform: 'bluesky',
  error: (status, message): SandboxReply => ({
    status,
    body: { error: ERROR_NAMES[status] ?? 'InternalServerError', message },
  }),
  fault(kind, retryAfterSeconds, now) {
    const reply = this.error(
      Number(kind),
      kind === '401' ? 'Token has been revoked' : `Injected ${kind}`,
    );
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
      path: '/xrpc/com.atproto.server.createSession',
      handle(request, state) {
        const body = parseBody(request, CreateSession, blueskySandbox);
        const did = body.identifier.startsWith('did:')
          ? body.identifier
          : `did:plc:${digest(body.identifier).slice(0, 24)}`;
        const iat = Math.floor(state.now().getTime() / 1000);
        const accessJwt = jwt({
          scope: 'com.atproto.appPass',
          sub: did,
          iat,
          exp: iat + SESSION_SECONDS,
        });
        const refreshJwt = jwt({
          scope: 'com.atproto.refresh',
          sub: did,
          iat,
          exp: iat + 90 * 86_400,
        });
        const handle = body.identifier.startsWith('did:')
          ? `${did.slice(8, 20)}.bsky.social`
          : body.identifier;
        return { status: 200, body: { did, handle, accessJwt, refreshJwt, active: true } };
      },
    },
    {
      method: 'POST',
      path: '/xrpc/com.atproto.repo.uploadBlob',
      handle(request, state) {
        const did = sessionDid(request, state);
        if (request.raw.length > MAX_BLOB_BYTES) {
          throw new Refusal({
            status: 400,
            body: {
              error: 'BlobTooLarge',
              message: `This file is too large. It is ${request.raw.length} bytes but the maximum size is ${MAX_BLOB_BYTES} bytes.`,
            },
          });
        }
        const cid = `bafkrei${digest(request.raw).slice(0, 52)}`;
        const mimeType = request.headers['content-type'] ?? 'application/octet-stream';
        const media = { altText: null, url: null, mimeType, bytes: request.raw.length };
        state.drafts.set(`bluesky:${cid}`, {
          platform: 'bluesky',
          account: did,
          text: '',
          media: [media],
          children: [],
          published: false,
        });
        return {
          status: 200,
          body: {
            blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: request.raw.length },
          },
        };
      },
    },
    {
      method: 'POST',
      path: '/xrpc/com.atproto.repo.createRecord',
      publishes: (request) =>
        z.object({ repo: z.string() }).safeParse(request.body()).data?.repo ?? '',
      handle(request, state) {
        const did = sessionDid(request, state);
        const { repo, record } = parseBody(request, CreatePostRecord, blueskySandbox);
        if (repo !== did)
          throw new Refusal(blueskySandbox.error(400, `Cannot write to the repo of ${repo}`));
        const invalid = (why: string) =>
          new Refusal(blueskySandbox.error(400, `Invalid app.bsky.feed.post record: ${why}`));
        const over = overLimit('bluesky', record.text);
        if (over) throw invalid(`Record/text must not be longer than ${over.limit} graphemes`);
        const bytes = utf8Length(record.text);
        if (bytes > 3000) throw invalid('Record/text must not be longer than 3000 characters');
        const badFacet = record.facets?.find(
          (f) => f.index.byteStart >= f.index.byteEnd || f.index.byteEnd > bytes,
        );
        if (badFacet)
          throw invalid(
            `Record/facets byte range ${badFacet.index.byteStart}-${badFacet.index.byteEnd} is outside the text`,
          );
        const badLink = badLinkFeature(record.facets ?? []);
        if (badLink) throw invalid(`${badLink} must be a uri`);
        const media = (record.embed?.images ?? []).map(({ alt, image }) => {
          const blob = state.drafts.get(`bluesky:${image.ref.$link}`)?.media[0];
          if (!blob)
            throw new Refusal(blueskySandbox.error(400, `Could not find blob: ${image.ref.$link}`));
          return { ...blob, altText: alt };
        });
        const rkey = tid(state.nextId());
        const uri = `at://${did}/app.bsky.feed.post/${rkey}`;
        state.record({
          platform: 'bluesky',
          account: did,
          id: uri,
          text: record.text,
          media,
          receivedAt: state.now(),
          extra: { record, links: facetLinks(record.text, record.facets ?? []) },
        });
        const cid = `bafyrei${digest(uri).slice(0, 52)}`;
        const headers = rateHeaders(4999, new Date(state.now().getTime() + 3_600_000));
        return {
          status: 200,
          headers,
          body: { uri, cid, commit: { cid, rev: rkey }, validationStatus: 'valid' },
        };
      },
    },
    {
      method: 'GET',
      path: '/xrpc/app.bsky.feed.getAuthorFeed',
      handle(request, state) {
        sessionDid(request, state);
        const limit = Math.min(100, Number(request.query.get('limit') ?? 50) || 50);
        const feed = state
          .recent('bluesky', request.query.get('actor') ?? '', limit)
          .map((post) => ({ post: postView(post, state) }));
        return { status: 200, body: { feed } };
      },
    },
    {
      method: 'GET',
      path: '/xrpc/app.bsky.feed.getPosts',
      handle(request, state) {
        sessionDid(request, state);
        const posts = request.query.getAll('uris').flatMap((uri) => {
          const post = state.find('bluesky', uri);
          return post ? [postView(post, state)] : [];
        });
        return { status: 200, body: { posts } };
      },
    },
  ],
};

/** Where a link facet lacks a usable uri, its path in the record ("Record/facets/0/…/uri"). */
function badLinkFeature(facets: readonly Facet[]): string | null {
  for (const [i, facet] of facets.entries()) {
    for (const [j, feature] of facet.features.entries()) {
      if (feature.$type === LINK && !LinkFeature.safeParse(feature).success) {
        return `Record/facets/${i}/features/${j}/uri`;
      }
    }
  }
  return null;
}

/**
 * The links a reader of the post can follow: each link facet's uri over the characters its bytes
 * cover, with their string indexes too, so a test can read them as rendering's links. A byte
 * offset inside a character decodes to U+FFFD and so no longer matches its string index.
 */
function facetLinks(text: string, facets: readonly Facet[]) {
  const bytes = Buffer.from(text, 'utf8');
  const indexAt = (offset: number) => bytes.subarray(0, offset).toString('utf8').length;
  return facets.flatMap(({ index, features }) =>
    features.flatMap((feature) => {
      const link = feature.$type === LINK ? LinkFeature.safeParse(feature).data : undefined;
      if (!link) return [];
      return [
        {
          url: link.uri,
          start: indexAt(index.byteStart),
          end: indexAt(index.byteEnd),
          byteStart: index.byteStart,
          byteEnd: index.byteEnd,
        },
      ];
    }),
  );
}

function postView(post: SandboxPost, state: SandboxState) {
  const reach = reachOf(post, state.now());
  return {
    uri: post.id,
    cid: `bafyrei${digest(post.id).slice(0, 52)}`,
    author: { did: post.account, handle: `${post.account.slice(8, 20)}.bsky.social` },
    record: post.extra.record,
    indexedAt: post.receivedAt.toISOString(),
    likeCount: reach.likes,
    repostCount: reach.shares,
    replyCount: reach.comments,
    quoteCount: reach.quotes,
    bookmarkCount: 0,
  };
}

const JwtPayload = z.object({ sub: z.string().startsWith('did:'), exp: z.number() });

/** The DID of the session behind the request's access token; refuses as a PDS does. */
function sessionDid(request: SandboxRequest, state: SandboxState): string {
  const token = request.headers.authorization?.match(/^Bearer\s+(\S+)$/i)?.[1];
  if (!token) throw new Refusal(blueskySandbox.error(401, 'Authentication Required'));
  const payload = JwtPayload.safeParse(decodeJwt(token));
  if (!payload.success)
    throw new Refusal({ status: 400, body: { error: 'InvalidToken', message: 'Malformed token' } });
  if (payload.data.exp * 1000 <= state.now().getTime()) {
    throw new Refusal({
      status: 400,
      body: { error: 'ExpiredToken', message: 'Token has expired' },
    });
  }
  return payload.data.sub;
}

function jwt(payload: Record<string, unknown>): string {
  const encode = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
  return `${encode({ typ: 'at+jwt', alg: 'ES256K' })}.${encode(payload)}.sandbox`;
}

function decodeJwt(token: string): unknown {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8'));
  } catch {
    // Not a token this sandbox issued: the caller refuses it as malformed.
    return null;
  }
}

/** A record key in the TID shape (13 base32-sortable characters), from the sandbox's sequence. */
function tid(sequence: string): string {
  return BigInt(sequence).toString(32).padStart(13, '2').slice(-13);
}

function digest(data: string | Buffer): string {
  return createHash('sha256').update(data).digest('hex');
}
