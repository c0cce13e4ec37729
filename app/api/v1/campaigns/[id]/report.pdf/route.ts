import { campaignReportEndpoint } from '@/lib/api/endpoints/reach';
import { handle } from '@/lib/api/handle';
import { campaignReport } from '@/lib/reach/campaign-report';
import { outcomesForReport } from '@/lib/reach/report-outcomes';

export const GET = handle(campaignReportEndpoint, async ({ actor, params, query }) => {
  const { pdf, filename } = await campaignReport(
    actor,
    { campaignId: params.id, ...query },
    new Date(),
    outcomesForReport,
  );
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${filename}"`,
    },
  });
});
