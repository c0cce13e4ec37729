// Something of everything for the fuzzer to find: messages in each state, posts in each status a
// person can act on, a comment, a pause, a blackout, notifications and an image, made the way the
// app makes them, on top of the seed. Generated requests then reach the lib functions' real decisions.
import { db } from '@/lib/db';
import { createMessage } from '@/lib/messages/create-message';
import { MessageInput } from '@/lib/messages/message-schemas';
import { commentOnMessage } from '@/lib/messages/comment-on-message';
import { submitMessage } from '@/lib/messages/submit-message';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { actorFor, approvedMessage, channelOf } from '../fixtures';
import { solidImage } from '../images';

const HOUR = 60 * 60 * 1000;

export async function buildWorld(now: Date): Promise<{ files: Uint8Array[] }> {
  const lead = await actorFor('lead@nw-rocu.example');
  const comms = await actorFor('comms@lancashire.example');
  const approved = await approvedMessage({ withImage: true });
  const draft = await createMessage(
    comms.actor,
    MessageInput.parse({
      campaignId: approved.campaignId,
      title: 'A draft of Lancashire’s',
      body: 'Worried about your own thoughts? Help is there in {area}.',
      theme: 'help',
    }),
  );
  const inReview = await createMessage(
    lead.actor,
    MessageInput.parse({
      campaignId: approved.campaignId,
      title: 'Waiting for four eyes',
      body: 'Speak to someone in confidence before harm is done.',
      theme: 'awareness',
    }),
  );
  await submitMessage(lead.actor, inReview.id);
  await commentOnMessage(lead.actor, draft.id, { body: 'Could we name the helpline?' });

  const channels = await Promise.all(
    (['x', 'facebook', 'linkedin', 'nextdoor'] as const).map((platform) =>
      channelOf('lancashire', platform),
    ),
  );
  const { posts } = await scheduleMessage(lead.actor, lead.audit, approved.id, {
    targets: channels.map((channel, index) => ({
      channelId: channel.id,
      scheduledAt: new Date(now.getTime() + (index + 2) * HOUR).toISOString(),
    })),
  });
  // One post of each status a person can act on (the publishing one would make a pause wait).
  const statuses = ['failed', 'held', 'published'] as const;
  for (const [index, status] of statuses.entries()) {
    const post = posts[index + 1];
    if (post)
      await db.post.update({
        where: { id: post.id },
        data: { status, ...(status === 'held' ? { heldReason: 'A pause covered it' } : {}) },
      });
  }
  const lancashire = channels[0]?.organisationId ?? '';
  await db.pause.create({
    data: {
      scope: 'organisation',
      organisationId: lancashire,
      reason: 'A critical incident in the area',
      createdById: lead.actor.userId,
    },
  });
  await db.blackout.create({
    data: {
      organisationId: lancashire,
      reason: 'Pre-election period',
      startsAt: new Date(now.getTime() + 30 * 24 * HOUR),
      endsAt: new Date(now.getTime() + 40 * 24 * HOUR),
      createdById: lead.actor.userId,
    },
  });
  // Notifications of two people, read and unread: marking one read names real ids, someone's own
  // and someone else's.
  for (const [index, person] of [lead, comms].entries()) {
    await db.notification.createMany({
      data: [0, 1, 2].map((offset) => ({
        userId: person.actor.userId,
        kind: 'posts.held',
        title: `${offset + 2} posts held by the pause on Lancashire Constabulary`,
        body: 'A critical incident in the area',
        link: '/schedule?view=attention',
        count: offset + 2,
        createdAt: new Date(now.getTime() - (index * 3 + offset) * HOUR),
        readAt: offset === 0 ? now : null,
      })),
    });
  }
  const image = await solidImage('jpeg', 400, 300);
  return { files: [new Uint8Array(image), new Uint8Array(image.subarray(0, 200))] };
}
