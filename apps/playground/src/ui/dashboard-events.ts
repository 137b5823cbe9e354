import type { BreakerState } from '@patchbay/core';
import type { EventOutcomeKind, RejectionReason } from '@patchbay/webhooks';
import type { RunSummary } from '../report/render-report.js';

export type Service = 'hubspot' | 'stripe';
export type Workflow = 'lead-sync' | 'invoicing';

/** Form values of one run, as the page posts them. */
export interface RunSettings {
  /** Absolute path of the CSV. */
  csvPath: string;
  chaos: boolean;
  seed: number;
}

/** A dashboard event before `EventStream.publish` adds its `id` and `atMs`. */
export type DashboardEventBody =
  | { type: 'run-started'; runId: number; startedAt: string; settings: RunSettings }
  | { type: 'workflow'; workflow: Workflow }
  | { type: 'step'; stepId: number; workflow: Workflow | undefined; label: string; total: number }
  | { type: 'step-progress'; stepId: number; advanced: number }
  | { type: 'step-done'; stepId: number; advanced: number; summary: string }
  | { type: 'line'; text: string }
  | {
      type: 'request';
      service: Service;
      callId: number;
      attempt: number;
      method: string;
      url: string;
      operation: string | undefined;
      bucket: string;
    }
  | {
      type: 'response';
      service: Service;
      callId: number;
      attempt: number;
      status: number;
      durationMs: number;
    }
  | {
      type: 'retry';
      service: Service;
      callId: number;
      /** The attempt that failed. */
      attempt: number;
      reason: string;
      delayMs: number;
      delaySource: 'backoff' | 'retry-after' | 'none';
      message: string;
    }
  | { type: 'call-error'; service: Service; callId: number; attempts: number; message: string }
  | { type: 'rate-limited'; service: Service; bucket: string; waitMs: number; reason: string }
  | { type: 'limiter-usage'; service: Service; bucket: string; used: number; limit: number; windowMs: number }
  | { type: 'limiter-paused'; service: Service; bucket: string; pausedForMs: number; reason: string }
  | { type: 'breaker-state'; service: Service; from: BreakerState; to: BreakerState; reason: string }
  | {
      type: 'webhook';
      source: Service;
      status: number;
      outcome: 'rejected';
      reason: RejectionReason;
      message: string;
    }
  | {
      type: 'webhook';
      source: Service;
      status: number;
      outcome: 'verified';
      events: Array<{
        id: string | undefined;
        eventType: string | undefined;
        outcome: EventOutcomeKind;
        error: string | undefined;
      }>;
    }
  | {
      type: 'run-finished';
      runId: number;
      everyRowAccountedFor: boolean;
      summary: RunSummary;
      /** Path of the JSON report the run wrote. */
      reportPath: string;
    }
  | {
      type: 'run-failed';
      runId: number;
      /** `configuration` for a configuration error, which stops a run before any request. */
      kind: 'configuration' | 'error';
      message: string;
    };

/** One server-sent event: a body, the sequence number and milliseconds since the run started. */
export type DashboardEvent = DashboardEventBody & { id: number; atMs: number };
