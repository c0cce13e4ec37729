import { readFile, readdir, rm } from 'node:fs/promises';
import path from 'node:path';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { GET as getMedia } from '@/app/api/v1/media/[id]/route';
import { POST as postMedia } from '@/app/api/v1/media/route';
import { GET as getOpenApi } from '@/app/api/v1/openapi.json/route';
import { GET as getFile, HEAD as headFile } from '@/app/media/[id]/[variant]/route';
import { db } from '@/lib/db';
import { AppError } from '@/lib/errors';
import { loadAttachedImages } from '@/lib/media/media-facts';
import { publishMediaFor } from '@/lib/media/publish-media';
import { absoluteMediaPath, mediaRoot } from '@/lib/media/media-files';
import { call, forgetTokens, tokenFor } from '../support/api';
import { organisationId, resetDatabase, userId } from '../support/database';
import { phonePhoto, photo, solidImage } from '../support/images';

type ErrorBody = { error: { code: string; message: string; fields?: Record<string, string> } };
interface MediaBody {
  id: string;
  mimeType: string;
  width: number;
  height: number;
  bytes: number;
  url: string;
  thumbnailUrl: string;
  createdAt: string;
}

const COMMS = 'comms@lancashire.example';
const LEAD = 'lead@nw-rocu.example';

interface UploadOptions {
  email?: string;
  fileName?: string;
  declaredType?: string;
  field?: string;
}

/** POST /api/v1/media as a browser sends it: multipart/form-data with the file in `file`. */
async function upload<T = MediaBody>(data: Uint8Array | string, options: UploadOptions = {}) {
  const form = new FormData();
  const blob = new Blob([typeof data === 'string' ? data : new Uint8Array(data)], {
    type: options.declaredType ?? 'image/jpeg',
  });
  form.set(options.field ?? 'file', blob, options.fileName ?? 'photo.jpg');
  const headers = new Headers();
  if (options.email !== '')
    headers.set('authorization', `Bearer ${await tokenFor(options.email ?? COMMS)}`);
  const request = new Request('http://localhost/api/v1/media', {
    method: 'POST',
    headers,
    body: form,
  });
  const response = await postMedia(request, { params: Promise.resolve({}) });
  return { status: response.status, body: (await response.json()) as T };
}

/** GET /media/:id/:variant, with no credentials, as a platform fetching an image would. */
async function fetchFile(id: string, variant: string, init: RequestInit = {}) {
  const request = new Request(`http://localhost/media/${id}/${variant}`, init);
  const handler = init.method === 'HEAD' ? headFile : getFile;
  const response = await handler(request, { params: Promise.resolve({ id, variant }) });
  const bytes = Buffer.from(await response.arrayBuffer());
  return { status: response.status, headers: response.headers, bytes };
}

/** Every file under MEDIA_DIR, relative to it. */
async function filesOnDisk(): Promise<string[]> {
  try {
    const entries = await readdir(mediaRoot(), { recursive: true, withFileTypes: true });
    return entries
      .filter((entry) => entry.isFile())
      .map((entry) => path.relative(mediaRoot(), path.join(entry.parentPath, entry.name)))
      .sort();
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
    throw error;
  }
}

/** Asserts that `attempt` leaves no Media row, no audit event of an image and no file behind. */
async function expectNothingWritten(attempt: () => Promise<unknown>) {
  const mediaEvents = () => db.auditEvent.count({ where: { entityType: 'media' } });
  const before = {
    rows: await db.media.count(),
    audit: await mediaEvents(),
    files: await filesOnDisk(),
  };
  await attempt();
  expect(await db.media.count()).toBe(before.rows);
  expect(await mediaEvents()).toBe(before.audit);
  expect(await filesOnDisk()).toEqual(before.files);
}

beforeAll(async () => {
  await resetDatabase();
  forgetTokens();
  await rm(mediaRoot(), { recursive: true, force: true });
});

afterAll(async () => {
  await rm(mediaRoot(), { recursive: true, force: true });
});

describe('POST /api/v1/media', () => {
  it('stores an upload upright and without its EXIF, with a thumbnail, a row and an audit event', async () => {
    const upload1 = await phonePhoto(600, 400);
    const response = await upload(upload1, { fileName: 'IMG_0042.JPG' });
    expect(response.status).toBe(201);
    const { id } = response.body;
    expect(response.body).toEqual({
      id: expect.stringMatching(/^c[a-z0-9]{24}$/),
      mimeType: 'image/jpeg',
      width: 400,
      height: 600,
      bytes: expect.any(Number),
      url: `http://localhost:3000/media/${id}/original`,
      thumbnailUrl: `http://localhost:3000/media/${id}/thumbnail`,
      createdAt: expect.any(String),
    });

    const row = await db.media.findUniqueOrThrow({ where: { id } });
    const month = row.createdAt.toISOString().slice(0, 7).replace('-', '/');
    expect(row).toMatchObject({
      organisationId: await organisationId('lancashire'),
      uploadedById: await userId(COMMS),
      mimeType: 'image/jpeg',
      width: 400,
      height: 600,
      storagePath: `${month}/${id}/original.jpg`,
      sha256: expect.stringMatching(/^[0-9a-f]{64}$/),
    });
    expect(await filesOnDisk()).toEqual([
      `${month}/${id}/original.jpg`,
      `${month}/${id}/thumbnail.webp`,
    ]);

    const original = await readFile(absoluteMediaPath(row.storagePath));
    expect(original.byteLength).toBe(row.bytes);
    const stored = await sharp(original).metadata();
    expect(stored.exif).toBeUndefined();
    expect(original.includes(Buffer.from('Acacia Avenue'))).toBe(false);

    const audit = await db.auditEvent.findFirstOrThrow({
      where: { entityType: 'media', entityId: id },
    });
    expect(audit).toMatchObject({
      action: 'media.uploaded',
      actorLabel: expect.stringContaining(COMMS),
    });
  });

  it('gives back the stored image when the same file is uploaded again, writing nothing new', async () => {
    const bytes = await solidImage('png', 500, 500, { colour: '#aa3377' });
    const first = await upload(bytes, { fileName: 'poster.png', declaredType: 'image/png' });
    expect(first.status).toBe(201);
    await expectNothingWritten(async () => {
      const again = await upload(bytes, { email: LEAD, fileName: 'poster-copy.png' });
      expect(again.status).toBe(201);
      expect(again.body).toEqual(first.body);
    });
  });

  it('judges the file by its content, not its name or declared type', async () => {
    const png = await solidImage('png', 300, 300, { colour: '#33aa77' });
    const response = await upload(png, { fileName: 'photo.jpg', declaredType: 'image/jpeg' });
    expect(response.status).toBe(201);
    expect(response.body.mimeType).toBe('image/png');
  });

  it.each([
    ['a PDF named photo.jpg', '%PDF-1.7\n1 0 obj << /Type /Catalog >> endobj\ntrailer\n%%EOF\n'],
    [
      'an HTML page with a script named photo.jpg',
      '<!doctype html><script>fetch("https://evil.example")</script>',
    ],
  ])('refuses %s with 400 and writes nothing', async (_case, content) => {
    await expectNothingWritten(async () => {
      const response = await upload<ErrorBody>(content, {
        fileName: 'photo.jpg',
        declaredType: 'image/jpeg',
      });
      expect(response.status).toBe(400);
      expect(response.body.error).toEqual({
        code: 'validation_failed',
        message: 'That file is not a JPEG, PNG or WebP image.',
        fields: { file: 'That file is not a JPEG, PNG or WebP image.' },
      });
    });
  });

  it('refuses a truncated image with 400 and writes nothing', async () => {
    const whole = await photo('jpeg', 800, 600, 60);
    await expectNothingWritten(async () => {
      const response = await upload<ErrorBody>(whole.subarray(0, whole.byteLength / 2));
      expect(response.status).toBe(400);
      expect(response.body.error.message).toMatch(
        /could not be read: it may be damaged or cut short/,
      );
    });
  });

  it('refuses a file over 15 MB with 413, naming its size', async () => {
    const justOver = new Uint8Array(15 * 1024 * 1024 + 1).fill(0xff);
    await expectNothingWritten(async () => {
      const response = await upload<ErrorBody>(justOver);
      expect(response.status).toBe(413);
      expect(response.body.error).toMatchObject({
        code: 'payload_too_large',
        message: 'That file is 15,728,641 bytes; images can be at most 15,728,640 bytes.',
      });
    });
  });

  it('stops reading a much larger upload at the limit and answers 413', async () => {
    const huge = new Uint8Array(40 * 1024 * 1024).fill(0xff);
    await expectNothingWritten(async () => {
      const response = await upload<ErrorBody>(huge);
      expect(response.status).toBe(413);
      expect(response.body.error.message).toBe(
        'That file is larger than 15 MB, the most an image can be.',
      );
    });
  });

  it('asks for the image in a field named "file"', async () => {
    const response = await upload<ErrorBody>(await solidImage('jpeg'), { field: 'image' });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({
      file: 'must be a file: send the image in a field named "file"',
    });
  });

  it('asks for multipart/form-data when sent JSON', async () => {
    const response = await call<ErrorBody>(postMedia, '/media', {
      token: await tokenFor(COMMS),
      body: { file: 'aGVsbG8=' },
    });
    expect(response.status).toBe(400);
    expect(response.body.error.fields).toEqual({ 'content-type': 'must be multipart/form-data' });
  });

  it('refuses an unauthenticated upload with 401', async () => {
    const response = await upload<ErrorBody>(await solidImage('jpeg'), { email: '' });
    expect(response.status).toBe(401);
    expect(response.body.error.code).toBe('unauthorized');
  });

  it.each(['viewer@cumbria.example', 'partner@lancashire-county-council.example'])(
    'refuses %s with 403 and writes nothing',
    async (email) => {
      const bytes = await solidImage('jpeg', 300, 300, { colour: '#123456' });
      await expectNothingWritten(async () => {
        const response = await upload<ErrorBody>(bytes, { email });
        expect(response.status).toBe(403);
        expect(response.body.error).toEqual({
          code: 'forbidden',
          message: 'Only campaign leads and comms officers add images to messages.',
        });
      });
    },
  );

  it('removes the files it wrote when the database refuses the row', async () => {
    // A real failure of the write, from inside PostgreSQL.
    await db.$executeRawUnsafe(`
      CREATE FUNCTION refuse_media() RETURNS trigger LANGUAGE plpgsql AS $$
      BEGIN RAISE EXCEPTION 'disk full (test)'; END $$`);
    await db.$executeRawUnsafe(
      'CREATE TRIGGER refuse_media BEFORE INSERT ON media FOR EACH ROW EXECUTE FUNCTION refuse_media()',
    );
    try {
      await expectNothingWritten(async () => {
        const response = await upload<ErrorBody>(
          await solidImage('webp', 300, 300, { colour: '#654321' }),
        );
        expect(response.status).toBe(500);
        expect(response.body.error.code).toBe('internal_error');
      });
    } finally {
      await db.$executeRawUnsafe('DROP TRIGGER refuse_media ON media');
      await db.$executeRawUnsafe('DROP FUNCTION refuse_media()');
    }
  });
});

describe('GET /api/v1/media/:id', () => {
  it('describes an uploaded image to any signed-in user', async () => {
    const uploaded = await upload(await solidImage('webp', 640, 480, { colour: '#0a0a0a' }));
    const response = await call<MediaBody>(getMedia, `/media/${uploaded.body.id}`, {
      token: await tokenFor('viewer@cumbria.example'),
      params: { id: uploaded.body.id },
    });
    expect(response.status).toBe(200);
    expect(response.body).toEqual(uploaded.body);
  });

  it('answers 404 for an id that names no image, and 401 without sign-in', async () => {
    const token = await tokenFor(COMMS);
    const missing = await call<ErrorBody>(getMedia, '/media/c000000000000000000000000', {
      token,
      params: { id: 'c000000000000000000000000' },
    });
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('not_found');
    const anonymous = await call(getMedia, '/media/c000000000000000000000000', {
      params: { id: 'c000000000000000000000000' },
    });
    expect(anonymous.status).toBe(401);
  });

  it('is described in the OpenAPI document, the upload as multipart/form-data', async () => {
    const response = await call<{ paths: Record<string, Record<string, { summary: string }>> }>(
      getOpenApi,
      '/openapi.json',
    );
    expect(response.body.paths['/media/{id}']?.get).toBeDefined();
    expect(response.body.paths['/media']?.post?.summary).toMatch(/multipart\/form-data/);
  });
});

describe('GET /media/:id/:variant', () => {
  let image: MediaBody;

  beforeAll(async () => {
    image = (await upload(await photo('png', 1800, 1200), { declaredType: 'image/png' })).body;
  });

  it('serves the original with its type, nosniff and a long cache, to anyone', async () => {
    const response = await fetchFile(image.id, 'original');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    const row = await db.media.findUniqueOrThrow({ where: { id: image.id } });
    expect(response.bytes.equals(await readFile(absoluteMediaPath(row.storagePath)))).toBe(true);
    expect(response.headers.get('content-length')).toBe(String(row.bytes));
  });

  it('serves the WebP thumbnail', async () => {
    const response = await fetchFile(image.id, 'thumbnail');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/webp');
    expect(await sharp(response.bytes).metadata()).toMatchObject({
      format: 'webp',
      width: 320,
      height: 213,
    });
  });

  it('serves Instagram a JPEG no wider than 1440 px, made on first request', async () => {
    const response = await fetchFile(image.id, 'instagram');
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/jpeg');
    expect(response.headers.get('x-content-type-options')).toBe('nosniff');
    expect(response.headers.get('cache-control')).toBe('public, max-age=604800');
    expect(await sharp(response.bytes).metadata()).toMatchObject({
      format: 'jpeg',
      width: 1440,
      height: 960,
    });
  });

  it('answers 304 when the caller already has the file', async () => {
    const first = await fetchFile(image.id, 'thumbnail');
    const again = await fetchFile(image.id, 'thumbnail', {
      headers: { 'if-none-match': first.headers.get('etag')! },
    });
    expect(again.status).toBe(304);
    expect(again.bytes.byteLength).toBe(0);
  });

  it('answers HEAD with the headers and no body', async () => {
    const response = await fetchFile(image.id, 'original', { method: 'HEAD' });
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('image/png');
    expect(Number(response.headers.get('content-length'))).toBeGreaterThan(0);
    expect(response.bytes.byteLength).toBe(0);
  });

  it.each([
    ['an unknown id', 'c000000000000000000000000', 'original'],
    ['an unknown variant', null, 'tiktok'],
    ['a path instead of an id', '..%2F..%2Fetc', 'original'],
  ])('answers 404 for %s', async (_case, id, variant) => {
    const response = await fetchFile(id ?? image.id, variant);
    expect(response.status).toBe(404);
    const body = JSON.parse(response.bytes.toString('utf8')) as ErrorBody;
    expect(body.error).toEqual({ code: 'not_found', message: 'That image was not found.' });
  });
});

describe('images for messages and publishing', () => {
  it('loads attachments in their order, naming every id that is not an uploaded image', async () => {
    const first = (await upload(await solidImage('jpeg', 300, 300, { colour: '#111111' }))).body;
    const second = (await upload(await solidImage('jpeg', 300, 300, { colour: '#222222' }))).body;
    const images = await loadAttachedImages([
      { mediaId: second.id, altText: 'Second' },
      { mediaId: first.id, altText: 'First' },
    ]);
    expect(images.map((image) => [image.media.id, image.altText])).toEqual([
      [second.id, 'Second'],
      [first.id, 'First'],
    ]);

    const error = await loadAttachedImages([
      { mediaId: first.id, altText: 'First' },
      { mediaId: 'c000000000000000000000000', altText: 'Gone' },
    ]).catch((thrown: unknown) => thrown);
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({
      status: 400,
      fields: { 'media.1.mediaId': 'is not an uploaded image' },
    });
  });

  it('gives an adapter each platform’s copy, by URL and by bytes', async () => {
    const uploaded = (await upload(await photo('webp', 1600, 1000), { declaredType: 'image/webp' }))
      .body;
    const images = await loadAttachedImages([
      { mediaId: uploaded.id, altText: 'A phone with the helpline number' },
    ]);
    const [forInstagram] = await publishMediaFor('instagram', images);
    expect(forInstagram).toMatchObject({
      url: `http://localhost:3000/media/${uploaded.id}/instagram`,
      mimeType: 'image/jpeg',
      altText: 'A phone with the helpline number',
    });
    const bytes = Buffer.from(await forInstagram!.read());
    expect(await sharp(bytes).metadata()).toMatchObject({
      format: 'jpeg',
      width: 1440,
      height: 900,
    });
    // What the adapter reads is what the public URL serves.
    const served = await fetchFile(uploaded.id, 'instagram');
    expect(served.bytes.equals(bytes)).toBe(true);

    const [forMastodon] = await publishMediaFor('mastodon', images);
    expect(forMastodon?.mimeType).toBe('image/webp');
  });
});
