// The body of a `POST /posts/import`: a CSV file, read as bytes within its size limit (its
// encoding is the import's to judge, so a Latin-1 file is named as such rather than garbled).
import { AppError } from '../errors';
import { MAX_IMPORT_BYTES } from '../posts/import-csv';
import { ImportQuery } from '../posts/import-posts';
import { invalidFields, validationError } from './errors';
import { readCapped } from './read-body';
import { unstorableText } from './storable-text';

/** The CSV body of a `POST /posts/import`, within its size limit and as bytes (their encoding is checked by the import). */
export async function readImportUpload(
  request: Request,
): Promise<{ dryRun: boolean; bytes: Uint8Array }> {
  const search = Object.fromEntries(new URL(request.url).searchParams);
  const unstorable = unstorableText(search, 'query');
  if (Object.keys(unstorable).length > 0) throw invalidFields(unstorable, 'query');
  const query = ImportQuery.safeParse(search);
  if (!query.success) throw validationError(query.error, 'query');
  const type = request.headers.get('content-type') ?? '';
  if (!/^text\/csv\b/i.test(type))
    throw new AppError(
      'validation_failed',
      'Send the file as CSV, with "Content-Type: text/csv".',
      {
        'content-type': 'must be text/csv',
      },
    );
  const bytes = await readCapped(
    request,
    MAX_IMPORT_BYTES,
    () =>
      new AppError(
        'payload_too_large',
        `The file is larger than the ${MAX_IMPORT_BYTES / 1024 / 1024} MiB allowed: split it into several files.`,
      ),
  );
  return { dryRun: query.data.dryRun === 'true', bytes: bytes ?? new Uint8Array() };
}
