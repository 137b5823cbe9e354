import type { ClientEvents } from '@patchbay/core';
import type { ReceiveResult } from '@patchbay/webhooks';
import type { ProgressSink } from '../run/progress.js';
import type { PlaygroundOptions } from '../run/run-playground.js';
import type { DashboardEventBody, Service, Workflow } from './dashboard-events.js';

/** The progress sink and observe hooks of one run, turned into dashboard events. */
export interface RunObserver {
  progress: ProgressSink;
  observe: NonNullable<PlaygroundOptions['observe']>;
}

/**
 * Turns a run's progress steps, client events and webhook results into dashboard events.
 * Errors become their messages, so every event survives `JSON.stringify`.
 */
export function observeRun(publish: (event: DashboardEventBody) => void): RunObserver {
  let workflow: Workflow | undefined;
  let nextStepId = 1;

  const progress: ProgressSink = {
    line: (text) => publish({ type: 'line', text }),
    step(label, total) {
      const stepId = nextStepId;
      nextStepId += 1;
      let advanced = 0;
      publish({ type: 'step', stepId, workflow, label, total });
      return {
        advance(by = 1) {
          advanced += by;
          publish({ type: 'step-progress', stepId, advanced });
        },
        done: (summary) => publish({ type: 'step-done', stepId, advanced, summary }),
      };
    },
  };

  return {
    progress,
    observe: {
      workflow(name) {
        workflow = name;
        publish({ type: 'workflow', workflow: name });
      },
      client(service, name, event) {
        const body = clientEventBody(service, name, event);
        if (body) publish(body);
      },
      webhook: (source, result) => publish(webhookEventBody(source, result)),
    },
  };
}

/** Converts one core client event, or returns undefined for events the dashboard does not show. */
export function clientEventBody(
  service: Service,
  name: string,
  event: unknown,
): DashboardEventBody | undefined {
  switch (name) {
    case 'request': {
      const { callId, attempt, method, url, operation, bucket } = event as ClientEvents['request'];
      return { type: 'request', service, callId, attempt, method, url, operation, bucket };
    }
    case 'response': {
      const { callId, attempt, status, durationMs } = event as ClientEvents['response'];
      return { type: 'response', service, callId, attempt, status, durationMs };
    }
    case 'retry': {
      const { callId, attempt, reason, delayMs, delaySource, error } = event as ClientEvents['retry'];
      return {
        type: 'retry',
        service,
        callId,
        attempt,
        reason,
        delayMs,
        delaySource,
        message: error.message,
      };
    }
    case 'error': {
      const { callId, attempts, error } = event as ClientEvents['error'];
      return { type: 'call-error', service, callId, attempts, message: error.message };
    }
    case 'rate-limited': {
      const { bucket, waitMs, reason } = event as ClientEvents['rate-limited'];
      return { type: 'rate-limited', service, bucket, waitMs, reason };
    }
    case 'limiter-usage': {
      const { bucket, used, limit, windowMs } = event as ClientEvents['limiter-usage'];
      return { type: 'limiter-usage', service, bucket, used, limit, windowMs };
    }
    case 'limiter-paused': {
      const { bucket, untilMs, reason } = event as ClientEvents['limiter-paused'];
      return {
        type: 'limiter-paused',
        service,
        bucket,
        pausedForMs: Math.max(0, untilMs - Date.now()),
        reason,
      };
    }
    case 'breaker-state': {
      const { from, to, reason } = event as ClientEvents['breaker-state'];
      return { type: 'breaker-state', service, from, to, reason };
    }
    default:
      return undefined;
  }
}

/** Converts one webhook receiver result. */
export function webhookEventBody(source: Service, result: ReceiveResult): DashboardEventBody {
  if (result.outcome === 'rejected') {
    return {
      type: 'webhook',
      source,
      status: result.status,
      outcome: 'rejected',
      reason: result.reason,
      message: errorMessage(result.error),
    };
  }
  return {
    type: 'webhook',
    source,
    status: result.status,
    outcome: 'verified',
    events: result.events.map((event) => ({
      id: event.id,
      eventType: event.type,
      outcome: event.outcome,
      error: event.error === undefined ? undefined : errorMessage(event.error),
    })),
  };
}

function errorMessage(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
