// Scheduling, posts, pauses and blackouts (API.md).
import { z } from 'zod';
import { BlackoutRequest, BlackoutView } from '../../pauses/blackouts';
import { PauseRequest } from '../../pauses/create-pause';
import { PauseListQuery } from '../../pauses/list-pauses';
import { PauseView } from '../../pauses/pause-view';
import { BulkPostsRequest, BulkPostsResponse, MAX_BULK_POSTS } from '../../posts/bulk-posts';
import { PostExportQuery } from '../../posts/export-posts';
import { MAX_IMPORT_BYTES, MAX_IMPORT_ROWS } from '../../posts/import-csv';
import { ImportPlan, ImportQuery, ImportResult } from '../../posts/import-posts';
import { PostListQuery } from '../../posts/list-posts';
import { PostView, PostWithAttempts } from '../../posts/post-view';
import { RescheduleRequest } from '../../posts/reschedule-post';
import { ScheduleRequest } from '../../posts/schedule-message';
import { defineEndpoint } from '../endpoint';
import { listOf } from '../pagination';

const IdParams = z.object({ id: z.string().min(1).max(64) });

export const scheduleEndpoint = defineEndpoint({
  method: 'post',
  path: '/messages/{id}/schedule',
  summary:
    'Schedule an approved message: explicit targets, or a staggered fan-out to organisations × platforms (all or nothing)',
  tag: 'Posts',
  access: 'signed_in',
  params: IdParams,
  body: ScheduleRequest,
  response: z.object({ posts: z.array(PostView) }),
  successStatus: 201,
  errors: ['forbidden', 'conflict', 'payload_too_large'],
  maxBodyBytes: 256 * 1024,
});

export const listPostsEndpoint = defineEndpoint({
  method: 'get',
  path: '/posts',
  summary:
    'Posts the caller may see, filtered by campaign, organisation, channel, platform, status, time and words (`q`: in the text or the message title)',
  tag: 'Posts',
  access: 'signed_in',
  query: PostListQuery,
  response: listOf(PostView),
});

export const exportPostsEndpoint = defineEndpoint({
  method: 'get',
  path: '/posts/export.csv',
  summary:
    'The posts GET /posts finds with the same filters (every page), as CSV: a header row, then one row per post with its times in UK time and ISO 8601',
  description: [
    'Streamed in the list’s order. A cell starting with `=`, `+`, `-` or `@` is written with a',
    "`'` before it, so a spreadsheet reads it as text, not a formula.",
  ].join(' '),
  tag: 'Posts',
  access: 'signed_in',
  query: PostExportQuery,
  response: z.string(),
  contentType: 'text/csv',
});

export const getPostEndpoint = defineEndpoint({
  method: 'get',
  path: '/posts/{id}',
  summary: 'One post with its publish attempts',
  tag: 'Posts',
  access: 'signed_in',
  params: IdParams,
  response: PostWithAttempts,
});

export const reschedulePostEndpoint = defineEndpoint({
  method: 'patch',
  path: '/posts/{id}',
  summary: 'Reschedule a scheduled or held post',
  tag: 'Posts',
  access: 'signed_in',
  params: IdParams,
  body: RescheduleRequest,
  response: PostView,
  errors: ['forbidden', 'conflict'],
});

export const cancelPostEndpoint = defineEndpoint({
  method: 'delete',
  path: '/posts/{id}',
  summary: 'Cancel a post (409 once published)',
  tag: 'Posts',
  access: 'signed_in',
  params: IdParams,
  response: PostView,
  errors: ['forbidden', 'conflict'],
});

export const retryPostEndpoint = defineEndpoint({
  method: 'post',
  path: '/posts/{id}/retry',
  summary: 'Retry a failed post now',
  tag: 'Posts',
  access: 'signed_in',
  params: IdParams,
  response: PostView,
  errors: ['forbidden', 'conflict'],
});

export const releasePostEndpoint = defineEndpoint({
  method: 'post',
  path: '/posts/{id}/release',
  summary: 'Release a held post: it is published at its time, or now if that has passed',
  tag: 'Posts',
  access: 'signed_in',
  params: IdParams,
  response: PostView,
  errors: ['forbidden', 'conflict'],
});

export const bulkPostsEndpoint = defineEndpoint({
  method: 'post',
  path: '/posts/bulk',
  summary: 'Cancel, release, retry or move many posts at once, each by the rules of its own route',
  description: [
    `Up to ${MAX_BULK_POSTS} post ids, each once. Every post is decided alone, exactly as by`,
    '`DELETE /posts/{id}`, `POST /posts/{id}/release`, `POST /posts/{id}/retry` or',
    '`PATCH /posts/{id}`: the caller’s permissions, the post’s status, blackouts and the past. Each',
    'change commits with its audit entry on its own, so one post’s refusal (another force’s post,',
    'one already published, one changed meanwhile) is reported in its result and the others go',
    'through; the answer is 200 with one result per id, in the order sent.',
    '',
    '`move` takes `minutes` (a whole number, negative for earlier). Whole days (multiples of 1440)',
    'are calendar days on the UK clock: a post at 09:00 stays at 09:00 across a clocks change. Any',
    'rest is elapsed time. A post that would land on a time the clocks skip is refused; on a time',
    'that happens twice it takes the one with its own UTC offset (exactly whole days away).',
    '',
    '`release` spreads the posts released together so they do not all go out in one minute: from',
    'the whole minute after a minute from now, at most 2 per channel and 20 in all in any minute,',
    'in the order they were due (a post due later than its slot keeps its time). Each result’s',
    '`goesOutAt` says when that post goes out.',
  ]
    .join(' ')
    .replace(/ {2}/g, '\n\n'),
  tag: 'Posts',
  access: 'signed_in',
  body: BulkPostsRequest,
  response: BulkPostsResponse,
  maxBodyBytes: 128 * 1024,
});

export const importPostsEndpoint = defineEndpoint({
  method: 'post',
  path: '/posts/import',
  summary:
    'Schedule posts from a CSV file, all or nothing; ?dryRun=true checks it and answers the plan',
  description: [
    'The body is `text/csv` in UTF-8 (a byte-order mark is fine) with a header naming the columns',
    '`message,organisation,platform,date,time` in any order: the message id, the organisation’s',
    'slug, the platform, the UK date `YYYY-MM-DD` and the UK time `HH:MM` (on the day the clocks go',
    'back, `01:30 BST` or `01:30 GMT` says which; a time the clocks skip is refused). Each row is',
    'scheduled as `POST /messages/{id}/schedule` would schedule it, on every active channel of the',
    'organisation on that platform, with the same checks: permissions, the message approved, the',
    'signpost, length and media, blackouts, the past, and the same message already there at that',
    'time; two rows on one channel in one minute are refused.',
    `At most ${MAX_IMPORT_ROWS.toLocaleString('en-GB')} rows and ${MAX_IMPORT_BYTES / 1024 / 1024} MiB.`,
    'A problem answers 400 with `fields` keyed `<line>.<column>` (the header is line 1; `file` for',
    'the file as a whole) and nothing is written. `dryRun=true` answers 200 with the plan; otherwise',
    '201 with the posts, written in one transaction and queued after it commits.',
  ].join(' '),
  tag: 'Posts',
  access: 'signed_in',
  query: ImportQuery,
  body: z.string().describe('the CSV file'),
  bodyContentType: 'text/csv',
  response: z.union([ImportPlan, ImportResult]),
  successStatus: 201,
  errors: ['forbidden', 'payload_too_large'],
  maxBodyBytes: MAX_IMPORT_BYTES,
});

export const importTemplateEndpoint = defineEndpoint({
  method: 'get',
  path: '/posts/import/template.csv',
  summary:
    'A CSV template for /posts/import: the header and one example row the caller could import',
  tag: 'Posts',
  access: 'signed_in',
  response: z.string(),
  contentType: 'text/csv',
});

export const createPauseEndpoint = defineEndpoint({
  method: 'post',
  path: '/pauses',
  summary:
    'Pause publishing (global, organisation, channel or campaign); answers once nothing in scope is mid-publish',
  tag: 'Pauses',
  access: 'signed_in',
  body: PauseRequest,
  response: PauseView.extend({ settled: z.boolean() }),
  successStatus: 201,
  errors: ['forbidden'],
});

export const listPausesEndpoint = defineEndpoint({
  method: 'get',
  path: '/pauses',
  summary: 'Pauses, newest first; ?active=true for those in force',
  tag: 'Pauses',
  access: 'signed_in',
  query: PauseListQuery,
  response: listOf(PauseView),
});

export const liftPauseEndpoint = defineEndpoint({
  method: 'delete',
  path: '/pauses/{id}',
  summary: 'Lift a pause (held posts stay held until released)',
  tag: 'Pauses',
  access: 'signed_in',
  params: IdParams,
  response: PauseView,
  errors: ['forbidden', 'conflict'],
});

export const createBlackoutEndpoint = defineEndpoint({
  method: 'post',
  path: '/blackouts',
  summary: 'Set a blackout window for an organisation (e.g. a pre-election period)',
  tag: 'Pauses',
  access: 'signed_in',
  body: BlackoutRequest,
  response: BlackoutView,
  successStatus: 201,
  errors: ['forbidden'],
});

export const listBlackoutsEndpoint = defineEndpoint({
  method: 'get',
  path: '/blackouts',
  summary: 'Blackout windows that have not ended',
  tag: 'Pauses',
  access: 'signed_in',
  response: listOf(BlackoutView),
});

export const removeBlackoutEndpoint = defineEndpoint({
  method: 'delete',
  path: '/blackouts/{id}',
  summary: 'Remove a blackout window',
  tag: 'Pauses',
  access: 'signed_in',
  params: IdParams,
  response: BlackoutView,
  errors: ['forbidden'],
});
