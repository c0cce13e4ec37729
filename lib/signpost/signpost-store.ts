// The signpost's versions in the database. The highest version is current; versions are only
// ever added, so the history of what every post carried stays readable.
import { z } from 'zod';
import { db } from '../db';
import { AppError } from '../errors';
import { Platform, type Signpost, SignpostWording } from '../platforms/types';
import { WELSH_REVIEW_NOTE } from './default-signpost-cy';

export const SignpostWordingByPlatform = z.record(Platform, SignpostWording);

export const SignpostView = z
  .object({
    version: z.number().int(),
    helplineName: z.string(),
    phone: z.string(),
    url: z.string(),
    wording: SignpostWordingByPlatform,
    /** The same wording in Welsh (issue 13), or null where this version has none. */
    wordingCy: SignpostWordingByPlatform.nullable(),
    /** Whether a Welsh speaker has reviewed the Welsh wording. */
    wordingCyReviewed: z.boolean(),
    /** "needs review by a Welsh speaker" until someone has, else null. */
    wordingCyNote: z.string().nullable(),
    note: z.string().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: 'Signpost' });
export type SignpostView = z.infer<typeof SignpostView>;

type SignpostRow = {
  version: number;
  helplineName: string;
  phone: string;
  url: string;
  wording: unknown;
  wordingCy: unknown;
  wordingCyReviewed: boolean;
  note: string | null;
  createdAt: Date;
};

export function toSignpostView(row: SignpostRow): SignpostView {
  return {
    version: row.version,
    helplineName: row.helplineName,
    phone: row.phone,
    url: row.url,
    wording: SignpostWordingByPlatform.parse(row.wording),
    wordingCy: row.wordingCy == null ? null : SignpostWordingByPlatform.parse(row.wordingCy),
    wordingCyReviewed: row.wordingCyReviewed,
    wordingCyNote: row.wordingCy != null && !row.wordingCyReviewed ? WELSH_REVIEW_NOTE : null,
    note: row.note,
    createdAt: row.createdAt.toISOString(),
  };
}

export function toSignpost(view: SignpostView): Signpost {
  return {
    version: view.version,
    helplineName: view.helplineName,
    phone: view.phone,
    url: view.url,
    wording: view.wording,
    wordingCy: view.wordingCy,
    wordingCyReviewed: view.wordingCyReviewed,
  };
}

/** The current signpost. Nothing can be previewed or published without one. */
export async function currentSignpost(): Promise<SignpostView> {
  const row = await db.signpostVersion.findFirst({ orderBy: { version: 'desc' } });
  if (!row)
    throw new AppError(
      'not_found',
      'No signpost has been set yet. A campaign lead must set one in Settings.',
    );
  return toSignpostView(row);
}
