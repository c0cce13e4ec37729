import { reachExportEndpoint } from '@/lib/api/endpoints/reach';
import { handle } from '@/lib/api/handle';
import { reachCsv, reachCsvFilename } from '@/lib/reach/reach-csv';
import { reachView } from '@/lib/reach/reach-query';

export const GET = handle(reachExportEndpoint, async ({ actor, query }) => {
  const csv = reachCsv(await reachView(actor, query), query);
  return new Response(csv, {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': `attachment; filename="${reachCsvFilename(query)}"`,
    },
  });
});
