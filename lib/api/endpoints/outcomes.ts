// The help-seeking figures (issue 7, point 6): list, compare two periods, import. The import takes
// JSON, or the charity's spreadsheet as text/csv with the source in the query, so it reads its
// own body (the JSON endpoints' machinery reads JSON only); both are checked as strictly.
import { z } from 'zod';
import { AppError } from '../../errors';
import {
  FigureInput,
  ImportOutcomesRequest,
  MAX_FIGURES,
  OutcomeSource,
} from '../../outcomes/check-figures';
import { OutcomeComparison } from '../../outcomes/compare-figures';
import { CompareQuery } from '../../outcomes/compare-outcomes';
import { ImportOutcomesResult, type OutcomeUpload } from '../../outcomes/import-outcomes';
import { OutcomeView, OutcomesQuery } from '../../outcomes/list-outcomes';
import { defineEndpoint } from '../endpoint';
import { invalidFields, validationError } from '../errors';
import { readCapped, readJsonBody } from '../read-body';
import { unstorableText } from '../storable-text';

const MAX_UPLOAD_BYTES = 1024 * 1024;

export const listOutcomesEndpoint = defineEndpoint({
  method: 'get',
  path: '/outcomes',
  summary:
    'Help-seeking figures: people contacting the helpline per area and period. `from` and `to` (YYYY-MM-DD) list the figures whose period shares a day with them.',
  tag: 'Outcomes',
  access: 'signed_in',
  query: OutcomesQuery,
  response: z.object({ items: z.array(OutcomeView) }),
});

export const compareOutcomesEndpoint = defineEndpoint({
  method: 'get',
  path: '/outcomes/compare',
  summary:
    'Two periods of help-seeking figures compared, per area and for the region. A figure counts toward a period when its own period lies wholly inside it. Reach and help-seeking side by side show correlation, not cause.',
  tag: 'Outcomes',
  access: 'signed_in',
  query: CompareQuery,
  response: OutcomeComparison,
});

const ImportQuery = z
  .object({
    source: OutcomeSource.optional().describe('for a text/csv body: where the figures come from'),
  })
  .strict();

export const importOutcomesEndpoint = defineEndpoint({
  method: 'post',
  path: '/outcomes',
  summary:
    'Import help-seeking figures (campaign leads), all or nothing: JSON as described, or text/csv with the columns ' +
    'area,periodStart,periodEnd,contacts and `?source=`. Dates are YYYY-MM-DD; contacts a whole number; the area one ' +
    'of the forces’ areas or “North West” for the region. A figure of the same area and period replaces the stored ' +
    'one; one that shares days with another of its area is refused. Each bad figure is named in `fields` ' +
    '(`figures.3.contacts`, counting rows under a CSV header from 0).',
  tag: 'Outcomes',
  access: 'signed_in',
  query: ImportQuery,
  body: z.object({
    source: OutcomeSource,
    figures: z.array(FigureInput).min(1).max(MAX_FIGURES),
  }),
  response: ImportOutcomesResult,
  successStatus: 201,
  errors: ['forbidden', 'payload_too_large'],
  maxBodyBytes: MAX_UPLOAD_BYTES,
});

const tooLarge = () =>
  new AppError(
    'payload_too_large',
    'The upload is larger than the 1 MiB allowed: split it into several files.',
  );

function refuseUnstorable(value: unknown, where: string) {
  const unstorable = unstorableText(value, where);
  if (Object.keys(unstorable).length > 0) throw invalidFields(unstorable, where);
}

/** The upload a `POST /outcomes` request carries, as JSON or as CSV. */
export async function readOutcomeUpload(request: Request): Promise<OutcomeUpload> {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  refuseUnstorable(search, 'query');
  const query = ImportQuery.safeParse(search);
  if (!query.success) throw validationError(query.error, 'query');
  const type = request.headers.get('content-type') ?? '';
  if (/^text\/csv\b/i.test(type)) {
    if (!query.data.source) {
      throw invalidFields({ source: 'must say where the figures come from, in ?source=' }, 'query');
    }
    const bytes = await readCapped(request, MAX_UPLOAD_BYTES, tooLarge);
    let text: string;
    try {
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes ?? new Uint8Array());
    } catch {
      throw invalidFields(
        { body: 'must be text in UTF-8 (save the spreadsheet as CSV UTF-8)' },
        'body',
      );
    }
    refuseUnstorable(text, 'body');
    return { format: 'csv', source: query.data.source, text };
  }
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError(
      'validation_failed',
      'Send the figures as JSON ("Content-Type: application/json") or as CSV ("Content-Type: text/csv").',
      { 'content-type': 'must be application/json or text/csv' },
    );
  }
  const body = await readJsonBody(request, MAX_UPLOAD_BYTES);
  refuseUnstorable(body, 'body');
  const parsed = ImportOutcomesRequest.safeParse(body);
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return { format: 'json', ...parsed.data };
}
