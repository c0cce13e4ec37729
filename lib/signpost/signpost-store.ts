// The signpost's versions in the database. The highest version is current; versions are only
// ever added, so the history of what every post carried stays readable.
import { z } from 'zod';
import { db } from '../db';
import { AppError } from '../errors';
import { Platform, type Signpost, SignpostWording } from '../platforms/types';

export const SignpostWordingByPlatform = z.record(Platform, SignpostWording);

export const SignpostView = z
  .object({
    version: z.number().int(),
    helplineName: z.string(),
    phone: z.string(),
    url: z.string(),
    wording: SignpostWordingByPlatform,
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
