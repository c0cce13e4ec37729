// Welsh and English published together (issue 13): North Wales Police publishes in both, at the
// same time, Welsh first; a message without Welsh is refused for it; a pause on its Welsh
// account holds the English twin, and releasing the Welsh publishes both.
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { createPause } from '@/lib/pauses/create-pause';
import { liftPause } from '@/lib/pauses/lift-pause';
import { releasePost } from '@/lib/posts/release-post';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { resetDatabase } from '../../support/database';
import { actorFor, approvedMessage } from '../../support/fixtures';
import { resetSandbox, sandboxPosts } from '../../support/sandbox';
import { inProcessWorkers, waitForStatus } from '../../support/workers';

let workers: Awaited<ReturnType<typeof inProcessWorkers>>;

beforeAll(async () => {
  await resetDatabase();
  workers = await inProcessWorkers();
});
afterAll(async () => {
  await workers.stop();
});
beforeEach(async () => {
  await resetSandbox();
});

const soon = (ms: number) => new Date(Date.now() + ms).toISOString();
const WELSH_START = 'Yn poeni am eich ymddygiad ar-lein?';

describe('a fan-out to every force', () => {
  it(
    'publishes Welsh and English for North Wales together, Welsh first, and English elsewhere',
    { timeout: 60_000 },
    async () => {
      const lead = await actorFor('lead@nw-rocu.example');
      const message = await approvedMessage({ withImage: true });
      const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
        startAt: soon(1500),
        staggerMinutes: 0,
      });
      await waitForStatus(
        posts.map((post) => post.id),
        'published',
      );
      const rows = await db.post.findMany({
        where: { id: { in: posts.map((post) => post.id) } },
        include: { organisation: true, channel: true },
      });

      const elsewhere = rows.filter((row) => row.organisation.slug !== 'north-wales');
      expect(elsewhere.length).toBeGreaterThan(0);
      for (const row of elsewhere) {
        expect(row.language).toBe('en');
        expect(row.pairId).toBeNull();
        expect(row.text).not.toContain(WELSH_START);
      }

      const northWales = rows.filter((row) => row.organisation.slug === 'north-wales');
      for (const platform of ['x', 'facebook'] as const) {
        const pair = northWales.filter((row) => row.platform === platform);
        const welsh = pair.find((row) => row.language === 'cy');
        const english = pair.find((row) => row.language === 'en');
        expect(welsh?.channel.handle).toBe('HeddluGogCymru');
        expect(english?.channel.handle).toBe('NWPolice');
        expect(welsh?.pairId).toBeTruthy();
        expect(welsh?.pairId).toBe(english?.pairId);
        expect(welsh?.scheduledAt.getTime()).toBe(english?.scheduledAt.getTime());
        // Welsh not later than English.
        expect(welsh!.publishedAt!.getTime()).toBeLessThanOrEqual(english!.publishedAt!.getTime());
        expect(welsh?.text.startsWith(WELSH_START)).toBe(true);
        expect(welsh?.text).toContain('Gogledd Cymru');
        expect(welsh?.text).toContain('0808 1000 900');
        expect(english?.text).toContain('North Wales');
      }
      for (const platform of ['instagram', 'mastodon'] as const) {
        const [one, ...more] = northWales.filter((row) => row.platform === platform);
        expect(more).toEqual([]);
        expect(one?.language).toBe('bilingual');
        expect(one?.text.startsWith(WELSH_START)).toBe(true);
        const english = one!.text.indexOf('Worried about your own online behaviour?');
        expect(english).toBeGreaterThan(0);
        expect(one!.text.slice(0, english)).toContain('0808 1000 900');
        expect(one!.text.slice(english)).toContain('0808 1000 900');
      }

      const published = await sandboxPosts();
      for (const row of northWales)
        expect(published.find((post) => post.id === row.externalId)?.text).toBe(row.text);
    },
  );
});

describe('a message without Welsh', () => {
  it('is refused for North Wales with the reason, and writes nothing', async () => {
    const lead = await actorFor('lead@nw-rocu.example');
    const message = await approvedMessage({ bodyCy: null });
    const attempt = scheduleMessage(lead.actor, lead.audit, message.id, {
      organisations: ['lancashire', 'north-wales'],
      startAt: soon(60_000),
      staggerMinutes: 0,
    });
    await expect(attempt).rejects.toMatchObject({
      code: 'validation_failed',
      message: 'North Wales Police publishes in Welsh and English: add the Welsh text.',
      fields: {
        'cy.body': 'North Wales Police publishes in Welsh and English: add the Welsh text.',
      },
    });
    expect(await db.post.count({ where: { messageId: message.id } })).toBe(0);
  });

  it('is accepted for the others', async () => {
    const lead = await actorFor('lead@nw-rocu.example');
    const message = await approvedMessage({ bodyCy: null });
    const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
      organisations: ['lancashire', 'cumbria'],
      platforms: ['x', 'facebook'],
      startAt: soon(60_000),
      staggerMinutes: 0,
    });
    expect(posts.length).toBeGreaterThan(0);
    expect(posts.every((post) => post.language === 'en')).toBe(true);
  });
});

describe('a pause on the Welsh account', () => {
  it(
    'holds its English twin too, and releasing the Welsh publishes both',
    { timeout: 60_000 },
    async () => {
      const comms = await actorFor('comms@north-wales.example');
      const lead = await actorFor('lead@nw-rocu.example');
      const welshX = await db.channel.findFirstOrThrow({
        where: { organisation: { slug: 'north-wales' }, platform: 'x', language: 'cy' },
      });
      const pause = await createPause(comms.actor, comms.audit, {
        scope: 'channel',
        channelId: welshX.id,
        reason: 'Checking the Welsh wording',
      });
      const message = await approvedMessage();
      const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
        organisations: ['north-wales'],
        platforms: ['x'],
        startAt: soon(1000),
        staggerMinutes: 0,
      });
      expect(posts.map((post) => post.language).sort()).toEqual(['cy', 'en']);
      const ids = posts.map((post) => post.id);
      await waitForStatus(ids, 'held');
      const english = await db.post.findFirstOrThrow({
        where: { id: { in: ids }, language: 'en' },
      });
      expect(english.heldReason).toMatch(/Welsh twin/);
      expect(await sandboxPosts('x')).toEqual([]);

      await liftPause(comms.actor, comms.audit, pause.id);
      const welsh = posts.find((post) => post.language === 'cy')!;
      await expect(releasePost(lead.actor, lead.audit, english.id)).rejects.toThrow(/Welsh twin/);
      await releasePost(lead.actor, lead.audit, welsh.id);
      await waitForStatus(ids, 'published');
      const rows = await db.post.findMany({ where: { id: { in: ids } } });
      const [cy, en] = ['cy', 'en'].map((language) =>
        rows.find((row) => row.language === language)!,
      );
      expect(cy!.publishedAt!.getTime()).toBeLessThanOrEqual(en!.publishedAt!.getTime());
      expect(await sandboxPosts('x')).toHaveLength(2);
    },
  );
});
