// Reads a JSON request body with a size limit, so an oversized body is refused (413) before it
// is held in memory, and malformed JSON is a clear 400.
import { AppError } from '../errors';

export async function readJsonBody(request: Request, maxBytes: number): Promise<unknown> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/([a-z.+-]*\+)?json\b/i.test(type)) {
    throw new AppError(
      'validation_failed',
      'Send the body as JSON, with "Content-Type: application/json".',
      {
        'content-type': 'must be application/json',
      },
    );
  }
  const bytes = await readCapped(request, maxBytes, () => tooLarge(maxBytes));
  if (!bytes)
    throw new AppError('validation_failed', 'The request body is empty; send a JSON object.');
  const text = bytes.toString('utf8');
  if (text.trim() === '')
    throw new AppError('validation_failed', 'The request body is empty; send a JSON object.');
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    const detail = error instanceof SyntaxError ? error.message : 'unreadable';
    throw new AppError('validation_failed', `The request body is not valid JSON (${detail}).`);
  }
}

const tooLarge = (maxBytes: number) =>
  new AppError(
    'payload_too_large',
    `The request body is larger than the ${Math.round(maxBytes / 1024)} KiB allowed.`,
  );

/**
 * The body's bytes, refused (with `tooLarge()`) as soon as they pass `maxBytes` — before the
 * rest is held in memory — whatever Content-Length claimed. Null when there is no body.
 */
export async function readCapped(
  request: Request,
  maxBytes: number,
  tooLarge: () => Error,
): Promise<Buffer | null> {
  const declared = Number(request.headers.get('content-length') ?? NaN);
  if (declared > maxBytes) throw tooLarge();
  if (!request.body) return null;
  const chunks: Uint8Array[] = [];
  let size = 0;
  const reader = request.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  return Buffer.concat(chunks);
}
