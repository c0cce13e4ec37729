import type { ReactNode } from 'react';
import { AppFrame } from '@/components/shell/app-frame';
import { PauseBanner } from '@/components/shell/pause-banner';
import { navigationFor } from '@/lib/auth/navigation';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { activeMembership, requireActor } from '@/lib/auth/session-actor';
import { pausesForBanner } from '@/lib/pauses/pauses-for-banner';
import { countAwaitingApproval } from '@/lib/messages/list-awaiting-approval';
import { BELL_FEED_SIZE } from '@/lib/notifications/bell-words';
import { listNotifications, NotificationListQuery } from '@/lib/notifications/list-notifications';

export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const [active, pauses, awaiting, latest] = await Promise.all([
    activeMembership(actor),
    pausesForBanner(actor),
    countAwaitingApproval(actor),
    listNotifications(actor, NotificationListQuery.parse({ limit: BELL_FEED_SIZE })),
  ]);
  const describe = (membership: (typeof actor.memberships)[number]) => ({
    slug: membership.organisation.slug,
    name: membership.organisation.name,
    roleLabel: ROLE_LABELS[membership.role],
  });
  return (
    <AppFrame
      navigation={navigationFor(actor, active)}
      counts={awaiting ? { '/approvals': awaiting } : {}}
      account={{
        name: actor.user.name,
        email: actor.user.email,
        active: active ? describe(active) : null,
        memberships: actor.memberships.map(describe),
      }}
      notifications={{ items: latest.items, unreadCount: latest.unreadCount }}
      banner={<PauseBanner pauses={pauses} />}
    >
      {children}
    </AppFrame>
  );
}
