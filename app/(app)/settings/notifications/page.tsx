import type { Metadata } from 'next';
import { NotificationSettingsForm } from '@/components/settings/notification-settings-form';
import { PageHeader } from '@/components/shell/page-header';
import { requireActor } from '@/lib/auth/session-actor';
import { notificationSettingsFor } from '@/lib/notifications/notification-settings';

export const metadata: Metadata = { title: 'Notifications' };

export default async function NotificationSettingsPage() {
  const actor = await requireActor();
  const settings = await notificationSettingsFor(actor);
  return (
    <>
      <PageHeader
        title="Notifications"
        description={`Everything Signpost tells you appears in the app. Choose which of it is also emailed to ${actor.user.email}: at once, in one daily digest, or not at all.`}
      />
      <NotificationSettingsForm settings={settings} />
    </>
  );
}
