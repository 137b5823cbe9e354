import { PatchbayError } from '@patchbay/core';
import { describe, expect, it } from 'vitest';
import type { DashboardEventBody } from './dashboard-events.js';
import { observeRun } from './run-observer.js';

function recordRun() {
  const events: DashboardEventBody[] = [];
  const observer = observeRun((event) => events.push(event));
  return { events, observer };
}

const call = {
  service: 'hubspot',
  callId: 4,
  operation: 'contacts.batch.upsert',
  method: 'POST',
  url: 'http://127.0.0.1:1/crm',
};

describe('observeRun', () => {
  it('files each step under the workflow that started last', () => {
    const { events, observer } = recordRun();

    observer.observe.workflow?.('lead-sync');
    const contacts = observer.progress.step('Upserting contacts', 3);
    contacts.advance();
    contacts.advance(2);
    contacts.done('3 created');
    observer.observe.workflow?.('invoicing');
    observer.progress.step('Invoicing won deals', 1);
    observer.progress.line('Payment outcomes by webhook: 1 paid');

    expect(events).toEqual([
      { type: 'workflow', workflow: 'lead-sync' },
      { type: 'step', stepId: 1, workflow: 'lead-sync', label: 'Upserting contacts', total: 3 },
      { type: 'step-progress', stepId: 1, advanced: 1 },
      { type: 'step-progress', stepId: 1, advanced: 3 },
      { type: 'step-done', stepId: 1, advanced: 3, summary: '3 created' },
      { type: 'workflow', workflow: 'invoicing' },
      { type: 'step', stepId: 2, workflow: 'invoicing', label: 'Invoicing won deals', total: 1 },
      { type: 'line', text: 'Payment outcomes by webhook: 1 paid' },
    ]);
  });

  it('keeps the fields of client events and replaces errors by their messages', () => {
    const { events, observer } = recordRun();
    const error = new PatchbayError('HubSpot answered 429', { category: 'rate_limit' });

    observer.observe.client?.('hubspot', 'request', { ...call, attempt: 1, bucket: 'default' });
    observer.observe.client?.('hubspot', 'response', {
      ...call,
      attempt: 1,
      status: 429,
      durationMs: 12,
      requestId: 'r1',
    });
    observer.observe.client?.('hubspot', 'retry', {
      ...call,
      attempt: 1,
      delayMs: 10_000,
      delaySource: 'retry-after',
      reason: 'rate_limit 429',
      error,
    });
    observer.observe.client?.('hubspot', 'error', { ...call, attempts: 3, error });
    observer.observe.client?.('stripe', 'limiter-usage', {
      service: 'stripe',
      bucket: 'write',
      used: 5,
      limit: 25,
      windowMs: 1000,
    });
    observer.observe.client?.('stripe', 'breaker-state', {
      service: 'stripe',
      from: 'closed',
      to: 'open',
      reason: '5 consecutive failures',
    });
    observer.observe.client?.('stripe', 'rate-limited', {
      service: 'stripe',
      bucket: 'write',
      waitMs: 40,
      reason: 'limit',
    });
    observer.observe.client?.('stripe', 'token-refreshed', { service: 'stripe' });

    expect(events).toEqual([
      {
        type: 'request',
        service: 'hubspot',
        callId: 4,
        attempt: 1,
        method: 'POST',
        url: call.url,
        operation: call.operation,
        bucket: 'default',
      },
      { type: 'response', service: 'hubspot', callId: 4, attempt: 1, status: 429, durationMs: 12 },
      {
        type: 'retry',
        service: 'hubspot',
        callId: 4,
        attempt: 1,
        reason: 'rate_limit 429',
        delayMs: 10_000,
        delaySource: 'retry-after',
        message: 'HubSpot answered 429',
      },
      { type: 'call-error', service: 'hubspot', callId: 4, attempts: 3, message: 'HubSpot answered 429' },
      { type: 'limiter-usage', service: 'stripe', bucket: 'write', used: 5, limit: 25, windowMs: 1000 },
      {
        type: 'breaker-state',
        service: 'stripe',
        from: 'closed',
        to: 'open',
        reason: '5 consecutive failures',
      },
      { type: 'rate-limited', service: 'stripe', bucket: 'write', waitMs: 40, reason: 'limit' },
    ]);
    expect(JSON.parse(JSON.stringify(events))).toEqual(events);
  });

  it('turns a pause end time into its remaining duration', () => {
    const { events, observer } = recordRun();

    observer.observe.client?.('hubspot', 'limiter-paused', {
      service: 'hubspot',
      bucket: 'default',
      untilMs: Date.now() + 10_000,
      reason: 'retry-after',
    });

    const paused = events[0] as Extract<DashboardEventBody, { type: 'limiter-paused' }>;
    expect(paused.pausedForMs).toBeGreaterThan(9_000);
    expect(paused.pausedForMs).toBeLessThanOrEqual(10_000);
  });

  it('reports rejected and verified webhooks', () => {
    const { events, observer } = recordRun();

    observer.observe.webhook?.('stripe', {
      outcome: 'rejected',
      status: 401,
      reason: 'signature_mismatch',
      error: new Error('No signature matches the payload'),
    });
    observer.observe.webhook?.('hubspot', {
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
        { outcome: 'handled', id: '1', type: 'contact.creation', durationMs: 2 },
        { outcome: 'failed', id: '2', type: 'contact.creation', error: new Error('HubSpot is down') },
        { outcome: 'invalid', id: undefined, type: undefined, error: 'objectId: expected number' },
      ],
    });

    expect(events[0]).toEqual({
      type: 'webhook',
      source: 'stripe',
      status: 401,
      outcome: 'rejected',
      reason: 'signature_mismatch',
      message: 'No signature matches the payload',
    });
    expect(events[1]).toEqual({
      type: 'webhook',
      source: 'hubspot',
      status: 500,
      outcome: 'verified',
      events: [
        { id: '1', eventType: 'contact.creation', outcome: 'handled', error: undefined },
        { id: '2', eventType: 'contact.creation', outcome: 'failed', error: 'HubSpot is down' },
        { id: undefined, eventType: undefined, outcome: 'invalid', error: 'objectId: expected number' },
      ],
    });
  });
});
