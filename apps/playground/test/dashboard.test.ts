import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { type BrowserContext, chromium, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { summarizeReport } from '../src/report/render-report.js';
import type { RunReport } from '../src/report/run-report.js';
import type { PlaygroundOptions } from '../src/run/run-playground.js';
import { contentSecurityPolicy, startUiServer, type UiServer } from '../src/ui/ui-server.js';
import {
  limitChartPoints,
  lowContrastText,
  retryReasonsOnPage,
  summaryOnPage,
} from './support/dashboard-page.js';
import { sampleReport } from './support/sample-report.js';

const chromiumPath = '/usr/bin/chromium';
const packageDir = fileURLToPath(new URL('..', import.meta.url));
const dataDir = join(packageDir, 'data');
const scratch = mkdtempSync(join(tmpdir(), 'playground-dashboard-'));

const missingChromium = `${chromiumPath} is missing. The dashboard test drives Debian's chromium package, which .ci/run installs; install it with apt-get install chromium.`;
let context: BrowserContext | undefined;

beforeAll(async () => {
  // Without Chromium every test fails with `missingChromium` instead of being skipped.
  if (!existsSync(chromiumPath)) return;
  // No --user-data-dir argument: Playwright takes the profile folder as the first parameter here.
  context = await chromium.launchPersistentContext(mkdtempSync(join(scratch, 'profile-')), {
    executablePath: chromiumPath,
    headless: true,
    viewport: { width: 1280, height: 900 },
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  });
}, 30_000);

afterAll(async () => {
  await context?.close();
  rmSync(scratch, { recursive: true, force: true });
});

/** Opens the dashboard and records every request to another origin and every page error. */
async function openDashboard(server: UiServer) {
  if (!context) throw new Error(missingChromium);
  const page = await context.newPage();
  const foreignRequests: string[] = [];
  const pageErrors: string[] = [];
  page.on('request', (request) => {
    if (!request.url().startsWith(server.url)) foreignRequests.push(request.url());
  });
  page.on('pageerror', (error) => pageErrors.push(error.message));
  page.on('console', (message) => {
    if (message.type() === 'error') pageErrors.push(message.text());
  });
  const response = await page.goto(server.url);
  await page.waitForSelector('body[data-stream="open"]');
  return { page, response, foreignRequests, pageErrors };
}

/** Starts a run with the page's form (`submit` clicks or presses the button) and waits for its end. */
async function runFromPage(
  page: Page,
  submit: () => Promise<void>,
  afterStart?: (runId: number) => Promise<void>,
) {
  const [response] = await Promise.all([
    page.waitForResponse((candidate) => candidate.url().endsWith('/api/runs')),
    submit(),
  ]);
  expect(response.status()).toBe(202);
  const { runId } = (await response.json()) as { runId: number };
  await page.locator(`#run-status[data-run-id="${runId}"]`).waitFor();
  await afterStart?.(runId);
  const status = page.locator(
    `#run-status[data-run-id="${runId}"]:is([data-state=finished], [data-state=failed])`,
  );
  await status.waitFor({ timeout: 80_000 });
  // The charts redraw on the next animation frame after the last event.
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
  return runId;
}

function readLatestReport(reportDir: string): RunReport {
  return JSON.parse(readFileSync(join(reportDir, 'latest.json'), 'utf8')) as RunReport;
}

describe('dashboard on the fakes', () => {
  const reportDir = join(scratch, 'reports');
  let server: UiServer;

  beforeAll(async () => {
    server = await startUiServer({
      port: 0,
      dataDir,
      invokedFrom: scratch,
      reportDir,
      defaults: { csvPath: join(dataDir, 'leads.csv'), chaos: false, seed: 7 },
    });
  });

  afterAll(async () => {
    await server?.idle();
    await server?.close();
  });

  it('shows the steps, requests and summary of a run', async () => {
    const { page, response, foreignRequests, pageErrors } = await openDashboard(server);
    expect(response?.headers()['content-security-policy']).toBe(contentSecurityPolicy);
    expect(await page.inputValue('#csv-select')).toBe('leads.csv');

    await page.selectOption('#csv-select', 'messy-leads.csv');
    await runFromPage(page, () => page.click('#start'));
    const report = readLatestReport(reportDir);

    expect(report.csv).toBe(join(dataDir, 'messy-leads.csv'));
    expect(await page.getAttribute('#run-status', 'data-state')).toBe('finished');
    const summary = await summaryOnPage(page);
    expect(summary.rows).toEqual(summarizeReport(report).rows);
    expect(summary.rows).toContainEqual(['rows read', String(report.rows.read)]);
    expect(summary.rows).toContainEqual([
      'contacts created / updated',
      `${report.contacts.created} / ${report.contacts.updated}`,
    ]);
    expect(summary.rows).toContainEqual([
      'HTTP attempts (HubSpot / Stripe)',
      `${report.http.hubspot.attempts} / ${report.http.stripe.attempts}`,
    ]);
    expect(summary.verdict).toBe('Every row is accounted for.');

    const contacts = page.locator('[data-workflow="lead-sync"] .step', { hasText: 'Upserting contacts' });
    expect(await contacts.locator('.step-count').textContent()).toBe(
      `${report.contacts.created} / ${report.rows.accepted}`,
    );
    expect(await contacts.locator('.step-summary').textContent()).toBe(
      `${report.contacts.created} created, 0 updated, 0 failed`,
    );
    // No lead in the messy CSV is won, so invoicing ends before its first step.
    expect(report.invoices.dealsWon).toBe(0);
    expect(await page.locator('[data-workflow="invoicing"] .step').count()).toBe(0);
    expect(await page.getAttribute('[data-workflow="invoicing"]', 'data-state')).toBe('done');

    expect(await page.locator('.timeline[data-service="hubspot"] .attempt').count()).toBe(
      report.http.hubspot.attempts,
    );
    expect(await page.locator('.attempt[data-status="200"]').count()).toBeGreaterThan(0);
    expect(await page.locator('.webhook').count()).toBe(
      report.webhooks.hubspot.requests + report.webhooks.stripe.requests,
    );
    expect(await page.textContent('#breaker-hubspot')).toBe('closed');
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);

  it('explains a configuration error', async () => {
    const { page } = await openDashboard(server);
    const missing = join(scratch, 'no-such-leads.csv');

    await page.fill('#csv-path', missing);
    await runFromPage(page, () => page.click('#start'));

    expect(await page.getAttribute('#run-status', 'data-state')).toBe('failed');
    expect(await page.textContent('#run-failure strong')).toBe('Configuration error');
    expect(await page.textContent('#run-failure li')).toBe(
      `Cannot read the CSV at ${missing} (ENOENT); pass --csv with the path of a readable CSV file.`,
    );
    expect(await page.isEnabled('#start')).toBe(true);
    await page.close();
  }, 30_000);

  it('shows the retries and limiter usage of a chaos run', async () => {
    const lines = readFileSync(join(dataDir, 'leads.csv'), 'utf8').split('\r\n');
    const subset = join(scratch, 'leads-150.csv');
    writeFileSync(subset, `${lines.slice(0, 151).join('\r\n')}\r\n`);
    const { page, foreignRequests, pageErrors } = await openDashboard(server);

    await page.fill('#csv-path', subset);
    await page.check('#chaos');
    await page.fill('#seed', '11');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('start');
    expect(await page.$eval('#start', (button) => getComputedStyle(button).outlineStyle)).toBe('solid');
    await runFromPage(
      page,
      () => page.keyboard.press('Enter'),
      async () => {
        expect(await page.isDisabled('#start')).toBe(true);
        const second = await fetch(new URL('/api/runs', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ csv: 'leads.csv' }),
        });
        expect(second.status).toBe(409);
      },
    );
    const report = readLatestReport(reportDir);

    expect(report.chaos).toBe(true);
    expect(report.csv).toBe(subset);
    expect((await summaryOnPage(page)).rows).toEqual(summarizeReport(report).rows);
    const invoicing = page.locator('[data-workflow="invoicing"] .step', { hasText: 'Invoicing won deals' });
    expect(await invoicing.locator('.step-count').textContent()).toBe(
      `${report.invoices.dealsWon} / ${report.invoices.dealsWon}`,
    );
    const retries = report.http.hubspot.retries + report.http.stripe.retries;
    expect(retries).toBeGreaterThan(0);
    expect(await retryReasonsOnPage(page, 'hubspot')).toEqual(report.http.hubspot.retryReasons);
    expect(await retryReasonsOnPage(page, 'stripe')).toEqual(report.http.stripe.retryReasons);
    expect(await page.locator('.attempt .retry-detail').count()).toBe(retries);

    const points = await limitChartPoints(page);
    expect(points.length).toBeGreaterThan(0);
    for (const point of points) {
      expect(point.used).toBeLessThanOrEqual(point.limit);
      // SVG y grows downwards: a point at or under the limit line has a y at or below the line's.
      expect(point.cy).toBeGreaterThanOrEqual(point.limitY - 0.001);
      expect(point.overLimit).toBe(false);
    }
    expect(await lowContrastText(page)).toEqual([]);

    mkdirSync(join(packageDir, 'test-artifacts'), { recursive: true });
    await page.screenshot({ path: join(packageDir, 'test-artifacts', 'dashboard.png'), fullPage: true });
    // The README's screenshot is refreshed only on request, so a test run leaves the tree clean.
    if (process.env.UPDATE_SCREENSHOTS === '1') {
      await page.screenshot({ path: join(packageDir, 'docs', 'dashboard.png'), fullPage: true });
    }

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    expect(foreignRequests).toEqual([]);
    expect(pageErrors).toEqual([]);
    await page.close();
  }, 90_000);
});

describe('dashboard with a stand-in run', () => {
  const reportDir = join(scratch, 'stand-in-reports');
  let release: () => void = () => {};
  let outcome: 'unaccounted' | 'crash' = 'unaccounted';
  let server: UiServer;

  /** Reports what real runs rarely produce: an open breaker, a rejected webhook, usage over the limit. */
  async function standInRun(options: PlaygroundOptions): Promise<RunReport> {
    const observe = options.observe!;
    observe.workflow?.('lead-sync');
    const step = options.progress.step('Upserting contacts', 2);
    step.advance();

    observe.client?.('hubspot', 'breaker-state', {
      service: 'hubspot',
      from: 'closed',
      to: 'open',
      reason: '5 consecutive failures',
    });
    observe.client?.('stripe', 'limiter-usage', {
      service: 'stripe',
      bucket: 'write',
      used: 30,
      limit: 25,
      windowMs: 1000,
    });

    observe.webhook?.('stripe', {
      outcome: 'rejected',
      status: 401,
      reason: 'signature_mismatch',
      error: new Error('No signature matches the payload'),
    });
    observe.webhook?.('hubspot', {
      outcome: 'verified',
      status: 500,
      verification: {
        scheme: 'hubspot',
        secretIndex: 0,
        secretLabel: undefined,
        timestamp: undefined,
        webhookId: undefined,
      },
      events: [
        { outcome: 'handled', id: '1', type: 'contact.creation' },
        { outcome: 'duplicate', id: '2', type: 'contact.creation' },
        { outcome: 'failed', id: '3', type: 'contact.creation', error: new Error('HubSpot is down') },
      ],
    });

    await new Promise<void>((resolve) => {
      release = resolve;
    });
    if (outcome === 'crash') throw new Error('The Stripe fake stopped answering');
    step.done('1 created, 0 updated, 1 failed');
    return {
      ...sampleReport(),
      everyRowAccountedFor: false,
      problems: ['Line 7 is neither a contact nor a rejection.'],
    };
  }

  beforeAll(async () => {
    server = await startUiServer({
      port: 0,
      dataDir,
      invokedFrom: scratch,
      reportDir,
      defaults: { csvPath: join(dataDir, 'messy-leads.csv'), chaos: false, seed: 7 },
      run: standInRun,
    });
  });

  afterAll(async () => {
    release();
    await server?.idle();
    await server?.close();
  });

  it('shows rare states and unaccounted rows', async () => {
    const { page } = await openDashboard(server);

    await runFromPage(
      page,
      () => page.click('#start'),
      async () => {
        await page.locator('.webhook[data-outcome="verified"]').waitFor();
        expect(await page.isDisabled('#start')).toBe(true);
        const second = await fetch(new URL('/api/runs', server.url), {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ csv: 'leads.csv' }),
        });
        expect(second.status).toBe(409);
        expect(await page.getAttribute('#breaker-hubspot', 'data-state')).toBe('open');
        expect(await page.textContent('#breaker-stripe')).toBe('closed');
        release();
      },
    );

    expect(await page.textContent('#breaker-hubspot')).toBe('open');
    expect(await page.textContent('#breaker-note')).toContain('5 consecutive failures');
    const rejected = page.locator('.webhook[data-outcome="rejected"]');
    expect(await rejected.getAttribute('data-reason')).toBe('signature_mismatch');
    expect(await rejected.locator('.detail').textContent()).toBe('No signature matches the payload');
    expect(await page.getAttribute('.webhook[data-outcome="verified"]', 'data-event-outcomes')).toBe(
      'handled duplicate failed',
    );
    expect(await page.textContent('#webhook-counts')).toBe(
      '2 requests: 1 verified, 1 rejected. Events: 1 handled, 1 duplicate, 1 failed.',
    );
    const points = await limitChartPoints(page);
    expect(points).toHaveLength(1);
    expect(points[0]?.overLimit).toBe(true);
    expect(points[0]?.cy).toBeLessThan(points[0]?.limitY ?? 0);

    expect(await page.getAttribute('#run-status', 'data-state')).toBe('failed');
    expect(await page.textContent('#run-failure strong')).toBe('The run does not add up');
    expect(await page.textContent('#run-failure li')).toBe('Line 7 is neither a contact nor a rejection.');
    expect((await summaryOnPage(page)).verdict).toBe(
      'Problems: Line 7 is neither a contact nor a rejection.',
    );
    await page.close();
  }, 30_000);

  it('shows the error of a run that throws', async () => {
    outcome = 'crash';
    const { page } = await openDashboard(server);

    await runFromPage(
      page,
      () => page.click('#start'),
      async () => {
        await page.locator('.webhook[data-outcome="verified"]').waitFor();
        release();
      },
    );

    expect(await page.textContent('#run-failure strong')).toBe('The run failed');
    expect(await page.textContent('#run-failure li')).toBe('The Stripe fake stopped answering');
    expect(await page.getAttribute('[data-workflow="lead-sync"]', 'data-state')).toBe('stopped');
    expect(await page.textContent('#summary-empty')).toBe(
      'The run stopped before it finished, so there is no summary.',
    );
    await page.close();
  }, 30_000);
});
