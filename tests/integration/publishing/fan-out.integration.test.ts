import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { db } from '@/lib/db';
import { platformRules } from '@/lib/platforms/rules';
import { defaultFanOutOrganisations } from '@/lib/organisations/fan-out-organisations';
import { previewMessage } from '@/lib/messages/preview-message';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { verifySignpost } from '@/lib/signpost/verify-signpost';
import { currentSignpost, toSignpost } from '@/lib/signpost/signpost-store';
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

describe('a fan-out of one message to every force and NW ROCU', () => {
  it(
    'publishes each post exactly once, each carrying the current signpost, each within its limit',
    { timeout: 60_000 },
    async () => {
      const lead = await actorFor('lead@nw-rocu.example');
      const message = await approvedMessage({ withImage: true });
      const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
        startAt: soon(1500),
        staggerMinutes: 0,
      });

      // Every force and the regional unit in the database: the seed's six forces and NW ROCU.
      const everyone = (await defaultFanOutOrganisations()).map((o) => o.slug);
      expect(new Set(everyone)).toEqual(
        new Set([
          'lancashire',
          'merseyside',
          'greater-manchester',
          'cheshire',
          'cumbria',
          'north-wales',
          'nw-rocu',
        ]),
      );
      const channels = await db.channel.count({
        where: { organisation: { slug: { in: everyone } }, status: 'active' },
      });
      expect(posts).toHaveLength(channels);
      expect(new Set(posts.map((post) => post.organisation.slug))).toEqual(new Set(everyone));

      const ids = posts.map((post) => post.id);
      await waitForStatus(ids, 'published');

      const published = await sandboxPosts();
      expect(published).toHaveLength(posts.length);
      const signpost = toSignpost(await currentSignpost());
      const rows = await db.post.findMany({
        where: { id: { in: ids } },
        include: { organisation: true, campaign: true, attemptsLog: true },
      });
      for (const row of rows) {
        const onPlatform = published.filter(
          (post) => post.platform === row.platform && post.id === row.externalId,
        );
        expect(onPlatform).toHaveLength(1);
        expect(onPlatform[0]?.text).toBe(row.text);
        // What a person previews for the channel is what went out.
        const preview = await previewMessage(lead.actor, message.id, row.channelId);
        expect(preview).toMatchObject({ text: row.text, valid: true });
        expect(row.attempts).toBe(1);
        expect(row.attemptsLog.map((attempt) => attempt.outcome)).toEqual(['published']);
        expect(row.signpostVersion).toBe(signpost.version);
        // Checked as published: the text, and the links the platform holds beside it.
        const check = verifySignpost(
          { text: row.text, links: onPlatform[0]?.links ?? [] },
          row.platform,
          signpost,
          {
            campaignSlug: row.campaign.slug,
            organisationSlug: row.organisation.slug,
          },
        );
        expect(check.problems).toEqual([]);
        expect(platformRules[row.platform].count(row.text)).toBeLessThanOrEqual(
          platformRules[row.platform].limit,
        );
      }
    },
  );
});

describe('a signpost changed after scheduling', () => {
  it('reaches the posts published afterwards', async () => {
    const lead = await actorFor('lead@nw-rocu.example');
    const message = await approvedMessage();
    const channel = await db.channel.findFirstOrThrow({
      where: { organisation: { slug: 'cumbria' }, platform: 'facebook' },
    });
    const { posts } = await scheduleMessage(lead.actor, lead.audit, message.id, {
      targets: [{ channelId: channel.id, scheduledAt: soon(3000) }],
    });
    const before = toSignpost(await currentSignpost());
    await db.signpostVersion.create({
      data: {
        version: before.version + 1,
        helplineName: before.helplineName,
        phone: before.phone,
        url: 'https://www.stopitnow.org.uk/get-help',
        wording: before.wording,
      },
    });
    const [post] = posts;
    if (!post) throw new Error('nothing scheduled');
    expect(post.signpostVersion).toBe(before.version);
    await waitForStatus([post.id], 'published');
    const published = await db.post.findUniqueOrThrow({ where: { id: post.id } });
    expect(published.signpostVersion).toBe(before.version + 1);
    expect(published.text).toContain('https://www.stopitnow.org.uk/get-help?utm_source=facebook');
    const [onPlatform] = await sandboxPosts('facebook');
    expect(onPlatform?.text).toBe(published.text);
  });
});
