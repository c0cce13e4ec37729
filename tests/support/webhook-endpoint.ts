// A real HTTP endpoint for webhook tests (node:http on port 0): it keeps every request it is
// sent, raw body and headers, and answers as the test tells it (a status, or never).
import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  path: string;
}

export interface WebhookEndpoint {
  url: string;
  port: number;
  received: Received[];
  /** What the next requests get: a status, or `hang` (no answer at all). */
  answer: number | 'hang';
  close(): Promise<void>;
}

export async function webhookEndpoint(host = '127.0.0.1'): Promise<WebhookEndpoint> {
  const hanging = new Set<import('node:http').ServerResponse>();
  const endpoint: WebhookEndpoint = {
    url: '',
    port: 0,
    received: [],
    answer: 204,
    close: () =>
      new Promise((resolve) => {
        for (const response of hanging) response.destroy();
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => {
      endpoint.received.push({
        headers: request.headers,
        body: Buffer.concat(chunks).toString('utf8'),
        path: request.url ?? '/',
      });
      if (endpoint.answer === 'hang') {
        hanging.add(response);
        return;
      }
      response.writeHead(endpoint.answer).end();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, host, resolve));
  endpoint.port = (server.address() as AddressInfo).port;
  endpoint.url = `http://${host}:${endpoint.port}/hooks/signpost`;
  return endpoint;
}
