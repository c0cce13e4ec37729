// Demo reach: the demo campaign's posts of the past eight weeks, published and polled, so a new
// campaign lead sees the real story on first run (and the tiles have a previous period to compare
// with). Written through the code publishing and polling use (startReach, recordPoll), with each
// poll at its planned time. Figures are invented but believable, and stable for a given post:
// larger forces reach more people, evenings draw more engagement, the "help" messages more clicks,
// and each platform reports only what it really reports (API.md: Bluesky, Mastodon and Nextdoor
// give no views; only X, Facebook and LinkedIn give link clicks). Never in production. Idempotent:
// nothing is added once the demo posts are there.
import { createHash } from 'node:crypto';
import type { Figures } from '../../lib/reach/figures';
import { POLL_OFFSETS_MS } from '../../lib/reach/poll-plan';
import { recordPoll, type PolledPost } from '../../lib/reach/record-poll';
import { START_REACH_SQL } from '../../lib/reach/start-reach';
import { renderForChannel } from '../../lib/publishing/render-for-channel';
import { currentSignpost, toSignpost } from '../../lib/signpost/signpost-store';
import type { PrismaClient } from '../generated/client';
import type { Platform } from '../generated/enums';
import { DEMO_CAMPAIGN } from './campaign';

const DAY = 86_400_000;
/** Every demo post's batch id starts so: how a re-seed knows they are there. */
export const DEMO_BATCH = 'demo-reach-';
const WEEKS = 8;

/** Roughly how many people follow each organisation's channels (invented, in proportion). */
const AUDIENCE: Record<string, number> = {
  'greater-manchester': 9000,
  merseyside: 6500,
  lancashire: 6000,
  cheshire: 4200,
  'north-wales': 3600,
  cumbria: 2400,
  'nw-rocu': 2000,
  'lancashire-county-council': 2500,
  'manchester-city-council': 3000,
  'cheshire-east-council': 1500,
};

const PLATFORM_REACH: Record<Platform, number> = {
  x: 1,
  facebook: 1.6,
  instagram: 0.9,
  linkedin: 0.5,
  threads: 0.3,
  bluesky: 0.25,
  mastodon: 0.15,
  nextdoor: 0.8,
};

/** The figures each platform reports (API.md's table); the others stay null. */
const REPORTS: Record<Platform, (keyof Figures)[]> = {
  x: ['views', 'reactions', 'comments', 'shares', 'linkClicks'],
  facebook: ['views', 'reactions', 'comments', 'shares', 'linkClicks'],
  instagram: ['views', 'reactions', 'comments', 'shares'],
  linkedin: ['views', 'reactions', 'comments', 'shares', 'linkClicks'],
  threads: ['views', 'reactions', 'comments', 'shares'],
  bluesky: ['reactions', 'comments', 'shares'],
  mastodon: ['reactions', 'comments', 'shares'],
  nextdoor: ['reactions', 'comments'],
};

/** A number in [0, 1) fixed by the text: the same post always gets the same figures. */
function unit(text: string): number {
  return createHash('sha256').update(text).digest().readUInt32BE(0) / 2 ** 32;
}

/** UK evenings draw more engagement; the small hours least. */
function hourFactor(hour: number): number {
  if (hour >= 19 && hour <= 21) return 1.5;
  if (hour >= 7 && hour <= 9) return 1.2;
  if (hour >= 12 && hour <= 13) return 1.1;
  return 0.8;
}

export function demoFigures(
  post: {
    key: string;
    organisation: string;
    platform: Platform;
    theme: string;
    ukHour: number;
    weeksAgo: number;
  },
  ageMs: number,
): Figures {
  const growth = 1 - Math.exp(-ageMs / (10 * 3_600_000));
  const spread = 0.6 + unit(post.key) * 0.8;
  // The campaign gathers followers and shares as it goes: each week reaches a little further.
  const momentum = 1 + (WEEKS - post.weeksAgo) * 0.09;
  const views =
    (AUDIENCE[post.organisation] ?? 1500) *
    PLATFORM_REACH[post.platform] *
    spread *
    momentum *
    growth;
  const engagementRate = (0.02 + unit(`${post.key}:e`) * 0.02) * hourFactor(post.ukHour);
  const engaged = views * engagementRate;
  const clickRate = post.theme === 'help' ? 0.012 : 0.005;
  const all: Figures = {
    views: Math.round(views),
    reactions: Math.round(engaged * 0.7),
    comments: Math.round(engaged * 0.1),
    shares: Math.round(engaged * 0.2),
    linkClicks: Math.round(views * clickRate),
  };
  const reported: Figures = {
    views: null,
    reactions: null,
    comments: null,
    shares: null,
    linkClicks: null,
  };
  for (const name of REPORTS[post.platform]) reported[name] = all[name];
  return reported;
}

const ukHour = (instant: Date) =>
  Number(
    new Intl.DateTimeFormat('en-GB', {
      timeZone: 'Europe/London',
      hour: '2-digit',
      hourCycle: 'h23',
    }).format(instant),
  );

/** Seeds the demo campaign's published posts and their polls up to `now`; returns how many posts. */
export async function seedDemoReach(db: PrismaClient, now: Date): Promise<number> {
  const campaign = await db.campaign.findUnique({
    where: { slug: DEMO_CAMPAIGN.slug },
    select: { id: true, slug: true },
  });
  if (!campaign) return 0;
  if ((await db.post.count({ where: { campaignId: campaign.id, status: 'published' } })) > 0)
    return 0;
  const [messages, channels, signpostView] = await Promise.all([
    db.message.findMany({
      where: { campaignId: campaign.id, status: 'approved' },
      orderBy: { createdAt: 'asc' },
      select: { id: true, body: true, overrides: true, theme: true, shareable: true },
    }),
    db.channel.findMany({
      where: { platform: { not: 'instagram' } },
      include: {
        organisation: { select: { id: true, slug: true, name: true, area: true, kind: true } },
      },
      orderBy: { id: 'asc' },
    }),
    currentSignpost(),
  ]);
  const signpost = toSignpost(signpostView);
  let made = 0;
  // Two messages a week, Monday and Thursday, each fanned out over the morning or the evening.
  for (let week = WEEKS; week >= 1; week--) {
    for (const [slot, weekday] of [1, 4].entries()) {
      const message = messages[(week * 2 + slot) % messages.length];
      if (!message) continue;
      const day = new Date(now.getTime() - week * 7 * DAY + (weekday - 1) * DAY);
      day.setUTCHours(0, 0, 0, 0);
      const evening = (week + slot) % 2 === 0;
      const batchId = `${DEMO_BATCH}${week}-${slot}`;
      for (const [index, channel] of channels.entries()) {
        if (channel.organisation.kind === 'partner' && !message.shareable) continue;
        const publishedAt = new Date(
          day.getTime() + ((evening ? 19 : 8) * 60 + (index % 12) * 10) * 60_000,
        );
        if (publishedAt >= now) continue;
        const rendered = renderForChannel({
          message,
          platform: channel.platform,
          organisation: channel.organisation,
          campaignSlug: campaign.slug,
          signpost,
          media: [],
        });
        const post = await db.post.create({
          data: {
            messageId: message.id,
            channelId: channel.id,
            organisationId: channel.organisationId,
            campaignId: campaign.id,
            platform: channel.platform,
            scheduledAt: publishedAt,
            publishedAt,
            status: 'published',
            text: rendered.text,
            signpostVersion: signpostView.version,
            externalId: `demo-${batchId}-${index}`,
            batchId,
            attempts: 1,
          },
          select: { id: true },
        });
        await db.$executeRawUnsafe(START_REACH_SQL, post.id, publishedAt.toISOString());
        // Each planned poll that is due by now, at its planned time.
        const facts = {
          key: post.id,
          organisation: channel.organisation.slug,
          platform: channel.platform,
          theme: message.theme,
          ukHour: ukHour(publishedAt),
          weeksAgo: week,
        };
        let polled: PolledPost = {
          id: post.id,
          organisationId: channel.organisationId,
          publishedAt,
          pollsDone: 0,
        };
        for (const offset of POLL_OFFSETS_MS) {
          const at = new Date(publishedAt.getTime() + offset);
          if (at > now) break;
          const figures = demoFigures(facts, offset);
          await recordPoll(
            [polled],
            new Map([[post.id, { kind: 'figures', figures, raw: { demo: true, ...figures } }]]),
            at,
          );
          polled = { ...polled, pollsDone: polled.pollsDone + 1 };
        }
        if (polled.pollsDone === 0) {
          await db.post.update({
            where: { id: post.id },
            data: { nextPollAt: new Date(publishedAt.getTime() + POLL_OFFSETS_MS[0]!) },
          });
        }
        made += 1;
      }
    }
  }
  return made;
}
