import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface ListenOptions {
  /** @default 0, a free port */
  port?: number;
  /** @default '127.0.0.1' */
  host?: string;
}

/** A running local server. */
export interface ListeningServer {
  /** Base URL, such as `http://127.0.0.1:49152`; pass it as the client's `baseUrl`. */
  url: string;
  close(): Promise<void>;
}

/**
 * Serves a Fetch-API handler over real HTTP with `node:http`. A handler that returns
 * `Response.error()` gets its socket destroyed, so the client sees a connection reset.
 */
export async function listenHandler(
  handle: (request: Request) => Promise<Response>,
  options: ListenOptions = {},
): Promise<ListeningServer> {
  const host = options.host ?? '127.0.0.1';
  const server = createServer(async (incoming, outgoing) => {
    const chunks: Buffer[] = [];
    for await (const chunk of incoming) chunks.push(chunk as Buffer);

    const headers = new Headers();
    for (let index = 0; index < incoming.rawHeaders.length; index += 2) {
      headers.append(incoming.rawHeaders[index] as string, incoming.rawHeaders[index + 1] as string);
    }

    const abort = new AbortController();
    outgoing.on('close', () => {
      if (!outgoing.writableEnded) abort.abort();
    });
    const method = incoming.method ?? 'GET';
    const { port } = server.address() as AddressInfo;
    let response: Response;
    try {
      response = await handle(
        new Request(`http://${host}:${port}${incoming.url ?? '/'}`, {
          method,
          headers,
          body: method === 'GET' || method === 'HEAD' ? undefined : Buffer.concat(chunks),
          signal: abort.signal,
        }),
      );
    } catch {
      incoming.socket.destroy();
      return;
    }
    if (response.type === 'error') {
      incoming.socket.destroy();
      return;
    }

    const responseHeaders: Record<string, string> = {};
    response.headers.forEach((value, key) => {
      responseHeaders[key] = value;
    });
    outgoing.writeHead(response.status, responseHeaders);
    outgoing.end(Buffer.from(await response.arrayBuffer()));
  });

  await new Promise<void>((resolve) => server.listen(options.port ?? 0, host, resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://${host}:${port}`,
    close: () =>
      new Promise<void>((resolve, reject) => {
        server.closeAllConnections();
        server.close((error) => (error ? reject(error) : resolve()));
      }),
  };
}
