import type { ReactNode } from 'react';
import { AppFrame } from '@/components/shell/app-frame';
import { navigationFor } from '@/lib/auth/navigation';
import { ROLE_LABELS } from '@/lib/auth/permissions';
import { activeMembership, requireActor } from '@/lib/auth/session-actor';

export const dynamic = 'force-dynamic';

export default async function SignedInLayout({ children }: { children: ReactNode }) {
  const actor = await requireActor();
  const active = await activeMembership(actor);
  const describe = (membership: (typeof actor.memberships)[number]) => ({
    slug: membership.organisation.slug,
    name: membership.organisation.name,
    roleLabel: ROLE_LABELS[membership.role],
  });
  return (
    <AppFrame
      navigation={navigationFor(actor)}
      counts={{}}
      account={{
        name: actor.user.name,
        email: actor.user.email,
        active: active ? describe(active) : null,
        memberships: actor.memberships.map(describe),
      }}
      banner={null}
    >
      {children}
    </AppFrame>
  );
}
