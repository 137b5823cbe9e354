import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { request as httpRequest } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Logger } from '@patchbay/core';
import { afterAll, afterEach, describe, expect, it } from 'vitest';
import { openEventStream } from '../../test/support/read-events.js';
import { sampleReport } from '../../test/support/sample-report.js';
import type { RunReport } from '../report/run-report.js';
import type { PlaygroundOptions } from '../run/run-playground.js';
import { PlaygroundConfigError } from '../services/run-mode.js';
import { contentSecurityPolicy, startUiServer, type UiServer } from './ui-server.js';

const dataDir = fileURLToPath(new URL('../../data/', import.meta.url));
const scratch = mkdtempSync(join(tmpdir(), 'playground-ui-server-'));
const servers: UiServer[] = [];

afterEach(async () => {
  for (const server of servers.splice(0)) {
    await server.idle();
    await server.close();
  }
});
afterAll(() => rmSync(scratch, { recursive: true, force: true }));

/** Creates a run that waits for `finish` or `fail` and records the options it was given. */
function gatedRun() {
  const calls: PlaygroundOptions[] = [];
  let settle: { resolve: (report: RunReport) => void; reject: (error: Error) => void } | undefined;
  return {
    calls,
    run: (options: PlaygroundOptions) => {
      calls.push(options);
      return new Promise<RunReport>((resolve, reject) => {
        settle = { resolve, reject };
      });
    },
    finish: (report: RunReport = sampleReport()) => settle?.resolve(report),
    fail: (error: Error) => settle?.reject(error),
  };
}

const warnings: string[] = [];
const recordingLogger: Logger = {
  debug: () => {},
  info: () => {},
  warn: (_fields, message) => warnings.push(message),
  error: () => {},
};

async function start(
  run: (options: PlaygroundOptions) => Promise<RunReport>,
  reportDir = join(scratch, 'reports'),
) {
  const server = await startUiServer({
    port: 0,
    dataDir,
    invokedFrom: '/home/me',
    reportDir,
    defaults: { csvPath: join(dataDir, 'leads.csv'), chaos: true, seed: 11 },
    shared: { mappingPath: '/home/me/mapping.json' },
    run,
    logger: recordingLogger,
  });
  servers.push(server);
  return server;
}

function postRun(server: UiServer, body: unknown, headers: Record<string, string> = {}) {
  return fetch(new URL('/api/runs', server.url), {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
}

describe('startUiServer', () => {
  it('serves the page with a same-origin Content-Security-Policy', async () => {
    const server = await start(gatedRun().run);

    const page = await fetch(server.url);
    const script = await fetch(new URL('/dashboard.js', server.url));
    const missing = await fetch(new URL('/../package.json', server.url));

    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(page.status).toBe(200);
    expect(page.headers.get('content-security-policy')).toBe(contentSecurityPolicy);
    expect(page.headers.get('x-content-type-options')).toBe('nosniff');
    expect(await page.text()).toContain('<script type="module" src="/dashboard.js"></script>');
    expect(script.headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    expect(missing.status).toBe(404);
  });

  it('returns the form state', async () => {
    const server = await start(gatedRun().run);

    const state = await (await fetch(new URL('/api/state', server.url))).json();

    expect(state).toEqual({
      running: false,
      csvFiles: ['leads.csv', 'messy-leads.csv'],
      invokedFrom: '/home/me',
      defaults: { csv: 'leads.csv', csvPath: '', chaos: true, seed: 11 },
    });
  });

  it('rejects a request for another host name', async () => {
    const server = await start(gatedRun().run);
    const { port } = new URL(server.url);

    const status = await new Promise<number | undefined>((resolve, reject) => {
      httpRequest({
        host: '127.0.0.1',
        port,
        path: '/api/state',
        headers: { host: `attacker.example:${port}` },
      })
        .on('response', (response) => {
          response.resume();
          resolve(response.statusCode);
        })
        .on('error', reject)
        .end();
    });

    expect(status).toBe(403);
  });

  it('starts one run at a time and answers 409 meanwhile', async () => {
    const gate = gatedRun();
    const reportDir = join(scratch, 'one-at-a-time');
    const server = await start(gate.run, reportDir);
    const events = await openEventStream(new URL('/api/events', server.url).href);

    const first = await postRun(server, { csv: 'messy-leads.csv', seed: 3 });
    const second = await postRun(server, { csv: 'leads.csv' });
    const state = await (await fetch(new URL('/api/state', server.url))).json();
    gate.finish();
    await server.idle();
    const [started, finished] = await events.next(2);
    events.close();
    const report = await fetch(new URL('/api/report', server.url));

    expect(first.status).toBe(202);
    expect(await first.json()).toEqual({ runId: 1 });
    expect(second.status).toBe(409);
    expect(await second.json()).toEqual({ error: 'A run is in progress; wait for it to finish.' });
    expect(warnings).toContain(
      'The dashboard rejected POST /api/runs with 409: A run is in progress; wait for it to finish.',
    );
    expect(state.running).toBe(true);
    expect(gate.calls).toHaveLength(1);
    expect(gate.calls[0]).toMatchObject({
      csvPath: join(dataDir, 'messy-leads.csv'),
      chaos: false,
      seed: 3,
      mappingPath: '/home/me/mapping.json',
    });
    expect(started).toMatchObject({ type: 'run-started', runId: 1 });
    expect(finished).toMatchObject({ type: 'run-finished', runId: 1, everyRowAccountedFor: true });
    expect(report.status).toBe(200);
    expect(((await report.json()) as RunReport).rows.read).toBe(12);
    expect(existsSync(join(reportDir, 'latest.json'))).toBe(true);
    expect(existsSync(join(reportDir, 'latest.md'))).toBe(true);
  });

  it('publishes a configuration error and accepts the next run', async () => {
    const gate = gatedRun();
    const server = await start(gate.run);
    const events = await openEventStream(new URL('/api/events', server.url).href);

    await postRun(server, { csvPath: 'missing.csv' });
    gate.fail(new PlaygroundConfigError('Cannot read the CSV at /home/me/missing.csv (ENOENT)'));
    await server.idle();
    const [, failed] = await events.next(2);
    events.close();
    const next = await postRun(server, { csv: 'leads.csv' });
    gate.finish();

    expect(gate.calls[0]?.csvPath).toBe('/home/me/missing.csv');
    expect(failed).toMatchObject({
      type: 'run-failed',
      runId: 1,
      kind: 'configuration',
      message: 'Cannot read the CSV at /home/me/missing.csv (ENOENT)',
    });
    expect(next.status).toBe(202);
  });

  it.each([
    [{ csv: 'nope.csv' }, {}, 400],
    [{ csv: 'leads.csv', seed: 'seven' }, {}, 400],
    [{ csv: 'leads.csv' }, { 'content-type': 'text/plain' }, 415],
    [{ csv: 'leads.csv' }, { origin: 'http://attacker.example' }, 403],
  ])('rejects %j with headers %j', async (body, headers, status) => {
    const gate = gatedRun();
    const server = await start(gate.run);

    const response = await postRun(server, body, headers);

    expect(response.status).toBe(status);
    expect(gate.calls).toHaveLength(0);
  });

  it('answers 404 for the report before any run and 405 for GET /api/runs', async () => {
    const server = await start(gatedRun().run);

    const report = await fetch(new URL('/api/report', server.url));
    const runs = await fetch(new URL('/api/runs', server.url));

    expect(report.status).toBe(404);
    expect(await report.json()).toEqual({ error: 'No run has finished yet; start one first.' });
    expect(runs.status).toBe(405);
    expect(runs.headers.get('allow')).toBe('POST');
  });
});
