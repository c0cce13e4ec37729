// Reads a multipart/form-data body with a size limit: the body is counted as it arrives and the
// request refused (413) once it passes the limit, so an oversized upload is never held whole in
// memory, whatever Content-Length claimed or if it sent none.
import { AppError } from '../errors';
import { readCapped } from './read-body';

export async function readFormData(
  request: Request,
  maxBytes: number,
  tooLarge: () => AppError,
): Promise<FormData> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^multipart\/form-data\s*;\s*boundary=/i.test(type)) {
    throw new AppError(
      'validation_failed',
      'Send the upload as multipart/form-data, with the image in a field named "file".',
      {
        'content-type': 'must be multipart/form-data',
      },
    );
  }
  const bytes = await readCapped(request, maxBytes, tooLarge);
  if (!bytes)
    throw new AppError(
      'validation_failed',
      'The upload is empty; send an image in a field named "file".',
    );
  try {
    return await new Response(new Uint8Array(bytes), {
      headers: { 'content-type': type },
    }).formData();
  } catch (error) {
    // undici answers a malformed multipart body with a TypeError; anything else is ours.
    if (!(error instanceof TypeError)) throw error;
    throw new AppError(
      'validation_failed',
      'The upload could not be read as multipart/form-data; send it again.',
      {
        body: 'is not valid multipart/form-data',
      },
    );
  }
}
