// The CSV template the Schedule page offers for download: the header and one example row the
// person could import as it stands — the newest approved message they may schedule, their own
// organisation and one of its platforms, next week at 09:30 UK time.
import { stringify } from 'csv-stringify/sync';
import { organisationScope, type Actor } from '../auth/permissions';
import { db } from '../db';
import { readableMessages } from '../messages/message-access';
import { dayOf } from '../scheduling/london-time';
import { IMPORT_COLUMNS } from './import-csv';

export async function importTemplate(actor: Actor, now = new Date()): Promise<string> {
  const scope = organisationScope(actor, 'post.schedule');
  const [message, channel] = await Promise.all([
    db.message.findFirst({
      where: {
        status: 'approved',
        campaign: { status: { not: 'archived' } },
        ...readableMessages(actor),
      },
      orderBy: { approvedAt: 'desc' },
      select: { id: true },
    }),
    db.channel.findFirst({
      where: { status: 'active', ...(scope === 'all' ? {} : { organisationId: { in: scope } }) },
      orderBy: [{ organisation: { name: 'asc' } }, { platform: 'asc' }],
      select: { platform: true, organisation: { select: { slug: true } } },
    }),
  ]);
  const nextWeek = dayOf(new Date(now.getTime() + 7 * 24 * 60 * 60 * 1000));
  return stringify([
    [...IMPORT_COLUMNS],
    [
      message?.id ?? 'the-message-id',
      channel?.organisation.slug ?? 'lancashire',
      channel?.platform ?? 'facebook',
      nextWeek,
      '09:30',
    ],
  ]);
}
