import type { Metadata } from 'next';
import { PageHeader } from '@/components/shell/page-header';
import { SingleSignOn } from '@/components/settings/single-sign-on';
import { requirePage } from '@/lib/auth/require-page';
import { organisationsToManage } from '@/lib/organisations/manage-organisation';
import { ssoByOrganisation } from '@/lib/sso/manage-sso';

export const metadata: Metadata = { title: 'Single sign-on' };

export default async function SingleSignOnPage() {
  const actor = await requirePage('organisation.manage');
  const [organisations, sso] = await Promise.all([
    organisationsToManage(actor),
    ssoByOrganisation(actor),
  ]);
  return (
    <>
      <PageHeader
        title="Single sign-on"
        description="An organisation’s people can sign in through its own identity provider (OpenID Connect, such as a force’s Microsoft Entra ID tenant), chosen by their email’s domain. A first sign-in makes the person a member at the role you choose; raise it later under People."
      />
      <SingleSignOn
        organisations={organisations
          .filter((organisation) => organisation.active)
          .map((organisation) => ({
            slug: organisation.slug,
            name: organisation.name,
            sso: sso[organisation.id] ?? null,
          }))}
      />
    </>
  );
}
