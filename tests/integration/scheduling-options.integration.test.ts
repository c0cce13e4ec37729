// What the "Schedule this message" dialog offers each role, and the whole path behind it: the
// options, the body the dialog builds from them (lib/posts/schedule-form, schedule-plan), and scheduleMessage
// taking that exact body — all or nothing.
import { beforeAll, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { initialScheduleForm, prepareSchedule } from '@/lib/posts/schedule-form';
import { schedulePlan } from '@/lib/posts/schedule-plan';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { schedulingOptions } from '@/lib/posts/scheduling-options';
import { toLocalParts } from '@/lib/scheduling/london-time';
import { FORCES, PARTNERS, REGIONAL_UNIT } from '@/prisma/seed-data';

// The seed's forces and regional unit: the default fan-out when nobody is named.
const POLICE_FAMILY = [...FORCES.map((force) => force.slug), REGIONAL_UNIT.slug];
import { resetDatabase } from '../support/database';
import { actorFor, approvedMessage } from '../support/fixtures';

beforeAll(async () => {
  await resetDatabase();
});

/** A UK wall-clock time a few days ahead, as the dialog's fields hold it. */
function daysAhead(days: number) {
  const { date, time } = toLocalParts(new Date(Date.now() + days * 24 * 60 * 60 * 1000));
  return { date, time };
}

describe('what the dialog offers', () => {
  it('a campaign lead may schedule for every organisation, forces first, starting from the forces and NW ROCU', async () => {
    const { actor } = await actorFor('lead@nw-rocu.example');
    const message = await approvedMessage({ shareable: false });
    const options = await schedulingOptions(actor, message.id);

    expect(options.organisations).toHaveLength(await db.organisation.count());
    expect(options.organisations.map((o) => o.kind)).toEqual([
      ...FORCES.map(() => 'force'),
      'regional_unit',
      ...PARTNERS.map(() => 'partner'),
    ]);
    expect(new Set(options.defaultOrganisationSlugs)).toEqual(new Set(POLICE_FAMILY));
    expect(options.channels).toHaveLength(await db.channel.count({ where: { status: 'active' } }));
    expect(options.messageShareable).toBe(false);
  });

  it('names the platforms the message cannot go on, and the form starts with them off', async () => {
    const { actor } = await actorFor('lead@nw-rocu.example');
    const textOnly = await schedulingOptions(actor, (await approvedMessage()).id);
    expect(textOnly.platformProblems).toEqual({
      instagram: expect.stringMatching(/Instagram cannot publish text alone/),
    });
    expect(initialScheduleForm(textOnly).excludedPlatforms).toEqual(['instagram']);
    const withImage = await schedulingOptions(
      actor,
      (await approvedMessage({ withImage: true })).id,
    );
    expect(withImage.platformProblems).toEqual({});
    expect(initialScheduleForm(withImage).excludedPlatforms).toEqual([]);
  });

  it('a comms officer is offered only their own force and its active channels, not a disabled one', async () => {
    const { actor } = await actorFor('comms@lancashire.example');
    const message = await approvedMessage();
    const disabled = await db.channel.update({
      where: {
        id: (
          await db.channel.findFirstOrThrow({
            where: { organisation: { slug: 'lancashire' }, platform: 'nextdoor' },
          })
        ).id,
      },
      data: { status: 'disabled' },
    });
    try {
      const options = await schedulingOptions(actor, message.id);
      expect(options.organisations.map((o) => o.slug)).toEqual(['lancashire']);
      expect(options.defaultOrganisationSlugs).toEqual(['lancashire']);
      expect(options.channels.length).toBeGreaterThan(0);
      expect(
        options.channels.every(
          (c) => c.organisationId === disabled.organisationId && c.status === 'active',
        ),
      ).toBe(true);
      expect(options.channels.map((c) => c.id)).not.toContain(disabled.id);
    } finally {
      await db.channel.update({ where: { id: disabled.id }, data: { status: 'active' } });
    }
  });

  it('a partner is offered its own organisation for a shareable message, and cannot see one that is not', async () => {
    const { actor } = await actorFor('partner@manchester-city-council.example');
    const shareable = await schedulingOptions(
      actor,
      (await approvedMessage({ shareable: true })).id,
    );
    expect(shareable.organisations.map((o) => o.slug)).toEqual(['manchester-city-council']);
    expect(shareable.defaultOrganisationSlugs).toEqual(['manchester-city-council']);
    expect(shareable.messageShareable).toBe(true);

    const internal = await approvedMessage({ shareable: false });
    await expect(schedulingOptions(actor, internal.id)).rejects.toMatchObject({
      code: 'not_found',
    });
  });

  it('a viewer is offered nothing, and nobody is offered anything for a message not yet approved', async () => {
    const viewer = await actorFor('viewer@cumbria.example');
    const message = await approvedMessage();
    expect((await schedulingOptions(viewer.actor, message.id)).organisations).toEqual([]);

    await db.message.update({ where: { id: message.id }, data: { status: 'archived' } });
    const lead = await actorFor('lead@nw-rocu.example');
    expect(await schedulingOptions(lead.actor, message.id)).toMatchObject({
      organisations: [],
      channels: [],
      defaultOrganisationSlugs: [],
    });
  });
});

describe('scheduling with the body the dialog builds', () => {
  it('a lead’s default fan-out schedules exactly the posts the preview showed, at the times it showed', async () => {
    const lead = await actorFor('lead@nw-rocu.example');
    const message = await approvedMessage({ withImage: true });
    const options = await schedulingOptions(lead.actor, message.id);
    const form = { ...initialScheduleForm(options), at: daysAhead(3) };
    const prepared = prepareSchedule(options, form, new Date());
    if (!prepared.ok) throw new Error(prepared.reason);

    const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, prepared.body);
    const plan = schedulePlan(options, form);
    expect(posts).toHaveLength(plan.posts);
    const timeBySlug = new Map(
      plan.rows.map((row) => [row.organisation.slug, row.at?.toISOString()]),
    );
    for (const post of posts) expect(post.scheduledAt).toBe(timeBySlug.get(post.organisation.slug));
    expect(new Set(posts.map((post) => post.organisation.slug))).toEqual(new Set(POLICE_FAMILY));
  });

  it('a comms officer’s specific channels are scheduled at the one time chosen', async () => {
    const comms = await actorFor('comms@lancashire.example');
    const message = await approvedMessage();
    const options = await schedulingOptions(comms.actor, message.id);
    const chosen = options.channels
      .filter((c) => c.platform === 'x' || c.platform === 'facebook')
      .map((c) => c.id);
    const form = {
      ...initialScheduleForm(options),
      mode: 'channels' as const,
      channelIds: chosen,
      at: daysAhead(2),
    };
    const prepared = prepareSchedule(options, form, new Date());
    if (!prepared.ok) throw new Error(prepared.reason);

    const { posts } = await scheduleMessage(comms.actor, comms.audit, message.id, prepared.body);
    expect(posts.map((post) => post.channelId).sort()).toEqual([...chosen].sort());
    expect(new Set(posts.map((post) => post.scheduledAt)).size).toBe(1);
  });

  it('a refusal says in words what is wrong and writes nothing', async () => {
    const lead = await actorFor('lead@nw-rocu.example');
    // No image: Instagram cannot take it, and every force has an Instagram account. The dialog
    // starts with Instagram off; the person switches it back on.
    const message = await approvedMessage({ withImage: false });
    const options = await schedulingOptions(lead.actor, message.id);
    const prepared = prepareSchedule(
      options,
      { ...initialScheduleForm(options), excludedPlatforms: [], at: daysAhead(3) },
      new Date(),
    );
    if (!prepared.ok) throw new Error(prepared.reason);

    const refused = scheduleMessage(lead.actor, lead.audit, message.id, prepared.body);
    await expect(refused).rejects.toMatchObject({
      code: 'validation_failed',
      message: expect.stringMatching(/^Nothing was scheduled\. .+ on Instagram .+add an image/),
    });
    expect(await db.post.count({ where: { messageId: message.id } })).toBe(0);
  });
});
