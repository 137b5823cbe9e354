import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  createStandardWebhooksVerifier,
  createWebhookSender,
  type WebhookSender,
  type WebhookSenderEvents,
} from '../src/index.js';
import { type ScriptedEndpoint, startScriptedEndpoint } from './scripted-endpoint.js';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const startMs = 1_700_000_000_000;

function nextEvent<K extends keyof WebhookSenderEvents>(
  sender: WebhookSender,
  type: K,
  predicate: (event: WebhookSenderEvents[K]) => boolean = () => true,
): Promise<WebhookSenderEvents[K]> {
  return new Promise((resolve) => {
    const off = sender.events.on(type, (event) => {
      if (!predicate(event)) return;
      off();
      resolve(event);
    });
  });
}

let endpoint: ScriptedEndpoint | undefined;
let sender: WebhookSender | undefined;

beforeEach(() => {
  // Only timers and Date are faked; sockets and setImmediate stay real so HTTP still flows.
  vi.useFakeTimers({ toFake: ['setTimeout', 'clearTimeout', 'Date'] });
  vi.setSystemTime(startMs);
});

afterEach(async () => {
  await sender?.close();
  await endpoint?.close();
  sender = undefined;
  endpoint = undefined;
  vi.useRealTimers();
});

describe('webhook sender retries', () => {
  it('retries 503, 503, timeout, 200 with one id, one body and fresh signatures', async () => {
    endpoint = await startScriptedEndpoint([{ status: 503 }, { status: 503 }, 'hang', { status: 200 }]);
    sender = createWebhookSender({
      secret,
      retryScheduleMs: [5_000, 300_000, 1_800_000],
      jitter: 0,
      allowPrivateNetworks: ['127.0.0.1'],
    });
    const active = sender;
    const scheduledAfter = async (attemptNumber: number) => {
      const { attempt } = await nextEvent(
        active,
        'attempt',
        (event) => event.attempt.attempt === attemptNumber,
      );
      await nextEvent(active, 'scheduled', (event) => event.nextRunAtMs === attempt.nextAttemptAtMs);
      return attempt;
    };

    active.start();
    const firstScheduled = scheduledAfter(1);
    const sent = await active.send(`${endpoint.origin}/hooks`, {
      type: 'invoice.paid',
      data: { amount: 10.5 },
    });
    expect((await firstScheduled).nextAttemptAtMs).toBe(startMs + 5_000);

    const secondScheduled = scheduledAfter(2);
    await vi.advanceTimersByTimeAsync(5_000);
    expect((await secondScheduled).nextAttemptAtMs).toBe(startMs + 305_000);

    const thirdScheduled = scheduledAfter(3);
    await vi.advanceTimersByTimeAsync(300_000);
    await endpoint.waitForRequests(3);
    await vi.advanceTimersByTimeAsync(10_000);
    expect((await thirdScheduled).nextAttemptAtMs).toBe(startMs + 315_000 + 1_800_000);

    const delivered = nextEvent(active, 'delivered');
    await vi.advanceTimersByTimeAsync(1_800_000);
    await delivered;

    const delivery = await active.getDelivery(sent.id);
    expect(delivery?.status).toBe('delivered');
    expect(delivery?.attempts.map((attempt) => attempt.status ?? attempt.outcome)).toEqual([
      503,
      503,
      'timeout',
      200,
    ]);
    expect(delivery?.attempts.map((attempt) => attempt.startedAtMs - startMs)).toEqual([
      0, 5_000, 305_000, 2_115_000,
    ]);
    expect(delivery?.attempts.map((attempt) => attempt.durationMs)).toEqual([0, 0, 10_000, 0]);
    expect(delivery?.attempts.map((attempt) => attempt.nextAttemptAtMs)).toEqual([
      startMs + 5_000,
      startMs + 305_000,
      startMs + 2_115_000,
      undefined,
    ]);

    const requests = endpoint.received;
    expect(requests).toHaveLength(4);
    expect(requests.map((request) => request.headers['webhook-id'])).toEqual(Array(4).fill(sent.id));
    for (const request of requests) expect(request.body.equals(requests[0]!.body)).toBe(true);
    expect(requests[0]!.body.toString('utf8')).toBe('{"type":"invoice.paid","data":{"amount":10.5}}');
    expect(requests.map((request) => request.headers['webhook-timestamp'])).toEqual([
      '1700000000',
      '1700000005',
      '1700000305',
      '1700002115',
    ]);
    expect(new Set(requests.map((request) => request.headers['webhook-signature'])).size).toBe(4);

    const verifier = createStandardWebhooksVerifier({ secrets: [secret], toleranceSeconds: 300 });
    for (const request of requests) {
      const result = verifier.verify(request.body, request.headers, { now: request.receivedAtMs });
      expect(result.webhookId).toBe(sent.id);
      expect(result.timestamp?.getTime()).toBe(request.receivedAtMs);
    }
  });
});
