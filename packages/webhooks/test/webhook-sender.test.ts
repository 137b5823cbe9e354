import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  BlockedAddressError,
  createGitHubVerifier,
  createStripeVerifier,
  createWebhookSender,
  InvalidSecretError,
  MemoryDeliveryStore,
  type WebhookSender,
  type WebhookSenderOptions,
} from '../src/index.js';
import { type ScriptedEndpoint, startScriptedEndpoint } from './scripted-endpoint.js';

const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw';
const startMs = 1_700_000_000_000;

const endpoints: ScriptedEndpoint[] = [];
const senders: WebhookSender[] = [];

async function endpointWith(...steps: Parameters<typeof startScriptedEndpoint>[0]) {
  const endpoint = await startScriptedEndpoint(steps);
  endpoints.push(endpoint);
  return endpoint;
}

function senderWith(options: Partial<WebhookSenderOptions> = {}) {
  const sender = createWebhookSender({ secret, jitter: 0, allowPrivateNetworks: ['127.0.0.1'], ...options });
  senders.push(sender);
  return sender;
}

beforeEach(() => {
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(startMs);
});

afterEach(async () => {
  await Promise.all(senders.splice(0).map((sender) => sender.close()));
  await Promise.all(endpoints.splice(0).map((endpoint) => endpoint.close()));
  vi.useRealTimers();
});

describe('createWebhookSender', () => {
  it('records a redirect as a failed attempt and never requests its Location', async () => {
    const elsewhere = await endpointWith({ status: 200 });
    const endpoint = await endpointWith({
      status: 302,
      headers: { location: `${elsewhere.origin}/collect` },
    });
    const sender = senderWith({ retryScheduleMs: [1_000] });

    const sent = await sender.send(`${endpoint.origin}/hooks`, { type: 'ping' });
    const [delivery] = await sender.runDue();

    expect(delivery?.attempts[0]).toMatchObject({
      outcome: 'redirect',
      status: 302,
      location: `${elsewhere.origin}/collect`,
    });
    expect(delivery?.status).toBe('pending');
    expect(delivery?.nextAttemptAtMs).toBe(startMs + 1_000);
    expect(endpoint.received).toHaveLength(1);
    expect(elsewhere.received).toHaveLength(0);
    expect(delivery?.id).toBe(sent.id);
  });

  it('disables an endpoint that answers 410', async () => {
    const endpoint = await endpointWith({ status: 503 }, { status: 410 }, { status: 200 });
    const sender = senderWith({ retryScheduleMs: [5_000] });
    const url = `${endpoint.origin}/hooks`;
    const disabledEvents: string[] = [];
    sender.events.on('endpoint-disabled', (event) => void disabledEvents.push(event.delivery.id));

    const queued = await sender.send(url, { n: 1 }, { id: 'msg_queued' });
    await sender.runDue();
    const gone = await sender.send(url, { n: 2 }, { id: 'msg_gone' });
    await sender.runDue();
    const later = await sender.send(url, { n: 3 }, { id: 'msg_later' });
    vi.setSystemTime(startMs + 5_000);
    await sender.runDue();

    expect((await sender.getDelivery(gone.id))?.status).toBe('endpoint-disabled');
    expect((await sender.getDelivery(gone.id))?.attempts.map((attempt) => attempt.outcome)).toEqual(['gone']);
    expect((await sender.getDelivery(queued.id))?.status).toBe('endpoint-disabled');
    expect((await sender.getDelivery(queued.id))?.attempts.map((attempt) => attempt.status)).toEqual([503]);
    expect(later.status).toBe('endpoint-disabled');
    expect(later.attempts).toEqual([]);
    expect(endpoint.received.map((request) => request.headers['webhook-id'])).toEqual([
      'msg_queued',
      'msg_gone',
    ]);
    expect(disabledEvents).toEqual(['msg_gone', 'msg_later', 'msg_queued']);

    await sender.enableEndpoint(url);
    const again = await sender.send(url, { n: 4 }, { id: 'msg_again' });
    const [delivered] = await sender.runDue();
    expect(again.status).toBe('pending');
    expect(delivered?.status).toBe('delivered');
  });

  describe('private addresses', () => {
    it('refuses a literal loopback address by default', async () => {
      const endpoint = await endpointWith({ status: 200 });
      const sender = senderWith({ allowPrivateNetworks: false });
      const error = await sender.send(`${endpoint.origin}/hooks`, {}).catch((caught: unknown) => caught);
      expect(BlockedAddressError.isInstance(error)).toBe(true);
      expect((error as BlockedAddressError).address).toBe('127.0.0.1');
      expect((error as Error).message).toContain('allowPrivateNetworks');
      expect(endpoint.received).toHaveLength(0);
    });

    it.each([
      'http://10.1.2.3/h',
      'http://[::1]/h',
      'http://169.254.169.254/latest',
      'http://[fd00::1]/h',
      'http://0.0.0.0/h',
    ])('refuses %s', async (url) => {
      const sender = senderWith({ allowPrivateNetworks: false });
      expect(
        BlockedAddressError.isInstance(await sender.send(url, {}).catch((caught: unknown) => caught)),
      ).toBe(true);
    });

    it('blocks a hostname that resolves to loopback at connection time', async () => {
      const endpoint = await endpointWith({ status: 200 });
      const sender = senderWith({ allowPrivateNetworks: false });
      await sender.send(`http://localhost:${endpoint.port}/hooks`, {});
      const [delivery] = await sender.runDue();
      expect(delivery?.attempts[0]?.outcome).toBe('blocked');
      expect(delivery?.attempts[0]?.error).toContain('resolved to');
      expect(endpoint.received).toHaveLength(0);
    });

    it('checks the address DNS returns when connecting', async () => {
      const resolved: string[] = [];
      const sender = senderWith({
        allowPrivateNetworks: false,
        lookup: (hostname, _options, callback) => {
          resolved.push(hostname);
          callback(null, [{ address: '10.0.0.5', family: 4 }]);
        },
      });
      await sender.send('http://hooks.example.test/events', {});
      const [delivery] = await sender.runDue();
      expect(resolved).toEqual(['hooks.example.test']);
      expect(delivery?.attempts[0]?.outcome).toBe('blocked');
      expect(delivery?.attempts[0]?.error).toContain('hooks.example.test (resolved to 10.0.0.5)');
    });

    it('delivers to an allowed private address', async () => {
      const endpoint = await endpointWith({ status: 204 });
      const sender = senderWith({ allowPrivateNetworks: ['127.0.0.1'] });
      await sender.send(`http://localhost:${endpoint.port}/hooks`, {});
      const [delivery] = await sender.runDue();
      expect(delivery?.status).toBe('delivered');
      expect(endpoint.received).toHaveLength(1);
    });
  });

  it('resumes pending deliveries from the store after a restart', async () => {
    const endpoint = await endpointWith({ status: 503 }, { status: 200 });
    const store = new MemoryDeliveryStore();
    const before = senderWith({ store, retryScheduleMs: [5_000] });
    const sent = await before.send(
      `${endpoint.origin}/hooks`,
      { type: 'order.shipped' },
      { type: 'order.shipped' },
    );
    await before.runDue();
    await before.close();

    vi.setSystemTime(startMs + 5_000);
    const after = senderWith({ store, retryScheduleMs: [5_000] });
    const [delivery] = await after.runDue();

    expect(delivery?.status).toBe('delivered');
    expect(delivery?.type).toBe('order.shipped');
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([503, 200]);
    expect(endpoint.received.map((request) => request.headers['webhook-id'])).toEqual([sent.id, sent.id]);
  });

  it('resumes through the scheduler when started', async () => {
    const endpoint = await endpointWith({ status: 200 });
    const store = new MemoryDeliveryStore();
    const before = senderWith({ store });
    await before.send(`${endpoint.origin}/hooks`, { n: 1 }, { id: 'msg_resume' });
    await before.close();

    const after = senderWith({ store });
    const delivered = new Promise((resolve) => after.events.on('delivered', resolve));
    after.start();
    await delivered;
    expect((await store.get('msg_resume'))?.status).toBe('delivered');
  });

  describe('Retry-After', () => {
    it.each([
      ['seconds longer than the schedule', '120', 120_000],
      ['an HTTP date', new Date(startMs + 90_000).toUTCString(), 90_000],
      ['a wait beyond the cap', '86400', 3_600_000],
      ['a wait shorter than the schedule', '1', 5_000],
      ['an invalid value', 'soon', 5_000],
    ])('uses %s', async (_case, retryAfter, expectedDelayMs) => {
      const endpoint = await endpointWith({ status: 503, headers: { 'retry-after': retryAfter } });
      const sender = senderWith({ retryScheduleMs: [5_000], maxRetryAfterMs: 3_600_000 });
      await sender.send(`${endpoint.origin}/hooks`, {});
      const [delivery] = await sender.runDue();
      expect(delivery?.nextAttemptAtMs).toBe(startMs + expectedDelayMs);
    });
  });

  it('marks a delivery failed when the schedule runs out', async () => {
    const endpoint = await endpointWith({ status: 500 });
    const sender = senderWith({ retryScheduleMs: [1_000] });
    const failed: string[] = [];
    sender.events.on('failed', (event) => void failed.push(event.delivery.id));
    const sent = await sender.send(`${endpoint.origin}/hooks`, {});
    await sender.runDue();
    vi.setSystemTime(startMs + 1_000);
    const [delivery] = await sender.runDue();
    expect(delivery?.status).toBe('failed');
    expect(delivery?.attempts.map((attempt) => attempt.status)).toEqual([500, 500]);
    expect(delivery?.nextAttemptAtMs).toBeUndefined();
    expect(failed).toEqual([sent.id]);
  });

  it('records a refused connection as a network error', async () => {
    const endpoint = await endpointWith({ status: 200 });
    const url = `${endpoint.origin}/hooks`;
    await endpoint.close();
    endpoints.splice(endpoints.indexOf(endpoint), 1);
    const sender = senderWith();
    await sender.send(url, {});
    const [delivery] = await sender.runDue();
    expect(delivery?.attempts[0]?.outcome).toBe('network-error');
    expect(delivery?.attempts[0]?.error).toContain('ECONNREFUSED');
  });

  it('does not attempt before the next attempt is due', async () => {
    const endpoint = await endpointWith({ status: 503 });
    const sender = senderWith({ retryScheduleMs: [5_000, 5_000] });
    await sender.send(`${endpoint.origin}/hooks`, {});
    await sender.runDue();
    vi.setSystemTime(startMs + 4_999);
    expect(await sender.runDue()).toEqual([]);
    vi.setSystemTime(startMs + 5_000);
    expect(await sender.runDue()).toHaveLength(1);
  });

  it('returns the stored delivery when an id is sent twice', async () => {
    const endpoint = await endpointWith({ status: 200 });
    const sender = senderWith();
    const first = await sender.send(`${endpoint.origin}/hooks`, { n: 1 }, { id: 'msg_once' });
    const second = await sender.send(`${endpoint.origin}/hooks`, { n: 2 }, { id: 'msg_once' });
    expect(second.body).toBe(first.body);
    await sender.runDue();
    expect(endpoint.received).toHaveLength(1);
  });

  it('signs with the Stripe scheme', async () => {
    const endpoint = await endpointWith({ status: 200 });
    const stripeSecret = 'whsec_sender_stripe_secret_0123456789';
    const sender = senderWith({ scheme: 'stripe', secret: stripeSecret });
    await sender.send(`${endpoint.origin}/hooks`, { id: 'evt_1', type: 'customer.created' });
    await sender.runDue();
    const [request] = endpoint.received;
    const result = createStripeVerifier({ secrets: [stripeSecret] }).verify(request!.body, request!.headers);
    expect(result.timestamp?.getTime()).toBe(startMs);
  });

  it('signs with the GitHub scheme', async () => {
    const endpoint = await endpointWith({ status: 200 });
    const sender = senderWith({ scheme: 'github', secret: 'github-style-secret' });
    const sent = await sender.send(`${endpoint.origin}/hooks`, { action: 'opened' });
    await sender.runDue();
    const [request] = endpoint.received;
    const result = createGitHubVerifier({ secrets: ['github-style-secret'] }).verify(
      request!.body,
      request!.headers,
    );
    expect(result.secretIndex).toBe(0);
    expect(request!.headers['webhook-id']).toBe(sent.id);
  });

  it('rejects an invalid secret and a non-http URL', async () => {
    expect(() => createWebhookSender({ secret: 'whsec_!!!!' })).toThrow(InvalidSecretError);
    const sender = senderWith();
    await expect(sender.send('ftp://files.example.test/hook', {})).rejects.toThrow('must use http or https');
  });
});
