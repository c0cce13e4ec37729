import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { People } from '@/components/settings/people';
import { ROLE_LABELS, ROLES } from '@/lib/auth/permissions';
import { requirePage } from '@/lib/auth/require-page';
import { listOrganisations } from '@/lib/organisations/list-organisations';
import { listPeople } from '@/lib/people/list-people';

export const metadata: Metadata = { title: 'People' };

export default async function PeoplePage() {
  const actor = await requirePage('user.manage');
  const [people, organisations] = await Promise.all([
    listPeople(actor, { limit: 500 }),
    listOrganisations({ limit: 500 }),
  ]);
  return (
    <>
      <PageHeader
        title="People"
        description="Everyone who can sign in to Signpost and their role in each organisation. Invite someone by email; a change of role or a deactivation takes effect on their next click."
      />
      <People
        people={people.items}
        selfId={actor.userId}
        organisations={organisations.items
          .filter((organisation) => organisation.active)
          .map((organisation) => ({ value: organisation.slug, label: organisation.name }))}
        roles={ROLES.map((role) => ({ value: role, label: ROLE_LABELS[role] }))}
      />
    </>
  );
}
