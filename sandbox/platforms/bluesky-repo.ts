// A PDS's repository calls (docs.bsky.app, com.atproto.repo.*): uploadBlob (a raw CID of the
// bytes), createRecord (into the session's own repository only; the record's DAG-CBOR CID, a TID
// record key and commit rev) and getRecord. Writes cost three points of 5000 an hour.
import { z } from 'zod';
import { parseBody, Refusal, type AdoptedPost, type SandboxRoute } from '../routes';
import type { SandboxPost, SandboxState } from '../state';
import { blobCid, recordCid, tid } from './bluesky-cid';
import { blueskyError, blueskyLimit } from './bluesky-errors';
import { checkPostRecord } from './bluesky-post-record';
import { handleFor, sessionDid } from './bluesky-session';

const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
const WRITE_QUOTA = { limit: 5000, windowSeconds: 3600 };
const CREATE_COST = 3;
const POSTS = 'app.bsky.feed.post';

const CreateRecord = z.object({
  repo: z.string().min(1),
  collection: z.string().regex(/^[a-zA-Z]([a-zA-Z0-9-]*\.)+[a-zA-Z][a-zA-Z0-9]*$/),
  rkey: z
    .string()
    .regex(/^[A-Za-z0-9._:~-]{1,512}$/)
    .optional(),
  validate: z.boolean().optional(),
  record: z.unknown(),
  swapCommit: z.string().optional(),
});

export const blueskyRepoRoutes: SandboxRoute[] = [
  {
    method: 'POST',
    path: '/xrpc/com.atproto.repo.uploadBlob',
    handle(request, state) {
      const did = sessionDid(request, state);
      const bytes = request.raw;
      if (bytes.length > MAX_UPLOAD_BYTES) {
        throw new Refusal(
          blueskyError(
            400,
            `This file is too large. It is ${bytes.length} bytes but the maximum size is ${MAX_UPLOAD_BYTES} bytes.`,
            'BlobTooLarge',
          ),
        );
      }
      const cid = blobCid(bytes);
      const mimeType = request.headers['content-type'] ?? 'application/octet-stream';
      const media = { id: cid, altText: null, url: null, mimeType, bytes: bytes.length };
      // Blobs belong to a repository: two accounts uploading the same image hold one each.
      state.drafts.set(`bluesky:${did}:${cid}`, {
        platform: 'bluesky',
        account: did,
        text: '',
        media: [media],
        children: [],
        published: false,
      });
      return {
        status: 200,
        body: { blob: { $type: 'blob', ref: { $link: cid }, mimeType, size: bytes.length } },
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
      const body = parseBody(request, CreateRecord, { error: blueskyError });
      if (ownerOf(body.repo, state) !== did)
        throw new Refusal(blueskyError(401, 'Authentication Required'));
      blueskyLimit(request, state, `writes:${did}`, WRITE_QUOTA, CREATE_COST);
      if (body.collection !== POSTS) {
        throw new Refusal(
          blueskyError(
            400,
            `The sandbox's PDS keeps ${POSTS} records only, not ${body.collection}`,
          ),
        );
      }
      const { record, media, links } = checkPostRecord(body.record, did, state);
      const rkey = body.rkey ?? nextTid(state);
      const uri = `at://${did}/${POSTS}/${rkey}`;
      if (state.find('bluesky', uri))
        throw new Refusal(blueskyError(400, `Record already exists: ${uri}`));
      const cid = recordCid(record);
      state.record({
        platform: 'bluesky',
        account: did,
        id: uri,
        text: record.text,
        media,
        receivedAt: state.now(),
        extra: { record, cid, links },
      });
      const rev = nextTid(state);
      const commit = { cid: recordCid({ did, rev, data: { $link: cid }, version: 3 }), rev };
      return { status: 200, body: { uri, cid, commit, validationStatus: 'valid' } };
    },
  },
  {
    method: 'GET',
    path: '/xrpc/com.atproto.repo.getRecord',
    handle(request, state) {
      const repo = ownerOf(request.query.get('repo') ?? '', state);
      const uri = `at://${repo}/${request.query.get('collection') ?? ''}/${request.query.get('rkey') ?? ''}`;
      const post = state.find('bluesky', uri);
      if (!post)
        throw new Refusal(blueskyError(400, `Could not locate record: ${uri}`, 'RecordNotFound'));
      return { status: 200, body: { uri, cid: post.extra.cid, value: post.extra.record } };
    },
  },
];

/** The DID a repo parameter names (a DID, or a handle the sandbox gave out). */
export function ownerOf(repo: string, state: SandboxState): string {
  if (repo.startsWith('did:')) return repo;
  const known = state
    .list({ platform: 'bluesky' })
    .find((post) => handleFor(post.account) === repo);
  if (known) return known.account;
  throw new Refusal(blueskyError(400, `Could not find repo: ${repo}`));
}

/** A post published before the sandbox knew of it (demo data), as createRecord would keep it. */
export function adoptBlueskyPost(post: AdoptedPost, state: SandboxState): SandboxPost {
  const record = {
    $type: POSTS,
    text: post.text,
    createdAt: post.receivedAt.toISOString(),
    langs: ['en'],
  };
  const rkey = tid(BigInt(post.receivedAt.getTime()) * 1000n + BigInt(state.nextId().slice(-3)), 0);
  return {
    platform: 'bluesky',
    account: post.account,
    id: post.id ?? `at://${post.account}/${POSTS}/${rkey}`,
    text: post.text,
    media: [],
    receivedAt: post.receivedAt,
    extra: { record, cid: recordCid(record), links: [] },
  };
}

/** Record keys and revs: TIDs from the sandbox's clock, strictly increasing. */
function nextTid(state: SandboxState): string {
  const now = BigInt(state.now().getTime()) * 1000n;
  state.lastTidMicros = now > state.lastTidMicros ? now : state.lastTidMicros + 1n;
  return tid(state.lastTidMicros, 0);
}
