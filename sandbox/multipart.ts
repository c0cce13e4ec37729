// multipart/form-data (RFC 7578) read as the platforms' servers read it. Not through WHATWG
// FormData, which turns a part without a filename into text even when it is binary: clients send
// media that way (twitter-api-v2's chunks are `application/octet-stream` parts with no filename),
// and the bytes must arrive intact. A part is a file when it has a filename or a non-text type.

/** A file part of a multipart body, its bytes already read. */
export class UploadedFile {
  constructor(
    readonly name: string,
    readonly type: string,
    readonly bytes: Buffer,
  ) {}

  get size(): number {
    return this.bytes.length;
  }
}

export function parseMultipart(
  raw: Buffer,
  contentType: string,
): [string, string | UploadedFile][] | null {
  const boundary = /boundary=(?:"([^"]+)"|([^;\s]+))/i.exec(contentType);
  const marker = boundary?.[1] ?? boundary?.[2];
  if (!marker) return null;
  const delimiter = Buffer.from(`--${marker}`);
  const parts: [string, string | UploadedFile][] = [];
  let at = raw.indexOf(delimiter);
  if (at < 0) return null;
  for (;;) {
    const start = at + delimiter.length;
    // "--" after a delimiter closes the body.
    if (raw.subarray(start, start + 2).toString() === '--') return parts;
    const next = raw.indexOf(delimiter, start);
    if (next < 0) return null;
    const part = raw.subarray(start + 2, next - 2); // past CRLF, before the CRLF ahead of the next
    const split = part.indexOf('\r\n\r\n');
    if (split < 0) return null;
    const headers = part.subarray(0, split).toString('utf8');
    const body = part.subarray(split + 4);
    const name = /name="([^"]*)"/i.exec(headers)?.[1];
    if (name === undefined) return null;
    const filename = /filename="([^"]*)"/i.exec(headers)?.[1];
    const type = /^content-type:\s*([^\r\n;]+)/im.exec(headers)?.[1]?.trim() ?? '';
    const isFile = filename !== undefined || (type !== '' && !type.startsWith('text/'));
    parts.push([
      name,
      isFile ? new UploadedFile(filename ?? name, type, Buffer.from(body)) : body.toString('utf8'),
    ]);
    at = next;
  }
}
