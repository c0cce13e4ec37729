// The author edits their draft. Once submitted it is frozen until a reviewer sends it back, and
// once approved it never changes: what partners were told was approved stays exactly that.
import { type CurrentActor, auditActor } from '../auth/actor';
import { can } from '../auth/permissions';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import { conflict, forbidden } from '../errors';
import { assertReadable, assertRoleAllows } from './message-access';
import {
  assertMediaExist,
  assertThemeOfCampaign,
  campaignOfMessage,
  replaceMedia,
} from './message-content';
import { lockMessage, messageInclude, toMessageView } from './message-records';
import type { MessageChange, MessageView } from './message-schemas';
import { messageTransition } from './message-state';

export async function updateMessage(
  actor: CurrentActor,
  messageId: string,
  change: MessageChange,
): Promise<MessageView> {
  return db.$transaction(async (tx) => {
    const current = await lockMessage(tx, messageId);
    assertReadable(actor, current);
    assertRoleAllows(actor, 'message.update', 'Your role cannot edit messages.');
    const transition = messageTransition(current.status, 'edit');
    if (!transition.ok) throw conflict(transition.reason);
    if (!can(actor, 'message.update', { authorId: current.authorId })) {
      throw forbidden(
        `Only the author (${current.author.name}) can edit this draft. Leave a comment to suggest a change.`,
      );
    }

    const campaign = await campaignOfMessage(tx, current.campaignId);
    if (change.theme !== undefined) assertThemeOfCampaign(campaign, change.theme);
    if (change.media !== undefined) {
      await assertMediaExist(tx, change.media);
      await replaceMedia(tx, messageId, change.media);
    }
    const row = await tx.message.update({
      where: { id: messageId },
      data: {
        title: change.title,
        body: change.body,
        theme: change.theme,
        shareable: change.shareable,
        overrides: change.overrides,
        ...(change.cy === undefined
          ? {}
          : { bodyCy: change.cy?.body ?? null, overridesCy: change.cy?.overrides ?? {} }),
      },
      include: messageInclude,
    });
    const before = toMessageView(current);
    const after = toMessageView(row);
    await recordAudit(tx, auditActor(actor), {
      action: 'message.update',
      entityId: messageId,
      before,
      after,
    });
    return after;
  });
}
