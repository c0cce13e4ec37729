// A campaign lead or comms officer drafts a message for a campaign. It starts as a draft of
// theirs; only they can edit or submit it.
import { type CurrentActor, auditActor } from '../auth/actor';
import { recordAudit } from '../audit/record-audit';
import { db } from '../db';
import {
  assertMediaExist,
  assertThemeOfCampaign,
  openCampaign,
  replaceMedia,
} from './message-content';
import { assertRoleAllows } from './message-access';
import { messageInclude, toMessageView } from './message-records';
import type { MessageInput, MessageView } from './message-schemas';

export async function createMessage(
  actor: CurrentActor,
  input: MessageInput,
): Promise<MessageView> {
  assertRoleAllows(
    actor,
    'message.create',
    'Only campaign leads and comms officers can write messages.',
  );
  return db.$transaction(async (tx) => {
    const campaign = await openCampaign(tx, input.campaignId);
    assertThemeOfCampaign(campaign, input.theme);
    await assertMediaExist(tx, input.media);
    const { id } = await tx.message.create({
      data: {
        campaignId: campaign.id,
        title: input.title,
        body: input.body,
        theme: input.theme,
        shareable: input.shareable,
        overrides: input.overrides,
        bodyCy: input.cy?.body ?? null,
        overridesCy: input.cy?.overrides ?? {},
        authorId: actor.userId,
      },
      select: { id: true },
    });
    await replaceMedia(tx, id, input.media);
    const message = toMessageView(
      await tx.message.findUniqueOrThrow({ where: { id }, include: messageInclude }),
    );
    await recordAudit(tx, auditActor(actor), {
      action: 'message.create',
      entityId: id,
      after: message,
    });
    return message;
  });
}
