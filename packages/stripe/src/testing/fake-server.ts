import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FakeIncoming, FakeOutcome } from './fake-pipeline-types.js';

export interface ListenOptions {
  /** @default 0, any free port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A running HTTP server for the fake. */
export interface FakeServer {
  /** Base URL such as `http://127.0.0.1:53211`; pass it as the client's `baseUrl`. */
  url: string;
  close(): Promise<void>;
}

async function readBody(request: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of request) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Serves the fake over real HTTP; a reset fault destroys the socket without a response. */
export async function listenFake(
  handle: (incoming: FakeIncoming) => Promise<FakeOutcome>,
  options: ListenOptions = {},
): Promise<FakeServer> {
  const { createServer } = await import('node:http');
  const host = options.host ?? '127.0.0.1';

  const server = createServer((request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
      }
      try {
        const body = await readBody(request);
        const outcome = await handle({
          method: request.method ?? 'GET',
          url: `http://${host}${request.url ?? '/'}`,
          headers,
          body,
        });
        if (outcome.kind === 'reset') {
          request.socket.destroy();
          return;
        }
        response.writeHead(outcome.status, outcome.headers);
        response.end(outcome.body);
      } catch (error) {
        response.writeHead(500, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify({
            error: { type: 'api_error', message: error instanceof Error ? error.message : String(error) },
          }),
        );
      }
    })();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : options.port;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
