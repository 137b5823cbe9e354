import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { scriptedTransport, settle } from '../../test/helpers/scripted-transport.js';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';
import { createHubSpotClient } from './create-hubspot-client.js';
import { limitsForTier } from './hubspot-limits.js';

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

describe('HubSpot limiter buckets', () => {
  it('sends searches in per-second groups without holding up other requests', async () => {
    const fake = createFakeHubSpot({ limits: { searchPerSecond: 5, tenSecondly: 100 } });
    const contact = fake.seed('contacts', { email: 'a@x.com' });
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const startedAt = Date.now();

    const searches = Array.from({ length: 10 }, () => hubspot.contacts.search({ limit: 10 }));
    const get = hubspot.contacts.get(contact.id);
    await settle(Promise.all([...searches, get]), 50);

    const statuses = fake.state.requests.map((request) => request.status);
    expect(statuses.filter((status) => status === 429)).toHaveLength(0);
    const searchTimes = fake.state.requests
      .filter((request) => request.path.endsWith('/search'))
      .map((request) => request.atMs - startedAt);
    expect(searchTimes.filter((ms) => ms < 1_000)).toHaveLength(5);
    expect(searchTimes.filter((ms) => ms >= 1_000 && ms < 2_000)).toHaveLength(5);
    const getTime = fake.state.requests.find((request) => request.method === 'GET')?.atMs ?? Number.NaN;
    expect(getTime - startedAt).toBeLessThan(50);
  });

  it('pauses the bucket when X-HubSpot-RateLimit-Remaining is 0', async () => {
    const headers = {
      'x-hubspot-ratelimit-max': '100',
      'x-hubspot-ratelimit-remaining': '0',
      'x-hubspot-ratelimit-interval-milliseconds': '10000',
    };
    const record = { id: '1', properties: {} };
    const { transport, sent } = scriptedTransport([
      { status: 200, json: record, headers },
      { status: 200, json: record },
    ]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport });
    const paused: number[] = [];
    hubspot.events.on('limiter-paused', (event) => paused.push(event.untilMs - Date.now()));

    await settle(hubspot.contacts.get('1'));
    await settle(hubspot.contacts.get('1'));

    expect(paused).toEqual([10_000]);
    expect((sent[1]?.atMs ?? 0) - (sent[0]?.atMs ?? 0)).toBeGreaterThanOrEqual(10_000);
  });

  it('ignores burst headers on search responses', async () => {
    const headers = { 'x-hubspot-ratelimit-max': '190', 'x-hubspot-ratelimit-remaining': '0' };
    const page = { status: 200, json: { total: 0, results: [] }, headers };
    const { transport, sent } = scriptedTransport([page]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport });
    await settle(hubspot.contacts.search({}));
    await settle(hubspot.contacts.search({}));
    expect((sent[1]?.atMs ?? 0) - (sent[0]?.atMs ?? 0)).toBeLessThan(100);
  });

  it('pauses until midnight UTC when the daily budget is spent', async () => {
    vi.setSystemTime(Date.UTC(2026, 0, 5, 23, 0, 0));
    const headers = { 'x-hubspot-ratelimit-daily': '250000', 'x-hubspot-ratelimit-daily-remaining': '0' };
    const { transport } = scriptedTransport([{ status: 200, json: { id: '1', properties: {} }, headers }]);
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport });
    const paused: number[] = [];
    hubspot.events.on('limiter-paused', (event) => paused.push(event.untilMs));
    await settle(hubspot.contacts.get('1'));
    expect(paused).toEqual([Date.UTC(2026, 0, 6)]);
  });
});

describe('limitsForTier', () => {
  it('returns the burst and daily limits per tier', () => {
    expect(limitsForTier('free')).toEqual({ tenSecondly: 100, searchPerSecond: 5, daily: 250_000 });
    expect(limitsForTier('starter').tenSecondly).toBe(100);
    expect(limitsForTier('professional')).toEqual({ tenSecondly: 190, searchPerSecond: 5, daily: 650_000 });
    expect(limitsForTier('enterprise').daily).toBe(1_000_000);
  });

  it('applies capacity packs', () => {
    expect(limitsForTier('enterprise', 1)).toEqual({
      tenSecondly: 250,
      searchPerSecond: 5,
      daily: 2_000_000,
    });
    expect(limitsForTier('professional', 5).daily).toBe(2_650_000);
  });

  it('lets options override a preset', async () => {
    const hubspot = createHubSpotClient({
      accessToken: 'pat-test',
      tier: 'professional',
      limits: { tenSecondly: 50 },
    });
    expect(hubspot.limits).toEqual({ tenSecondly: 50, searchPerSecond: 5, daily: 650_000 });
    expect(createHubSpotClient({ accessToken: 'pat-test', limits: false }).limits).toBeUndefined();
  });
});
