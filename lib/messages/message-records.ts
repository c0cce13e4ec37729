// Reading messages out of the database in the one shape every operation answers with, and the
// lock that makes each change of a message happen one at a time.
import type { Prisma } from '@/prisma/generated/client';
import type { AttachedImage } from '../media/media-facts';
import { MessageOverrides, type CommentView, type MessageView } from './message-schemas';

type Tx = Prisma.TransactionClient;

export const messageInclude = {
  author: { select: { id: true, name: true } },
  approver: { select: { id: true, name: true } },
  media: {
    orderBy: { position: 'asc' },
    select: { mediaId: true, altText: true, altTextCy: true },
  },
} satisfies Prisma.MessageInclude;

export type MessageRecord = Prisma.MessageGetPayload<{ include: typeof messageInclude }>;

export function toMessageView(row: MessageRecord): MessageView {
  return {
    id: row.id,
    campaignId: row.campaignId,
    title: row.title,
    body: row.body,
    theme: row.theme,
    shareable: row.shareable,
    overrides: MessageOverrides.parse(row.overrides),
    media: row.media.map(({ mediaId, altText, altTextCy }) => ({ mediaId, altText, altTextCy })),
    cy:
      row.bodyCy === null
        ? null
        : { body: row.bodyCy, overrides: MessageOverrides.parse(row.overridesCy) },
    status: row.status,
    author: row.author,
    approver: row.approver,
    submittedAt: row.submittedAt?.toISOString() ?? null,
    approvedAt: row.approvedAt?.toISOString() ?? null,
    rejectionReason: row.rejectionReason,
    previousVersionId: row.previousVersionId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

export const commentInclude = {
  author: { select: { id: true, name: true } },
} satisfies Prisma.MessageCommentInclude;

export function toCommentView(
  row: Prisma.MessageCommentGetPayload<{ include: typeof commentInclude }>,
): CommentView {
  return {
    id: row.id,
    messageId: row.messageId,
    author: row.author,
    body: row.body,
    createdAt: row.createdAt.toISOString(),
  };
}

/**
 * The message, locked until the transaction ends, or null. Two reviewers pressing "approve" at
 * once are served one after the other: the second sees it approved and is told so (409).
 */
export async function lockMessage(tx: Tx, messageId: string): Promise<MessageRecord | null> {
  await tx.$queryRaw`SELECT 1 FROM messages WHERE id = ${messageId} FOR UPDATE`;
  return tx.message.findUnique({ where: { id: messageId }, include: messageInclude });
}

/** The message's images as the media pipeline needs them, in the message's order. */
export async function attachedImagesOf(
  reader: Pick<Tx, 'messageMedia'>,
  messageId: string,
): Promise<AttachedImage[]> {
  return reader.messageMedia.findMany({
    where: { messageId },
    orderBy: { position: 'asc' },
    select: {
      altText: true,
      media: {
        select: {
          id: true,
          storagePath: true,
          mimeType: true,
          bytes: true,
          width: true,
          height: true,
        },
      },
    },
  });
}
