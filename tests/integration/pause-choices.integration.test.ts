// What "Pause publishing" offers: only what the person may pause and is not paused already.
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { pauseChoices } from '@/lib/pauses/pause-choices';
import { organisationId, resetDatabase } from '../support/database';
import { actorFor } from '../support/fixtures';

beforeEach(async () => {
  await resetDatabase();
});

async function pause(scope: 'global' | 'organisation', organisation?: string) {
  const lead = await db.user.findUniqueOrThrow({ where: { email: 'lead@nw-rocu.example' } });
  await db.pause.create({
    data: {
      scope,
      organisationId: organisation ? await organisationId(organisation) : null,
      reason: 'Major incident',
      createdById: lead.id,
    },
  });
}

describe('pause choices', () => {
  it('a campaign lead may pause everything, any organisation or a campaign', async () => {
    const { actor } = await actorFor('lead@nw-rocu.example');
    const choices = await pauseChoices(actor);
    expect(choices.everything).toBe(true);
    expect(choices.organisations.length).toBe(await db.organisation.count());
    expect(choices.campaigns.length).toBeGreaterThan(0);
    expect(choices.nothingBecause).toBeNull();
  });

  it('offers nothing while everything is paused, and says so', async () => {
    await pause('global');
    const { actor } = await actorFor('lead@nw-rocu.example');
    expect(await pauseChoices(actor)).toEqual({
      everything: false,
      organisations: [],
      campaigns: [],
      nothingBecause: 'Everything is paused.',
    });
  });

  it('leaves out an organisation already paused', async () => {
    await pause('organisation', 'cumbria');
    const lead = await pauseChoices((await actorFor('lead@nw-rocu.example')).actor);
    expect(lead.organisations.map((o) => o.slug)).not.toContain('cumbria');
    const comms = await pauseChoices((await actorFor('comms@cumbria.example')).actor);
    expect(comms).toMatchObject({
      everything: false,
      organisations: [],
      nothingBecause: 'Publishing is paused for every organisation you look after.',
    });
  });

  it('a comms officer may pause only their own force; a viewer nothing', async () => {
    const comms = await pauseChoices((await actorFor('comms@lancashire.example')).actor);
    expect(comms.everything).toBe(false);
    expect(comms.organisations.map((o) => o.slug)).toEqual(['lancashire']);
    expect(comms.campaigns).toEqual([]);
    const viewer = await pauseChoices((await actorFor('viewer@cumbria.example')).actor);
    expect(viewer).toEqual({
      everything: false,
      organisations: [],
      campaigns: [],
      nothingBecause: null,
    });
  });
});
