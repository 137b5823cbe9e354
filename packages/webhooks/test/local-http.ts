import { createServer, type RequestListener, request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** An HTTP server on 127.0.0.1 with a random port. */
export interface LocalServer {
  server: Server;
  port: number;
  origin: string;
  close(): Promise<void>;
}

export async function startLocalServer(listener: RequestListener): Promise<LocalServer> {
  const server = createServer(listener);
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    server,
    port,
    origin: `http://127.0.0.1:${port}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export interface RawResponse {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

/**
 * Sends a request with `node:http`, which, unlike fetch, lets a test set the Host header and
 * write the body in separate chunks. A `pauseMs` between chunks keeps them in separate TCP writes.
 */
export function sendRaw(options: {
  port: number;
  path: string;
  method?: string;
  headers?: Record<string, string>;
  chunks?: readonly (string | Uint8Array)[];
  pauseMs?: number;
  endBody?: boolean;
}): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const outgoing = request(
      {
        host: '127.0.0.1',
        port: options.port,
        path: options.path,
        method: options.method ?? 'POST',
        headers: options.headers,
      },
      (response) => {
        const parts: Buffer[] = [];
        response.on('data', (part: Buffer) => parts.push(part));
        response.on('end', () =>
          resolve({
            status: response.statusCode ?? 0,
            headers: response.headers,
            body: Buffer.concat(parts).toString('utf8'),
          }),
        );
        response.on('error', reject);
      },
    );
    // A server that responds with 413 early may reset the connection while chunks are still being written.
    outgoing.on('error', (error: NodeJS.ErrnoException) => {
      if (error.code !== 'EPIPE' && error.code !== 'ECONNRESET') reject(error);
    });

    const writeAll = async () => {
      for (const chunk of options.chunks ?? []) {
        if (outgoing.destroyed) return;
        outgoing.write(chunk);
        if (options.pauseMs) await new Promise((resume) => setTimeout(resume, options.pauseMs));
      }
      if (options.endBody !== false) outgoing.end();
    };
    void writeAll();
  });
}
