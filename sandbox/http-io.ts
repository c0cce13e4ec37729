// The sandbox's side of HTTP: a request's body read whole (up to the size any platform allows)
// and a reply written as the platform would write it.
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { SandboxReply } from './routes';

const MAX_BODY_BYTES = 20 * 1024 * 1024;

export function readRequestBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size <= MAX_BODY_BYTES) chunks.push(chunk);
    });
    req.on('end', () => resolve(size > MAX_BODY_BYTES ? null : Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

export function sendReply(res: ServerResponse, reply: SandboxReply): void {
  const headers: Record<string, string> = { ...reply.headers };
  if (reply.body === undefined) {
    res.writeHead(reply.status, headers).end();
    return;
  }
  headers['content-type'] ??= 'application/json; charset=utf-8';
  const text = typeof reply.body === 'string' ? reply.body : JSON.stringify(reply.body);
  res.writeHead(reply.status, headers).end(text);
}
