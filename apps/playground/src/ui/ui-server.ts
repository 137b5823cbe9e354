import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { basename, dirname, resolve as resolvePath } from 'node:path';
import { type Logger, silentLogger } from '@patchbay/core';
import type { RunReport } from '../report/run-report.js';
import { type PlaygroundOptions, runPlayground } from '../run/run-playground.js';
import type { RunSettings } from './dashboard-events.js';
import { EventStream } from './event-stream.js';
import { loadPageFiles } from './page-files.js';
import { RunController, type SharedRunOptions } from './run-controller.js';
import { InvalidRunRequestError, listCsvFiles, parseRunRequest } from './run-request.js';

export interface UiServerOptions {
  /** Port on 127.0.0.1, or 0 for a free one. */
  port: number;
  /** Folder whose `.csv` files the page offers in its CSV list. */
  dataDir: string;
  /** Directory that relative CSV paths typed into the page are resolved against. */
  invokedFrom: string;
  /** Folder for each run's JSON and Markdown reports. */
  reportDir: string;
  /** Form values the page starts with. */
  defaults: RunSettings;
  /** Options every run shares, such as the mapping file or the Redis URL. */
  shared?: SharedRunOptions;
  /** @default runPlayground */
  run?: (options: PlaygroundOptions) => Promise<RunReport>;
  logger?: Logger;
}

export interface UiServer {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** Resolves when no run is in progress. */
  idle(): Promise<void>;
  /** Stops the server and ends every event stream. A run in progress goes on until it ends. */
  close(): Promise<void>;
}

/** Allows the page's own files and requests only: no CDN, no external font, no inline script. */
export const contentSecurityPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self'",
  "font-src 'self'",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
].join('; ');

const maxBodyBytes = 64 * 1024;

/**
 * Serves the dashboard on 127.0.0.1: the page, its event stream (`GET /api/events`), the form's
 * state (`GET /api/state`), run starts (`POST /api/runs`) and the latest report (`GET /api/report`).
 */
export async function startUiServer(options: UiServerOptions): Promise<UiServer> {
  const logger = options.logger ?? silentLogger;
  const files = await loadPageFiles();
  const stream = new EventStream();
  const runs = new RunController({
    stream,
    reportDir: options.reportDir,
    shared: options.shared,
    run: options.run ?? runPlayground,
    logger,
  });

  const server = createServer((request, response) => {
    for (const [name, value] of Object.entries(securityHeaders)) response.setHeader(name, value);
    route(request, response).catch((error: unknown) => {
      logger.error(
        { error, url: request.url },
        `The dashboard failed to answer ${request.method} ${request.url}.`,
      );
      if (!response.headersSent) sendJson(response, 500, { error: 'Internal server error; see the log.' });
      else response.end();
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port, '127.0.0.1', () => {
      server.off('error', reject);
      resolve();
    });
  });
  const port = (server.address() as AddressInfo).port;
  const origin = `http://127.0.0.1:${port}`;
  // A page on another site can point its own host name at 127.0.0.1 (DNS rebinding). Its requests
  // then carry that host name, so checking the Host header keeps such pages out of the API.
  const allowedHosts = new Set([`127.0.0.1:${port}`, `localhost:${port}`]);

  async function route(request: IncomingMessage, response: ServerResponse): Promise<void> {
    if (!allowedHosts.has(request.headers.host ?? '')) {
      return rejectRequest(request, response, 403, `Unexpected Host header; open ${origin}/.`);
    }
    const path = (request.url ?? '/').split('?')[0] ?? '/';
    const method = request.method ?? 'GET';

    if (path === '/api/runs') {
      if (method !== 'POST') return sendMethodNotAllowed(response, 'POST');
      return startRun(request, response);
    }
    if (method !== 'GET' && method !== 'HEAD') return sendMethodNotAllowed(response, 'GET');
    if (path === '/api/events') return stream.subscribe(request, response);
    if (path === '/api/state') return sendJson(response, 200, await state());
    if (path === '/api/report') {
      const report = runs.latest?.report;
      if (report) return sendJson(response, 200, report);
      return sendJson(response, 404, { error: 'No run has finished yet; start one first.' });
    }
    const file = files.get(path);
    if (!file) return sendJson(response, 404, { error: `Not found: ${path}` });
    response.writeHead(200, { 'content-type': file.contentType, 'cache-control': 'no-cache' });
    response.end(method === 'HEAD' ? undefined : file.body);
  }

  async function startRun(request: IncomingMessage, response: ServerResponse): Promise<void> {
    const requestOrigin = request.headers.origin;
    if (
      requestOrigin !== undefined &&
      requestOrigin !== origin &&
      requestOrigin !== `http://localhost:${port}`
    ) {
      return rejectRequest(request, response, 403, `Runs can only be started from ${origin}/.`);
    }
    if (!request.headers['content-type']?.startsWith('application/json')) {
      return rejectRequest(request, response, 415, 'Send the run request as application/json.');
    }
    const text = await readBody(request);
    if (text === undefined)
      return rejectRequest(request, response, 413, 'The run request is larger than 64 KiB.');

    let settings: RunSettings;
    try {
      settings = await parseRunRequest(text === '' ? {} : JSON.parse(text), {
        dataDir: options.dataDir,
        invokedFrom: options.invokedFrom,
      });
    } catch (error) {
      if (error instanceof SyntaxError) {
        return rejectRequest(request, response, 400, 'The run request is not JSON.');
      }
      if (error instanceof InvalidRunRequestError)
        return rejectRequest(request, response, 400, error.message);
      throw error;
    }

    const runId = runs.start(settings);
    if (runId === undefined) {
      return rejectRequest(request, response, 409, 'A run is in progress; wait for it to finish.');
    }
    sendJson(response, 202, { runId });
  }

  /** Logs a rejected request and sends its error as JSON. */
  function rejectRequest(request: IncomingMessage, response: ServerResponse, status: number, error: string) {
    logger.warn(
      { status, method: request.method, url: request.url },
      `The dashboard rejected ${request.method} ${request.url} with ${status}: ${error}`,
    );
    sendJson(response, status, { error });
  }

  async function state() {
    const { defaults, dataDir } = options;
    const inDataDir = dirname(resolvePath(defaults.csvPath)) === resolvePath(dataDir);
    return {
      running: runs.running,
      csvFiles: await listCsvFiles(dataDir),
      invokedFrom: options.invokedFrom,
      defaults: {
        csv: inDataDir ? basename(defaults.csvPath) : undefined,
        csvPath: inDataDir ? '' : defaults.csvPath,
        chaos: defaults.chaos,
        seed: defaults.seed,
      },
      latest: runs.latest && {
        runId: runs.latest.runId,
        state: runs.latest.state,
        reportPath: runs.latest.reportPath,
        error: runs.latest.error,
      },
    };
  }

  return {
    url: `${origin}/`,
    idle: () => runs.idle(),
    close: async () => {
      stream.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

const securityHeaders = {
  'content-security-policy': contentSecurityPolicy,
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'no-referrer',
  'cross-origin-resource-policy': 'same-origin',
};

function sendJson(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, {
    'content-type': 'application/json; charset=utf-8',
    'cache-control': 'no-store',
  });
  response.end(JSON.stringify(body));
}

function sendMethodNotAllowed(response: ServerResponse, allowed: string): void {
  response.setHeader('allow', allowed);
  sendJson(response, 405, { error: `Method not allowed; use ${allowed}.` });
}

/** Reads a request body as UTF-8, or returns undefined when it is larger than `maxBodyBytes`. */
async function readBody(request: IncomingMessage): Promise<string | undefined> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of request as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > maxBodyBytes) return undefined;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}
