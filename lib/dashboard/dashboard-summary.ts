// What the dashboard shows a person first: today's posts on their channels, what needs them,
// messages waiting for their approval, and the next posts due.
import { organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { countAwaitingApproval } from '../messages/list-awaiting-approval';
import { POST_VIEW_SELECT, toPostView, type PostView } from '../posts/post-view';
import { dayAround } from '../scheduling/london-time';

export interface DashboardSummary {
  today: { scheduled: number; published: number };
  needsAttention: number;
  awaitingApproval: number | null;
  next: PostView[];
}

export async function dashboardSummary(actor: Actor, now = new Date()): Promise<DashboardSummary> {
  const scope = organisationScope(actor, 'post.read');
  const visible = scope === 'all' ? {} : { organisationId: { in: scope } };
  const { start, end } = dayAround(now);
  const [scheduled, published, needsAttention, awaitingApproval, next] = await Promise.all([
    db.post.count({
      where: {
        ...visible,
        status: { in: ['scheduled', 'publishing'] },
        scheduledAt: { gte: start, lt: end },
      },
    }),
    db.post.count({
      where: { ...visible, status: 'published', publishedAt: { gte: start, lt: end } },
    }),
    db.post.count({ where: { ...visible, status: { in: ['held', 'failed', 'unconfirmed'] } } }),
    countAwaitingApproval(actor),
    db.post.findMany({
      where: { ...visible, status: 'scheduled', scheduledAt: { gte: now } },
      orderBy: [{ scheduledAt: 'asc' }, { id: 'asc' }],
      take: 6,
      select: POST_VIEW_SELECT,
    }),
  ]);
  return {
    today: { scheduled, published },
    needsAttention,
    awaitingApproval,
    next: next.map((row) => toPostView(row, actor)),
  };
}
