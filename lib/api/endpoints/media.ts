// The image endpoints: upload (multipart/form-data) and look one up. The bytes themselves are
// served outside the API, at /media/{id}/{variant} (original, thumbnail or a platform's name),
// because platforms fetch them from there without credentials.
import { z } from 'zod';
import { AppError } from '../../errors';
import { MediaView } from '../../media/find-media';
import { MediaId } from '../../media/media-id';
import { MAX_UPLOAD_BYTES, uploadTooLargeMessage } from '../../media/upload-limits';
import { defineEndpoint } from '../endpoint';
import { validationError } from '../errors';
import { readFormData } from '../read-form-data';

export const mediaUploadEndpoint = defineEndpoint({
  method: 'post',
  path: '/media',
  // The OpenAPI helper describes every body as JSON, so the multipart body is described here.
  summary:
    'Upload an image for messages. Send multipart/form-data with the image in a field named "file": JPEG, PNG or WebP ' +
    '(judged by its content), at most 15 MB, 200 to 10,000 pixels a side. It is stored upright and without its ' +
    'metadata (EXIF location included). The same file uploaded again answers the image already stored.',
  tag: 'Media',
  access: 'signed_in',
  response: MediaView,
  successStatus: 201,
  errors: ['forbidden', 'payload_too_large'],
});

export const mediaEndpoint = defineEndpoint({
  method: 'get',
  path: '/media/{id}',
  summary: 'An uploaded image: its type, size and the URLs of its original and thumbnail',
  tag: 'Media',
  access: 'signed_in',
  params: z.object({ id: MediaId }),
  response: MediaView,
});

/** Room for the multipart boundaries and part headers around the file itself. */
const MULTIPART_ALLOWANCE = 64 * 1024;

const UploadForm = z.object({
  file: z.instanceof(Blob, { error: 'must be a file: send the image in a field named "file"' }),
});

// The request's size includes the multipart wrapping, so the file's own size is not known here:
// say only that it is over. (A file just over the limit gets its exact size from storeMedia.)
const uploadTooLarge = () =>
  new AppError('payload_too_large', uploadTooLargeMessage(), { file: 'is too large' });

/** The uploaded file's bytes, from a multipart/form-data request. */
export async function readUploadedFile(request: Request): Promise<Uint8Array> {
  const form = await readFormData(request, MAX_UPLOAD_BYTES + MULTIPART_ALLOWANCE, uploadTooLarge);
  const parsed = UploadForm.safeParse({ file: form.get('file') ?? undefined });
  if (!parsed.success) throw validationError(parsed.error, 'body');
  return new Uint8Array(await parsed.data.file.arrayBuffer());
}
