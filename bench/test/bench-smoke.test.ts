import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const benchDir = fileURLToPath(new URL('..', import.meta.url));
const outDir = mkdtempSync(join(tmpdir(), 'patchbay-bench-smoke-'));
const jsonPath = join(outDir, 'latest.json');
const markdownPath = join(outDir, 'BENCHMARKS.md');

// The result file is plain JSON, so its runs are typed loosely.
type Runs = Array<Record<string, any>>;
let results: Record<string, any>;
let markdown: string;

beforeAll(async () => {
  // The harness runs clients from the packages' built dist, as `pnpm bench` does after its build.
  await promisify(execFile)(
    process.execPath,
    ['src/run-bench.mjs', '--profile', 'smoke', '--out', jsonPath, '--markdown', markdownPath],
    { cwd: benchDir, maxBuffer: 16 * 1024 * 1024 },
  );
  results = JSON.parse(readFileSync(jsonPath, 'utf8'));
  markdown = readFileSync(markdownPath, 'utf8');
}, 170_000);

afterAll(() => {
  rmSync(outDir, { recursive: true, force: true });
});

describe('bench smoke run', () => {
  it('records machine and versions', () => {
    expect(results.machine.cores).toBeGreaterThan(0);
    expect(results.machine.node).toBe(process.version);
    for (const name of ['stripe', '@hubspot/api-client', 'bottleneck', 'p-queue', '@patchbay/core']) {
      expect(results.versions[name]).toMatch(/^\d+\.\d+\.\d+/);
    }
  });

  it('measures every overhead client', () => {
    const endpoints = results.suites.overhead.endpoints;
    expect(Object.keys(endpoints)).toEqual(['stripe-get', 'hubspot-get', 'hubspot-batch']);
    for (const endpoint of Object.values<Record<string, any>>(endpoints)) {
      expect(Object.keys(endpoint.clients)).toContain('patchbay');
      for (const runs of Object.values<Runs>(endpoint.clients)) {
        expect(runs).toHaveLength(1);
        expect(runs[0]?.throughput.requestsPerSecond).toBeGreaterThan(0);
        expect(runs[0]?.throughput.cpuUsPerRequest).toBeGreaterThan(0);
        expect(runs[0]?.sequential.medianUs).toBeGreaterThan(0);
        expect(runs[0]?.peakRssBytes).toBeGreaterThan(0);
      }
    }
  });

  it('keeps the Patchbay limiter at zero 429s', () => {
    const { settings, servers } = results.suites.rateLimit;
    for (const window of ['fixed', 'rolling']) {
      const [run] = servers[window].libraries.patchbay as Runs;
      expect(run?.admitted).toBe(settings.requests);
      expect(run?.tooManyRequests).toBe(0);
      expect(run?.fractionOfIdeal).toBeGreaterThan(0.5);
      expect(run?.fractionOfIdeal).toBeLessThan(1.1);
    }
    for (const library of ['bottleneck', 'p-queue']) {
      expect((servers.rolling.libraries[library] as Runs)[0]?.admitted).toBe(settings.requests);
    }
  });

  it('verifies every webhook scheme', () => {
    const schemes = results.suites.webhooks.schemes;
    expect(Object.keys(schemes)).toEqual(['stripe', 'hubspot', 'standard', 'github']);
    for (const scheme of Object.values<Record<string, any>>(schemes)) {
      for (const name of ['raw', 'raw-parse', 'patchbay', 'patchbay-parse']) {
        expect((scheme.implementations[name] as Runs)[0]?.perSecond).toBeGreaterThan(0);
      }
    }
  });

  it('samples memory at every step', () => {
    const { settings, runs } = results.suites.memory;
    for (const kind of ['client', 'receiver']) {
      expect(runs[kind].samples).toHaveLength(settings.total / settings.every + 1);
      expect(runs[kind].samples.at(-1).heapUsedBytes).toBeGreaterThan(0);
    }
    expect(runs.receiver.samples.at(-1).storeEntries).toBe(settings.total);
  });

  it('syncs leads without 429s', () => {
    const { settings, runs } = results.suites.leadSync;
    const [run] = runs as Runs;
    expect(run?.tooManyRequests).toBe(0);
    expect(run?.otherFailures).toBe(0);
    expect(run?.contacts.failed).toBe(0);
    expect(run?.breakdown['POST /crm/v3/objects/contacts/batch/upsert']).toBe(
      Math.ceil(settings.leads / 100),
    );
  });

  it('measures the Redis limiters', () => {
    const { acquisitions, rolling, settings } = results.suites.redis;
    for (const processes of settings.processes) {
      for (const runs of Object.values<Runs>(acquisitions[processes])) {
        expect(runs[0]?.perSecond).toBeGreaterThan(0);
      }
    }
    const [run] = rolling['patchbay-redis'] as Runs;
    expect(run?.admitted).toBe(settings.rolling.requests);
    expect(run?.tooManyRequests).toBe(0);
  });

  it('renders every section without gaps', () => {
    for (const heading of ['## Targets', '## Client overhead', '## Rate-limit utilisation', '## Lead sync']) {
      expect(markdown).toContain(heading);
    }
    expect(markdown).not.toMatch(/NaN|undefined|\[object Object\]/);
  });

  it('measures Patchbay on undici', () => {
    // Core's Node build defaults to the undici transport, and the overhead numbers assume it.
    for (const endpoint of Object.values<Record<string, any>>(results.suites.overhead.endpoints)) {
      expect((endpoint.clients.patchbay as Runs)[0]?.transport).toBe('undici');
    }
  });
});
