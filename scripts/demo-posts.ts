// `npm run dev` runs this after seeding: a week of the demo campaign on every force's and NW
// ROCU's channels, so the schedule, the dashboard and the sandbox have something to show. One
// message goes out a few minutes from now, so a new developer sees publishing happen. Scheduled
// through the same path as the app (rendered, checked, audited, enqueued), once: nothing is added
// if the demo campaign already has posts. Never in production.
import { Temporal } from 'temporal-polyfill';
import { auditActor, loadActor } from '@/lib/auth/actor';
import { db } from '@/lib/db';
import { demoEnabled, env } from '@/lib/env';
import { AppError } from '@/lib/errors';
import { scheduleMessage } from '@/lib/posts/schedule-message';
import { closeQueues } from '@/lib/queue/queues';
import { sharedRedis } from '@/lib/redis';
import { toLocalParts } from '@/lib/scheduling/london-time';
import { DEMO_BATCH } from '@/prisma/seed/reach';

const CAMPAIGN = 'stop-it-now-north-west';
const THEMES = ['help', 'awareness', 'harm', 'enforcement', 'consequences'] as const;

async function scheduleDemoWeek(now = new Date()): Promise<string> {
  if (!demoEnabled(env())) return 'none (production)';
  const campaign = await db.campaign.findUnique({ where: { slug: CAMPAIGN } });
  if (!campaign) return 'none: there is no demo campaign';
  // The seed's past weeks of published demo posts (prisma/seed/reach.ts) do not count.
  const existing = await db.post.count({
    where: { campaignId: campaign.id, NOT: { batchId: { startsWith: DEMO_BATCH } } },
  });
  if (existing > 0) return `none added: the demo campaign already has ${existing}`;
  const lead = await db.user.findUnique({ where: { email: 'lead@nw-rocu.example' } });
  const actor = lead && (await loadActor(lead.id, { kind: 'session' }));
  if (!actor) return 'none: there is no demo campaign lead';

  const today = Temporal.PlainDate.from(toLocalParts(now).date);
  // In three minutes, to the minute: long enough for the app to start, soon enough to watch.
  const soon = toLocalParts(new Date(now.getTime() + 3 * 60_000));
  const slots = [
    { date: soon.date, time: soon.time },
    ...[1, 2, 3, 4].map((day) => ({ date: today.add({ days: day }).toString(), time: '10:00' })),
  ];
  let scheduled = 0;
  for (const [index, theme] of THEMES.entries()) {
    const message = await db.message.findFirst({
      where: { campaignId: campaign.id, theme, status: 'approved' },
      orderBy: { createdAt: 'asc' },
    });
    const slot = slots[index];
    if (!message || !slot) continue;
    try {
      const { posts } = await scheduleMessage(
        actor,
        auditActor(actor),
        message.id,
        { startAt: slot, staggerMinutes: 2 },
        now,
      );
      scheduled += posts.length;
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
      console.warn(`Demo posts: “${message.title}” not scheduled: ${error.message}`);
    }
  }
  return `${scheduled} over five days, the first at ${soon.time} UK time`;
}

try {
  console.log(`Demo posts: ${await scheduleDemoWeek()}.`);
} finally {
  await closeQueues();
  await sharedRedis().quit();
  await db.$disconnect();
}
