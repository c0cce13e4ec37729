// What a message is at the edges: what an author sends, and what readers get back. The route
// handlers and server actions parse with these; the lib functions take the parsed values.
//
// Text is kept exactly as typed, apart from surrounding whitespace: "<script>" in a body is a
// message about a script tag, not markup. Nothing here sanitises or interprets it; the UI
// escapes it when it shows it, and the platforms receive plain text.
import { z } from 'zod';
import { Theme } from '../campaigns/campaign-schemas';
import { Platform } from '../platforms/types';
import { SearchQuery } from '../search/search-terms';
import { findPlaceholders, PLACEHOLDERS } from '../signpost/placeholders';

export const MESSAGE_STATUSES = ['draft', 'in_review', 'approved', 'archived'] as const;
export const MessageStatus = z.enum(MESSAGE_STATUSES);
export type MessageStatus = z.infer<typeof MessageStatus>;

export const TITLE_MAX = 200;
export const BODY_MAX = 5_000;
export const ALT_TEXT_MAX = 1_000;
/** Instagram's carousel holds ten; platforms that take fewer get a warning, not a refusal. */
export const MEDIA_MAX = 10;

const required = (what: string) => (issue: { input: unknown }) =>
  issue.input === undefined ? `is required: ${what}` : 'must be text';

const Title = z
  .string({ error: required('give the message a short title') })
  .trim()
  .min(1, 'must not be empty')
  .max(TITLE_MAX, `must be at most ${TITLE_MAX} characters`);

const PLACEHOLDER_ADVICE = PLACEHOLDERS.map((name) => `{${name}}`).join(' or ');

/** "has an unknown placeholder {foo}; use {organisation} or {area}", or null when all are known. */
export function unknownPlaceholderMessage(text: string): string | null {
  const unknown = [
    ...new Set(
      findPlaceholders(text)
        .filter((use) => !use.known)
        .map((use) => `{${use.name}}`),
    ),
  ];
  if (unknown.length === 0) return null;
  const plural = unknown.length > 1 ? 's' : '';
  return `has unknown placeholder${plural} ${unknown.join(', ')}; use ${PLACEHOLDER_ADVICE}`;
}

/**
 * A body or an override. A placeholder the renderer cannot fill is refused at the door, naming
 * it (and, through the issue's path, the field it is in).
 */
const MessageText = z
  .string({ error: required('write the message') })
  .trim()
  .min(1, 'must not be empty')
  .max(BODY_MAX, `must be at most ${BODY_MAX.toLocaleString('en-GB')} characters`)
  .superRefine((text, context) => {
    const problem = unknownPlaceholderMessage(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
  });

/** The message as it should read on one platform, instead of the body. */
export const MessageOverrides = z.partialRecord(Platform, MessageText);
export type MessageOverrides = z.infer<typeof MessageOverrides>;

export const MessageMediaInput = z.strictObject({
  mediaId: z
    .string({ error: required('the id of an uploaded image') })
    .min(1)
    .max(100),
  altText: z
    .string({ error: required('describe the image for people who use screen readers') })
    .trim()
    .min(1, 'must not be empty: describe the image for people who use screen readers')
    .max(ALT_TEXT_MAX, `must be at most ${ALT_TEXT_MAX.toLocaleString('en-GB')} characters`),
  /** The image described in Welsh (issue 13), for a message that goes out in Welsh. */
  altTextCy: z
    .string()
    .trim()
    .min(1, 'must not be empty: describe the image in Welsh, or leave it out')
    .max(ALT_TEXT_MAX, `must be at most ${ALT_TEXT_MAX.toLocaleString('en-GB')} characters`)
    .optional(),
});
export type MessageMediaInput = z.infer<typeof MessageMediaInput>;

const Media = z
  .array(MessageMediaInput)
  .max(MEDIA_MAX, `must hold at most ${MEDIA_MAX} images`)
  .refine((media) => new Set(media.map((item) => item.mediaId)).size === media.length, {
    message: 'must not attach the same image twice',
  });

/**
 * The message in Welsh (issue 13): its body and its own per-platform versions, beside the
 * English. Required for an organisation that publishes in Welsh and English.
 */
export const MessageWelsh = z
  .strictObject({
    body: MessageText,
    overrides: MessageOverrides.default({}),
  })
  .meta({ id: 'MessageWelsh' });
export type MessageWelsh = z.infer<typeof MessageWelsh>;

const messageFields = {
  title: Title,
  body: MessageText,
  theme: Theme,
  /** Whether partners (local authorities, charities) may publish it once approved. */
  shareable: z.boolean(),
  overrides: MessageOverrides,
  media: Media,
};

export const MessageInput = z
  .strictObject({
    campaignId: z
      .string({ error: required('the campaign this message belongs to') })
      .min(1)
      .max(100),
    ...messageFields,
    shareable: messageFields.shareable.default(false),
    overrides: messageFields.overrides.default({}),
    media: messageFields.media.default([]),
    cy: MessageWelsh.optional(),
  })
  .meta({ id: 'MessageInput' });
export type MessageInput = z.infer<typeof MessageInput>;

/** A change to a draft: any of its fields. `overrides` and `media`, when sent, replace the old ones. */
export const MessageChange = z
  .strictObject({
    title: messageFields.title.optional(),
    body: messageFields.body.optional(),
    theme: messageFields.theme.optional(),
    shareable: messageFields.shareable.optional(),
    overrides: messageFields.overrides.optional(),
    media: messageFields.media.optional(),
    /** The Welsh text, replacing the old; null removes it. */
    cy: MessageWelsh.nullable().optional(),
  })
  .refine((change) => Object.values(change).some((value) => value !== undefined), {
    message: 'send at least one of title, body, theme, shareable, overrides, media or cy',
  })
  .meta({ id: 'MessageChange' });
export type MessageChange = z.infer<typeof MessageChange>;

export const RejectRequest = z
  .strictObject({
    reason: z
      .string({ error: required('tell the author what to change') })
      .trim()
      .min(1, 'must not be empty: tell the author what to change')
      .max(2_000, 'must be at most 2,000 characters'),
  })
  .meta({ id: 'RejectRequest' });
export type RejectRequest = z.infer<typeof RejectRequest>;

export const CommentRequest = z
  .strictObject({
    body: z
      .string({ error: required('write the comment') })
      .trim()
      .min(1, 'must not be empty')
      .max(BODY_MAX, `must be at most ${BODY_MAX.toLocaleString('en-GB')} characters`),
  })
  .meta({ id: 'CommentRequest' });
export type CommentRequest = z.infer<typeof CommentRequest>;

export const MessageListFilter = z.object({
  campaignId: z.string().min(1).max(100).optional(),
  status: MessageStatus.optional(),
  theme: Theme.optional(),
  q: SearchQuery.optional(),
});
export type MessageListFilter = z.infer<typeof MessageListFilter>;

const Person = z.object({ id: z.string(), name: z.string() });

export const MessageView = z
  .object({
    id: z.string(),
    campaignId: z.string(),
    title: z.string(),
    body: z.string(),
    theme: Theme,
    shareable: z.boolean(),
    overrides: MessageOverrides,
    media: z.array(
      z.object({ mediaId: z.string(), altText: z.string(), altTextCy: z.string().nullable() }),
    ),
    /** The Welsh text and its per-platform versions (issue 13), or null. */
    cy: z.object({ body: z.string(), overrides: MessageOverrides }).nullable(),
    status: MessageStatus,
    author: Person,
    approver: Person.nullable(),
    submittedAt: z.iso.datetime().nullable(),
    approvedAt: z.iso.datetime().nullable(),
    /** Why a reviewer last sent it back to draft; kept until it is approved. */
    rejectionReason: z.string().nullable(),
    /** On a new version: the approved message it was copied from. */
    previousVersionId: z.string().nullable(),
    createdAt: z.iso.datetime(),
    updatedAt: z.iso.datetime(),
  })
  .meta({ id: 'Message' });
export type MessageView = z.infer<typeof MessageView>;

export const CommentView = z
  .object({
    id: z.string(),
    messageId: z.string(),
    author: Person,
    body: z.string(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'MessageComment' });
export type CommentView = z.infer<typeof CommentView>;

export const MessageDetail = MessageView.extend({ comments: z.array(CommentView) }).meta({
  id: 'MessageDetail',
});
export type MessageDetail = z.infer<typeof MessageDetail>;

/**
 * Something a reviewer should know about a message on one platform (or all, when `platform` is
 * null). As a problem it stops submission or approval; as a warning it only informs — typically
 * "too long for X", which an X override fixes.
 */
export const MessageFinding = z
  .object({
    /** The field to change: "body", "overrides.x", "media". */
    field: z.string(),
    platform: Platform.nullable(),
    /** The renderer's code: too_long, unknown_placeholder, media_required, … */
    code: z.string(),
    /** Plain words, for the worst affected organisation. */
    message: z.string(),
    /** Slugs of the organisations it affects (placeholders make the length differ by organisation). */
    organisations: z.array(z.string()),
  })
  .meta({ id: 'MessageFinding' });
export type MessageFinding = z.infer<typeof MessageFinding>;

/** What submit and approve answer: the message as it now is, and what the reviewer should know. */
export const ReviewedMessage = z
  .object({ message: MessageView, warnings: z.array(MessageFinding) })
  .meta({ id: 'ReviewedMessage' });
export type ReviewedMessage = z.infer<typeof ReviewedMessage>;
