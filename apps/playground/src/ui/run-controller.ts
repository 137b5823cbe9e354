import { type Logger, silentLogger } from '@patchbay/core';
import { summarizeReport } from '../report/render-report.js';
import type { RunReport } from '../report/run-report.js';
import { writeReports } from '../report/write-reports.js';
import type { PlaygroundOptions } from '../run/run-playground.js';
import { PlaygroundConfigError } from '../services/run-mode.js';
import type { RunSettings } from './dashboard-events.js';
import type { EventStream } from './event-stream.js';
import { observeRun } from './run-observer.js';

/** Options every dashboard run shares. The page chooses the CSV, chaos and seed. */
export type SharedRunOptions = Omit<PlaygroundOptions, 'csvPath' | 'chaos' | 'seed' | 'progress' | 'observe'>;

export interface RunControllerOptions {
  stream: EventStream;
  /** Folder for each run's JSON and Markdown reports. */
  reportDir: string;
  shared?: SharedRunOptions;
  /** Function that runs the workflows: `runPlayground`, or a stand-in in tests. */
  run: (options: PlaygroundOptions) => Promise<RunReport>;
  logger?: Logger;
}

/** The latest run, as `GET /api/state` returns it. */
export interface RunRecord {
  runId: number;
  settings: RunSettings;
  state: 'running' | 'finished' | 'failed';
  report?: RunReport;
  reportPath?: string;
  error?: string;
}

/** Runs the playground for the dashboard, one run at a time, and publishes its events. */
export class RunController {
  readonly #options: RunControllerOptions;
  readonly #logger: Logger;
  #latest: RunRecord | undefined;
  #current: Promise<void> = Promise.resolve();
  #nextRunId = 1;

  constructor(options: RunControllerOptions) {
    this.#options = options;
    this.#logger = options.logger ?? silentLogger;
  }

  get running(): boolean {
    return this.#latest?.state === 'running';
  }

  get latest(): RunRecord | undefined {
    return this.#latest;
  }

  /** Starts a run and returns its id, or undefined while another run is in progress. */
  start(settings: RunSettings): number | undefined {
    if (this.running) return undefined;
    const runId = this.#nextRunId;
    this.#nextRunId += 1;
    this.#latest = { runId, settings, state: 'running' };
    this.#current = this.#execute(this.#latest);
    return runId;
  }

  /** Resolves when no run is in progress. */
  idle(): Promise<void> {
    return this.#current;
  }

  async #execute(record: RunRecord): Promise<void> {
    const { stream, shared, reportDir, run } = this.#options;
    const { runId, settings } = record;
    const startedAt = new Date().toISOString();
    stream.publish({ type: 'run-started', runId, startedAt, settings });
    this.#logger.info({ runId, ...settings }, `Dashboard run ${runId} started on ${settings.csvPath}.`);

    const observer = observeRun((event) => stream.publish(event));
    try {
      const report = await run({ ...shared, ...settings, ...observer });
      const reportPath = await writeReports(report, reportDir);
      Object.assign(record, { state: 'finished', report, reportPath });
      stream.publish({
        type: 'run-finished',
        runId,
        everyRowAccountedFor: report.everyRowAccountedFor,
        summary: summarizeReport(report),
        reportPath,
      });
      this.#logger.info(
        { runId, reportPath, everyRowAccountedFor: report.everyRowAccountedFor },
        `Dashboard run ${runId} finished; report at ${reportPath}.`,
      );
    } catch (error) {
      const configuration = error instanceof PlaygroundConfigError;
      const message = error instanceof Error ? error.message : String(error);
      Object.assign(record, { state: 'failed', error: message });
      stream.publish({ type: 'run-failed', runId, kind: configuration ? 'configuration' : 'error', message });
      this.#logger.error({ runId, error }, `Dashboard run ${runId} failed: ${message}`);
    }
  }
}
