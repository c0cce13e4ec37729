import { weekSharePackEndpoint } from '@/lib/api/endpoints/library';
import { handle } from '@/lib/api/handle';
import { AppError } from '@/lib/errors';
import { packResponse } from '@/lib/library/pack-response';
import { ukWeek } from '@/lib/library/pack-week';
import { sharePack } from '@/lib/library/share-pack';

export const GET = handle(weekSharePackEndpoint, async ({ actor, query }) => {
  const week = ukWeek(query.week, new Date());
  if (!week)
    throw new AppError('validation_failed', 'That is not a day in the calendar.', {
      week: 'must be a UK date, YYYY-MM-DD',
    });
  return packResponse(
    await sharePack(actor, {
      organisation: query.organisation,
      approvedBetween: week,
      filename: (slug) => `share-pack-${slug}-week-${week.monday}.zip`,
    }),
  );
});
