'use server';

import { z } from 'zod';
import { MAX_CSV_CHARACTERS, OutcomeSource } from '@/lib/outcomes/check-figures';
import { importOutcomes } from '@/lib/outcomes/import-outcomes';
import { refreshReach } from '@/lib/reach/refresh-reach';
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

const RefreshScope = z
  .object({
    campaignId: z.string().min(1).max(64).optional(),
    organisation: z.string().min(1).max(100).optional(),
  })
  .strict();

/** The Reach page's Refresh: the same as `POST /api/v1/reach/refresh`, once per five minutes. */
export const refreshReachAction = serverAction(
  z.tuple([RefreshScope]),
  async (actor, [scope]) => refreshReach(actor, scope, new Date()),
  ({ posts }) =>
    posts === 0
      ? 'There are no published posts to refresh here yet.'
      : `${posts === 1 ? 'One post is' : `${posts.toLocaleString('en-GB')} posts are`} being read from the platforms now. The figures update in a minute or two.`,
);
