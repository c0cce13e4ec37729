'use server';

import { z } from 'zod';
import { MAX_CSV_CHARACTERS, OutcomeSource } from '@/lib/outcomes/check-figures';
import { importOutcomes } from '@/lib/outcomes/import-outcomes';
import { serverAction } from '../action-result';

const OutcomesUpload = z
  .object({
    source: OutcomeSource,
    csv: z.string().min(1, { error: 'Choose the CSV file to import.' }).max(MAX_CSV_CHARACTERS, {
      error: 'The file is larger than 512 KB: split it, or send it through the API.',
    }),
  })
  .strict();

/** The Reach page's CSV upload: the same import as `POST /api/v1/outcomes`, all or nothing. */
export const importOutcomesAction = serverAction(
  z.tuple([OutcomesUpload]),
  async (actor, [upload]) => {
    const { imported, replaced } = await importOutcomes(actor, {
      format: 'csv',
      source: upload.source,
      text: upload.csv,
    });
    return { imported, replaced };
  },
  ({ imported, replaced }) =>
    `${imported === 1 ? 'One figure' : `${imported} figures`} imported${
      replaced === 0
        ? ''
        : replaced === 1
          ? ', one replacing a stored figure'
          : `, ${replaced} replacing stored figures`
    }.`,
);
