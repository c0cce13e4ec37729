// Exactly what would be published now for one channel: the current signpost, the platform's
// override if the message has one, placeholders filled for the channel's organisation and the
// signpost link tagged with the campaign and organisation. The same renderForChannel the worker runs.
import { z } from 'zod';
import { type Actor, organisationScope } from '../auth/permissions';
import { db } from '../db';
import { notFound } from '../errors';
import { Platform } from '../platforms/types';
import { currentSignpost, toSignpost } from '../signpost/signpost-store';
import { assertReadable } from './message-access';
import { attachedImagesOf } from './message-records';
import { platformMediaFacts } from '../media/media-facts';
import { renderForChannel } from '../publishing/render-for-channel';
import { MessageOverrides } from './message-schemas';

export const MessagePreview = z
  .object({
    /** Exactly the text that would be published. */
    text: z.string(),
    /** As the platform counts it. */
    length: z.number().int(),
    limit: z.number().int(),
    valid: z.boolean(),
    problems: z.array(z.object({ code: z.string(), message: z.string() })),
    platform: Platform,
    signpostVersion: z.number().int(),
    /** Which signpost wording was used, or that the text already carried it. */
    signpostForm: z.enum(['full', 'short', 'in_body']),
    /** The language of the preview: the channel's (issue 13); a bilingual one is Welsh first. */
    language: z.enum(['en', 'cy', 'bilingual']),
    /** Whether the message's override for this platform was used instead of its body. */
    usesOverride: z.boolean(),
    channelId: z.string(),
    organisation: z.object({ slug: z.string(), name: z.string() }),
  })
  .meta({ id: 'MessagePreview' });
export type MessagePreview = z.infer<typeof MessagePreview>;

export const PreviewQuery = z.object({
  channelId: z.string({ error: 'is required: the channel to preview for' }).min(1).max(100),
});
export type PreviewQuery = z.infer<typeof PreviewQuery>;

export async function previewMessage(
  actor: Actor,
  messageId: string,
  channelId: string,
): Promise<MessagePreview> {
  const message = await db.message.findUnique({
    where: { id: messageId },
    select: {
      id: true,
      authorId: true,
      shareable: true,
      status: true,
      body: true,
      overrides: true,
      bodyCy: true,
      overridesCy: true,
      campaign: { select: { slug: true } },
    },
  });
  assertReadable(actor, message);

  // A channel of an organisation the actor may not see answers 404, as if it did not exist.
  const scope = organisationScope(actor, 'channel.read');
  const channel = await db.channel.findFirst({
    where: { id: channelId, ...(scope === 'all' ? {} : { organisationId: { in: scope } }) },
    select: {
      id: true,
      platform: true,
      language: true,
      organisation: { select: { slug: true, name: true, area: true, nameCy: true, areaCy: true } },
    },
  });
  if (!channel) throw notFound('Channel');

  const [signpost, media] = await Promise.all([
    currentSignpost(),
    // This platform's own copy of each image, which is what the platform would receive.
    attachedImagesOf(db, messageId).then((images) => platformMediaFacts(channel.platform, images)),
  ]);
  const overrides = MessageOverrides.parse(message.overrides);
  const rendered = renderForChannel({
    message,
    platform: channel.platform,
    organisation: channel.organisation,
    campaignSlug: message.campaign.slug,
    signpost: toSignpost(signpost),
    media,
    language: channel.language,
  });
  return {
    text: rendered.text,
    length: rendered.length,
    limit: rendered.limit,
    valid: rendered.valid,
    problems: rendered.problems,
    platform: channel.platform,
    signpostVersion: signpost.version,
    signpostForm: rendered.signpostForm,
    language: channel.language,
    usesOverride: overrides[channel.platform] !== undefined,
    channelId: channel.id,
    organisation: { slug: channel.organisation.slug, name: channel.organisation.name },
  };
}
