// The form behind "Schedule this message" and the plan it previews: the exact body the dialog
// sends, and why it is not ready when it is not.
import { describe, expect, it } from 'vitest';
import type { Platform } from '../platforms/types';
import {
  initialScheduleForm,
  offeredPlatforms,
  prepareSchedule,
  type ScheduleForm,
} from './schedule-form';
import { describeCount, schedulePlan } from './schedule-plan';
import type { SchedulingOptions } from './scheduling-options';

const organisation = (slug: string, kind: 'force' | 'regional_unit' | 'partner') => ({
  id: `org-${slug}`,
  slug,
  name: slug,
  kind,
});
const channel = (slug: string, platform: Platform) => ({
  id: `${slug}-${platform}`,
  organisationId: `org-${slug}`,
  platform,
  handle: `@${slug}`,
  status: 'active' as const,
});

const options: SchedulingOptions = {
  organisations: [
    organisation('cheshire', 'force'),
    organisation('lancashire', 'force'),
    organisation('nw-rocu', 'regional_unit'),
    organisation('cheshire-east-council', 'partner'),
  ],
  channels: [
    channel('cheshire', 'x'),
    channel('cheshire', 'instagram'),
    channel('lancashire', 'x'),
    channel('lancashire', 'facebook'),
    channel('lancashire', 'instagram'),
    channel('nw-rocu', 'linkedin'),
    channel('cheshire-east-council', 'mastodon'),
  ],
  defaultOrganisationSlugs: ['lancashire', 'cheshire', 'nw-rocu', 'cumbria'],
  messageShareable: true,
  platformProblems: {},
};

const now = new Date('2026-06-01T08:00:00Z');
const form = (changes: Partial<ScheduleForm> = {}): ScheduleForm => ({
  ...initialScheduleForm(options),
  at: { date: '2026-06-02', time: '09:00' },
  ...changes,
});

describe('the form as it opens', () => {
  it('starts with the platforms the message cannot go on switched off, and the others on', () => {
    const noImage = {
      ...options,
      platformProblems: { instagram: 'Instagram cannot publish text alone; add an image.' },
    };
    const opened = initialScheduleForm(noImage);
    expect(opened.excludedPlatforms).toEqual(['instagram']);
    expect(
      prepareSchedule(noImage, { ...opened, at: { date: '2026-06-02', time: '09:00' } }, now),
    ).toMatchObject({
      ok: true,
      body: { platforms: ['x', 'facebook', 'linkedin'] },
    });
  });
});

describe('the fan-out body', () => {
  it('lists the ticked organisations in posting order, every offered platform, the UK time and the stagger', () => {
    expect(prepareSchedule(options, form(), now)).toEqual({
      ok: true,
      body: {
        organisations: ['cheshire', 'lancashire', 'nw-rocu'],
        platforms: ['x', 'facebook', 'instagram', 'linkedin'],
        startAt: { date: '2026-06-02', time: '09:00' },
        staggerMinutes: 10,
      },
    });
  });

  it('leaves out a platform switched off, and switches on one a newly ticked organisation brings', () => {
    const result = prepareSchedule(
      options,
      form({
        organisationSlugs: ['lancashire', 'cheshire-east-council'],
        excludedPlatforms: ['instagram'],
        staggerMinutes: 0,
      }),
      now,
    );
    expect(result).toMatchObject({
      ok: true,
      body: {
        organisations: ['lancashire', 'cheshire-east-council'],
        platforms: ['x', 'facebook', 'mastodon'],
        staggerMinutes: 0,
      },
    });
  });

  it('is not ready with no organisation, no platform, or a stagger outside 0 to 1440 minutes', () => {
    expect(prepareSchedule(options, form({ organisationSlugs: [] }), now)).toEqual({
      ok: false,
      reason: 'Choose at least one organisation.',
    });
    const onlyRocu = form({ organisationSlugs: ['nw-rocu'], excludedPlatforms: ['linkedin'] });
    expect(prepareSchedule(options, onlyRocu, now)).toEqual({
      ok: false,
      reason: 'Choose at least one platform.',
    });
    for (const staggerMinutes of ['', 1441, -1, 2.5]) {
      expect(prepareSchedule(options, form({ staggerMinutes }), now)).toMatchObject({
        ok: false,
        reason: expect.stringMatching(/0 to 1440/),
      });
    }
  });
});

describe('the specific-channels body', () => {
  it('sends each ticked channel at the one time, in the order the dialog lists them', () => {
    const result = prepareSchedule(
      options,
      form({ mode: 'channels', channelIds: ['cheshire-east-council-mastodon', 'cheshire-x'] }),
      now,
    );
    expect(result).toEqual({
      ok: true,
      body: {
        targets: [
          { channelId: 'cheshire-x', scheduledAt: { date: '2026-06-02', time: '09:00' } },
          {
            channelId: 'cheshire-east-council-mastodon',
            scheduledAt: { date: '2026-06-02', time: '09:00' },
          },
        ],
      },
    });
  });

  it('is not ready with no channel ticked', () => {
    expect(prepareSchedule(options, form({ mode: 'channels' }), now)).toEqual({
      ok: false,
      reason: 'Choose at least one channel.',
    });
  });
});

describe('times on the clocks-change days', () => {
  const autumn = new Date('2026-10-01T08:00:00Z');

  it('waits for an answer when the time happens twice, then passes the answer through', () => {
    const asked = form({ at: { date: '2026-10-25', time: '01:30' } });
    expect(prepareSchedule(options, asked, autumn)).toEqual({
      ok: false,
      reason: 'Say which 01:30 you mean: it happens twice that day.',
    });
    const answered = form({
      mode: 'channels',
      channelIds: ['cheshire-x'],
      at: { date: '2026-10-25', time: '01:30', choice: 'later' },
    });
    expect(prepareSchedule(options, answered, autumn)).toEqual({
      ok: true,
      body: {
        targets: [
          {
            channelId: 'cheshire-x',
            scheduledAt: { date: '2026-10-25', time: '01:30', choice: 'later' },
          },
        ],
      },
    });
  });

  it('drops a leftover answer on a time that happens once', () => {
    const result = prepareSchedule(
      options,
      form({ at: { date: '2026-10-25', time: '09:00', choice: 'earlier' } }),
      autumn,
    );
    expect(result).toMatchObject({
      ok: true,
      body: { startAt: { date: '2026-10-25', time: '09:00' } },
    });
  });

  it('refuses a time that does not exist, and one already passed', () => {
    const spring = new Date('2026-03-01T08:00:00Z');
    expect(
      prepareSchedule(options, form({ at: { date: '2026-03-29', time: '01:30' } }), spring),
    ).toEqual({ ok: false, reason: '01:30 does not exist that day: the clocks go forward.' });
    expect(prepareSchedule(options, form({ at: { date: null, time: '' } }), spring)).toEqual({
      ok: false,
      reason: 'Choose a date and a time.',
    });
    expect(prepareSchedule(options, form(), new Date('2026-06-02T09:00:00Z'))).toEqual({
      ok: false,
      reason: 'That time has already passed.',
    });
  });
});

describe('the plan preview', () => {
  it('staggers the organisations from the start time; one with nothing on the chosen platforms takes no slot', () => {
    const plan = schedulePlan(
      options,
      form({
        organisationSlugs: ['cheshire', 'nw-rocu', 'lancashire'],
        excludedPlatforms: ['linkedin'],
      }),
    );
    expect(
      plan.rows.map((row) => [row.organisation.slug, row.at?.toISOString(), row.platforms]),
    ).toEqual([
      ['cheshire', '2026-06-02T08:00:00.000Z', ['x', 'instagram']],
      ['lancashire', '2026-06-02T08:10:00.000Z', ['x', 'facebook', 'instagram']],
    ]);
    expect(plan.leftOut.map((o) => o.slug)).toEqual(['nw-rocu']);
    expect(describeCount(plan)).toBe('5 posts on 5 channels');
  });

  it('shows who posts where before the time is chosen, with no times', () => {
    const plan = schedulePlan(options, form({ at: { date: null, time: '' } }));
    expect(plan.rows.map((row) => row.at)).toEqual([null, null, null]);
    expect(plan.posts).toBe(6);
  });

  it('counts one post as one', () => {
    expect(describeCount({ posts: 1, channels: 1 })).toBe('1 post on 1 channel');
  });
});

describe('the starting form', () => {
  it('ticks the default organisations that have a channel, and offers only their platforms', () => {
    const start = initialScheduleForm({
      ...options,
      channels: options.channels.filter((c) => c.organisationId !== 'org-nw-rocu'),
    });
    expect(start.organisationSlugs).toEqual(['lancashire', 'cheshire']);
    expect(start.staggerMinutes).toBe(10);
    expect(offeredPlatforms(options, start.organisationSlugs)).toEqual([
      'x',
      'facebook',
      'instagram',
    ]);
  });
});
