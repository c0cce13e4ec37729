import { importTemplateEndpoint } from '@/lib/api/endpoints/posts';
import { handle } from '@/lib/api/handle';
import { importTemplate } from '@/lib/posts/import-template';

export const GET = handle(importTemplateEndpoint, async ({ actor }) => {
  return new Response(await importTemplate(actor), {
    headers: {
      'Content-Type': 'text/csv; charset=utf-8',
      'Content-Disposition': 'attachment; filename="signpost-schedule-template.csv"',
    },
  });
});
