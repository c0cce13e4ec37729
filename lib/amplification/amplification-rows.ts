// Who carried which of the week's messages, by which path, and what it reached: one row per
// partner and message, from the facts the loader read. Pure.
import type { Platform } from '../platforms/types';
import type { AmplificationRow, AmplificationView, SharePath } from './amplification-schemas';
import { reminderDecision } from './reminder-window';

/** Post statuses that mean the partner carried (or is about to carry) the message on its channel. */
export const CARRYING_STATUSES = ['scheduled', 'publishing', 'published', 'unconfirmed'] as const;

export interface AmplificationFacts {
  partners: readonly { id: string; slug: string; name: string }[];
  messages: readonly { id: string; title: string; approvedAt: Date | null }[];
  posts: readonly {
    organisationId: string;
    messageId: string;
    platform: Platform;
    status: string;
    views: number | null;
    engagements: number | null;
  }[];
  downloads: readonly { organisationId: string; messageId: string; count: number }[];
  links: readonly {
    organisationId: string;
    messageId: string;
    platform: Platform;
    url: string | null;
    /** Read from the public link (lib/reach/poll-shares.ts); null while unread or unreported. */
    views?: number | null;
    engagements?: number | null;
    lastPolledAt?: Date | null;
    unreadable?: string | null;
  }[];
  reminders: readonly { organisationId: string; messageId: string; at: Date }[];
  /** Why a partner may not share now, by organisation id; absent when it may. */
  quiet: ReadonlyMap<string, string>;
  now: Date;
}

const key = (organisationId: string, messageId: string) => `${organisationId}\u0000${messageId}`;

function groupBy<T extends { organisationId: string; messageId: string }>(rows: readonly T[]) {
  const groups = new Map<string, T[]>();
  for (const row of rows) {
    const at = key(row.organisationId, row.messageId);
    groups.set(at, [...(groups.get(at) ?? []), row]);
  }
  return groups;
}

/** A sum that stays null while nothing reports the figure (never a 0 that was not measured). */
function sum(values: readonly (number | null)[]): number | null {
  const known = values.filter((value): value is number => value !== null);
  return known.length === 0 ? null : known.reduce((total, value) => total + value, 0);
}

export function amplificationRows(
  facts: AmplificationFacts,
): Pick<AmplificationView, 'rows' | 'totals' | 'messages'> {
  const carrying = new Set<string>(CARRYING_STATUSES);
  const posts = groupBy(facts.posts.filter((post) => carrying.has(post.status)));
  const downloads = groupBy(facts.downloads);
  const links = groupBy(facts.links);
  const lastReminder = new Map<string, Date>();
  for (const reminder of facts.reminders) {
    const at = key(reminder.organisationId, reminder.messageId);
    const known = lastReminder.get(at);
    if (!known || reminder.at > known) lastReminder.set(at, reminder.at);
  }

  const rows: AmplificationRow[] = [];
  for (const message of facts.messages)
    for (const partner of facts.partners) {
      const at = key(partner.id, message.id);
      const partnerPosts = posts.get(at) ?? [];
      const packDownloads = (downloads.get(at) ?? []).reduce((total, row) => total + row.count, 0);
      const partnerLinks = links.get(at) ?? [];
      const paths: SharePath[] = [];
      if (partnerPosts.length > 0) paths.push('channel');
      if (packDownloads > 0) paths.push('pack');
      if (partnerLinks.length > 0) paths.push('link');
      const shared = paths.length > 0;
      const remindedAt = lastReminder.get(at) ?? null;
      const decision = reminderDecision({
        shared,
        quietReason: facts.quiet.get(partner.id) ?? null,
        lastRemindedAt: remindedAt,
        now: facts.now,
      });
      rows.push({
        organisation: { slug: partner.slug, name: partner.name },
        message: { id: message.id, title: message.title },
        shared,
        paths,
        posts: partnerPosts.map((post) => ({ platform: post.platform, status: post.status })),
        packDownloads,
        links: partnerLinks.map((link) => ({
          platform: link.platform,
          url: link.url,
          views: link.views ?? null,
          engagements: link.engagements ?? null,
          polledAt: link.lastPolledAt?.toISOString() ?? null,
          unreadable: link.unreadable ?? null,
        })),
        views: sum([...partnerPosts, ...partnerLinks].map((item) => item.views ?? null)),
        engagements: sum(
          [...partnerPosts, ...partnerLinks].map((item) => item.engagements ?? null),
        ),
        linkViews: sum(partnerLinks.map((link) => link.views ?? null)),
        linkEngagements: sum(partnerLinks.map((link) => link.engagements ?? null)),
        remindedAt: remindedAt?.toISOString() ?? null,
        remind: decision.allowed
          ? { allowed: true, reason: null }
          : { allowed: false, reason: decision.reason },
      });
    }

  const sharedRows = rows.filter((row) => row.shared);
  const countPath = (path: SharePath) => rows.filter((row) => row.paths.includes(path)).length;
  return {
    rows,
    messages: facts.messages.map((message) => {
      const own = rows.filter((row) => row.message.id === message.id);
      return {
        id: message.id,
        title: message.title,
        approvedAt: message.approvedAt?.toISOString() ?? null,
        partners: own.length,
        shared: own.filter((row) => row.shared).length,
      };
    }),
    totals: {
      partners: facts.partners.length,
      pairs: rows.length,
      shared: sharedRows.length,
      byPath: { channel: countPath('channel'), pack: countPath('pack'), link: countPath('link') },
      views: sum(rows.map((row) => row.views)),
      engagements: sum(rows.map((row) => row.engagements)),
      linkViews: sum(rows.map((row) => row.linkViews)),
      linkEngagements: sum(rows.map((row) => row.linkEngagements)),
    },
  };
}
