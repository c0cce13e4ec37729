// An approved message never changes; to change its wording, its text is copied into a new draft
// (linked to it by previousVersionId) that goes through review again. The copy is the caller's.
import { type CurrentActor, auditActor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { conflict } from '../errors';
import { assertReadable, assertRoleAllows } from './message-access';
import { campaignOfMessage, replaceMedia } from './message-content';
import { lockMessage, messageInclude, toMessageView } from './message-records';
import { MessageOverrides, type MessageView } from './message-schemas';
import { messageTransition } from './message-state';

export async function newVersion(actor: CurrentActor, messageId: string): Promise<MessageView> {
  return db.$transaction(async (tx) => {
    const source = await lockMessage(tx, messageId);
    assertReadable(actor, source);
    assertRoleAllows(
      actor,
      'message.create',
      'Only campaign leads and comms officers can write messages.',
    );
    const transition = messageTransition(source.status, 'new_version');
    if (!transition.ok) throw conflict(transition.reason);
    await campaignOfMessage(tx, source.campaignId);

    const { id } = await tx.message.create({
      data: {
        campaignId: source.campaignId,
        title: source.title,
        body: source.body,
        theme: source.theme,
        shareable: source.shareable,
        overrides: MessageOverrides.parse(source.overrides),
        bodyCy: source.bodyCy,
        overridesCy: MessageOverrides.parse(source.overridesCy),
        authorId: actor.userId,
        previousVersionId: source.id,
      },
      select: { id: true },
    });
    await replaceMedia(
      tx,
      id,
      source.media.map((item) => ({ ...item, altTextCy: item.altTextCy ?? undefined })),
    );
    const copy = toMessageView(
      await tx.message.findUniqueOrThrow({ where: { id }, include: messageInclude }),
    );
    await recordAudit(tx, auditActor(actor), {
      action: 'message.new_version',
      entityId: id,
      after: copy,
    });
    return copy;
  });
}
