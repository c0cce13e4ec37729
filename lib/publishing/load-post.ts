// Everything the worker needs to publish one post — the post, its channel, organisation,
// campaign and message with images, the current signpost, and the pauses and blackouts that
// could hold it — in ONE statement. Publishing's hot path: measured, the ORM's separate queries
// cost more than the platform call itself (docs/BENCHMARKS.md). The claim can ride in the same
// statement, so a worker claims and reads in a single round trip, with one consistent snapshot.
import { z } from 'zod';
import { Platform } from '../platforms/types';
import { PostStatus } from '../posts/state-machine';
import { pausesCoveringSql } from '../pauses/pause-scope';
import { PauseScope } from '../scheduling/holds';
import { SignpostView } from '../signpost/signpost-store';
import { preparedQuery } from './hot-path';

const date = z.coerce.date();

export const PostForPublishing = z.object({
  id: z.string(),
  status: PostStatus,
  revision: z.number().int(),
  scheduledAt: date,
  attempts: z.number().int(),
  lastError: z.string().nullable(),
  text: z.string(),
  claimedAt: date.nullable(),
  organisationId: z.string(),
  campaignId: z.string(),
  channelId: z.string(),
  platform: Platform,
  /** What the post carries (issue 13). */
  language: z.enum(['en', 'cy', 'bilingual']),
  pairId: z.string().nullable(),
  channel: z.object({
    id: z.string(),
    platform: Platform,
    handle: z.string(),
    externalAccountId: z.string(),
    baseUrl: z.string().nullable(),
    credentialsEncrypted: z.string(),
    status: z.enum(['active', 'needs_reauth', 'disabled']),
    statusReason: z.string().nullable(),
  }),
  organisation: z.object({
    slug: z.string(),
    name: z.string(),
    area: z.string(),
    nameCy: z.string().nullable(),
    areaCy: z.string().nullable(),
    active: z.boolean(),
  }),
  campaign: z.object({ slug: z.string(), name: z.string() }),
  message: z.object({
    body: z.string(),
    overrides: z.unknown(),
    bodyCy: z.string().nullable(),
    overridesCy: z.unknown(),
    media: z.array(
      z.object({
        altText: z.string(),
        media: z.object({
          id: z.string(),
          mimeType: z.string(),
          bytes: z.number(),
          width: z.number(),
          height: z.number(),
          storagePath: z.string(),
        }),
      }),
    ),
  }),
  signpost: SignpostView.pick({
    version: true,
    helplineName: true,
    phone: true,
    url: true,
    wording: true,
    wordingCy: true,
    wordingCyReviewed: true,
  }).nullable(),
  pauses: z.array(
    z.object({
      id: z.string(),
      scope: PauseScope,
      organisationId: z.string().nullable(),
      channelId: z.string().nullable(),
      campaignId: z.string().nullable(),
      reason: z.string(),
      startsAt: date,
      endsAt: date.nullable(),
      liftedAt: date.nullable(),
    }),
  ),
  blackouts: z.array(
    z.object({
      id: z.string(),
      organisationId: z.string(),
      reason: z.string(),
      startsAt: date,
      endsAt: date,
    }),
  ),
});
export type PostForPublishing = z.infer<typeof PostForPublishing>;

// Timestamps inside JSON come out without a zone; AT TIME ZONE 'UTC' makes them timestamptz,
// which JSON writes with its offset, so they read back as the same instant anywhere.
const utc = (column: string) => `${column} AT TIME ZONE 'UTC'`;

/** The reading part, over a row source `p` (the claimed row, or the post itself). $1 = now. */
const READ_POST = `
  SELECT p.id, p.status, p.revision, p."scheduledAt", p.attempts, p."lastError", p.text, p."claimedAt",
    p."organisationId", p."campaignId", p."channelId", p.platform, p.language, p."pairId",
    json_build_object('id', ch.id, 'platform', ch.platform, 'handle', ch.handle,
      'externalAccountId', ch."externalAccountId", 'baseUrl', ch."baseUrl",
      'credentialsEncrypted', ch."credentialsEncrypted", 'status', ch.status, 'statusReason', ch."statusReason") AS channel,
    json_build_object('slug', o.slug, 'name', o.name, 'area', o.area, 'nameCy', o."nameCy",
      'areaCy', o."areaCy", 'active', o.active) AS organisation,
    json_build_object('slug', cp.slug, 'name', cp.name) AS campaign,
    json_build_object('body', m.body, 'overrides', m.overrides, 'bodyCy', m."bodyCy",
      'overridesCy', m."overridesCy", 'media', COALESCE((
      SELECT json_agg(json_build_object('altText', mm."altText", 'media', json_build_object('id', md.id,
        'mimeType', md."mimeType", 'bytes', md.bytes, 'width', md.width, 'height', md.height,
        'storagePath', md."storagePath")) ORDER BY mm.position)
      FROM message_media mm JOIN media md ON md.id = mm."mediaId" WHERE mm."messageId" = m.id), '[]'::json)) AS message,
    (SELECT json_build_object('version', s.version, 'helplineName', s."helplineName", 'phone', s.phone,
        'url', s.url, 'wording', s.wording, 'wordingCy', s."wordingCy",
        'wordingCyReviewed', s."wordingCyReviewed")
      FROM signpost_versions s ORDER BY s.version DESC LIMIT 1) AS signpost,
    COALESCE((SELECT json_agg(json_build_object('id', pz.id, 'scope', pz.scope, 'organisationId', pz."organisationId",
        'channelId', pz."channelId", 'campaignId', pz."campaignId", 'reason', pz.reason,
        'startsAt', ${utc('pz."startsAt"')}, 'endsAt', ${utc('pz."endsAt"')}, 'liftedAt', ${utc('pz."liftedAt"')}))
      FROM pauses pz WHERE pz."liftedAt" IS NULL AND ${pausesCoveringSql('pz', 'p')}), '[]'::json) AS pauses,
    COALESCE((SELECT json_agg(json_build_object('id', b.id, 'organisationId', b."organisationId", 'reason', b.reason,
        'startsAt', ${utc('b."startsAt"')}, 'endsAt', ${utc('b."endsAt"')}))
      FROM blackouts b WHERE b."organisationId" = p."organisationId" AND b."endsAt" > $1), '[]'::json) AS blackouts
  FROM p
  JOIN channels ch ON ch.id = p."channelId"
  JOIN organisations o ON o.id = p."organisationId"
  JOIN campaigns cp ON cp.id = p."campaignId"
  JOIN messages m ON m.id = p."messageId"`;

const COLUMNS = `id, status, revision, "scheduledAt", attempts, "lastError", text, "claimedAt",
  "organisationId", "campaignId", "channelId", "messageId", platform, language, "pairId"`;

const CLAIM = `
  WITH p AS (
    UPDATE posts SET status = 'publishing', "claimedAt" = $1, "claimedBy" = $4, "updatedAt" = $1
    WHERE id = $2 AND revision = $3 AND status = 'scheduled'
    RETURNING ${COLUMNS}
  ) ${READ_POST}`;

const LOAD = `WITH p AS (SELECT ${COLUMNS} FROM posts WHERE id = $2) ${READ_POST}`;

function parse(rows: unknown[]): PostForPublishing | null {
  return rows[0] === undefined ? null : PostForPublishing.parse(rows[0]);
}

/**
 * Claims the post — only `scheduled` becomes `publishing`, and only for this revision — and
 * reads it, in one statement. Null when it was not this worker's to claim.
 */
export async function claimPostForPublishing(
  job: { postId: string; revision: number },
  workerId: string,
  now: Date,
): Promise<PostForPublishing | null> {
  return parse(
    await preparedQuery('signpost_claim_post', CLAIM, [now, job.postId, job.revision, workerId]),
  );
}

export async function loadPostForPublishing(
  postId: string,
  now = new Date(),
): Promise<PostForPublishing> {
  const post = parse(await preparedQuery('signpost_load_post', LOAD, [now, postId]));
  if (!post) throw new Error(`Post ${postId} does not exist`);
  return post;
}
