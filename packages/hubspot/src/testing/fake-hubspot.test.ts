import { afterEach, describe, expect, it, vi } from 'vitest';
import { createFakeHubSpot, type FakeHubSpot } from './fake-hubspot.js';

async function call(fake: FakeHubSpot, method: string, path: string, body?: unknown, token = 'pat-test') {
  const response = await fake.fetch(
    new Request(`https://api.hubapi.com${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      body: body === undefined ? undefined : JSON.stringify(body),
    }),
  );
  const text = response.type === 'error' ? '' : await response.text();
  return {
    status: response.status,
    type: response.type,
    headers: response.headers,
    body: text ? JSON.parse(text) : undefined,
  };
}

afterEach(() => {
  vi.useRealTimers();
});

describe('fake records', () => {
  it('answers a duplicate email with the real 409 body', async () => {
    const fake = createFakeHubSpot();
    const first = await call(fake, 'POST', '/crm/v3/objects/contacts', {
      properties: { email: 'Ann@Example.com' },
    });
    const second = await call(fake, 'POST', '/crm/v3/objects/contacts', {
      properties: { email: 'ann@example.com' },
    });
    expect(first.status).toBe(201);
    expect(first.body.properties.email).toBe('ann@example.com');
    expect(second.status).toBe(409);
    expect(second.body).toEqual({
      status: 'error',
      message: `Contact already exists. Existing ID: ${first.body.id}`,
      category: 'CONFLICT',
      correlationId: second.headers.get('x-hubspot-correlation-id'),
    });
    expect(fake.state.counts().contacts).toBe(1);
  });

  it('validates writes like HubSpot', async () => {
    const fake = createFakeHubSpot();
    const unknown = await call(fake, 'POST', '/crm/v3/objects/contacts', {
      properties: { favourite_colour: 'red' },
    });
    const notMidnight = await call(fake, 'POST', '/crm/v3/objects/contacts', {
      properties: { date_of_birth: String(Date.UTC(1990, 0, 1, 9)) },
    });
    const badOption = await call(fake, 'POST', '/crm/v3/objects/contacts', {
      properties: { lifecyclestage: 'Customer' },
    });
    const badStage = await call(fake, 'POST', '/crm/v3/objects/deals', {
      properties: { dealname: 'x', dealstage: 'won' },
    });
    expect([unknown, notMidnight, badOption, badStage].map((result) => result.status)).toEqual([
      400, 400, 400, 400,
    ]);
    expect(unknown.body.category).toBe('VALIDATION_ERROR');
    expect(unknown.body.errors[0].code).toBe('PROPERTY_DOESNT_EXIST');
    expect(notMidnight.body.errors[0].code).toBe('INVALID_DATE');
    expect(badOption.body.errors[0].code).toBe('INVALID_OPTION');
    expect(fake.state.counts().contacts + fake.state.counts().deals).toBe(0);
  });

  it('rejects batches over 100 inputs', async () => {
    const fake = createFakeHubSpot();
    const inputs = Array.from({ length: 101 }, (_, index) => ({ properties: { email: `u${index}@x.com` } }));
    const result = await call(fake, 'POST', '/crm/v3/objects/contacts/batch/create', { inputs });
    expect(result.status).toBe(400);
    expect(fake.state.contacts).toHaveLength(0);
  });

  it('rejects an unknown token when access tokens are configured', async () => {
    const fake = createFakeHubSpot({ accessTokens: ['pat-good'] });
    expect((await call(fake, 'GET', '/crm/v3/objects/contacts', undefined, 'pat-bad')).body.category).toBe(
      'INVALID_AUTHENTICATION',
    );
    expect((await call(fake, 'GET', '/crm/v3/objects/contacts', undefined, 'pat-good')).status).toBe(200);
  });
});

describe('fake search', () => {
  async function search(fake: FakeHubSpot, filters: unknown[], extra: Record<string, unknown> = {}) {
    const result = await call(fake, 'POST', '/crm/v3/objects/deals/search', {
      filterGroups: [{ filters }],
      properties: ['dealname'],
      limit: 100,
      ...extra,
    });
    return (
      result.body.results?.map(
        (record: { properties: { dealname: string } }) => record.properties.dealname,
      ) ?? result
    );
  }

  function deals() {
    const fake = createFakeHubSpot({ limits: false });
    fake.seed('deals', { dealname: 'Alpha renewal', amount: '100', dealtype: 'newbusiness' });
    fake.seed('deals', { dealname: 'Beta expansion', amount: '250' });
    fake.seed('deals', { dealname: 'Gamma renewal', amount: '400', dealtype: 'existingbusiness' });
    return fake;
  }

  it('supports the comparison operators', async () => {
    const fake = deals();
    expect(await search(fake, [{ propertyName: 'amount', operator: 'EQ', value: '250' }])).toEqual([
      'Beta expansion',
    ]);
    expect(await search(fake, [{ propertyName: 'amount', operator: 'NEQ', value: 250 }])).toEqual([
      'Alpha renewal',
      'Gamma renewal',
    ]);
    expect(await search(fake, [{ propertyName: 'amount', operator: 'GT', value: '100' }])).toEqual([
      'Beta expansion',
      'Gamma renewal',
    ]);
    expect(await search(fake, [{ propertyName: 'amount', operator: 'GTE', value: '100' }])).toHaveLength(3);
    expect(await search(fake, [{ propertyName: 'amount', operator: 'LT', value: '250' }])).toEqual([
      'Alpha renewal',
    ]);
    expect(await search(fake, [{ propertyName: 'amount', operator: 'LTE', value: '250' }])).toEqual([
      'Alpha renewal',
      'Beta expansion',
    ]);
  });

  it('supports IN, HAS_PROPERTY and CONTAINS_TOKEN', async () => {
    const fake = deals();
    expect(await search(fake, [{ propertyName: 'amount', operator: 'IN', values: ['100', '400'] }])).toEqual([
      'Alpha renewal',
      'Gamma renewal',
    ]);
    expect(await search(fake, [{ propertyName: 'dealtype', operator: 'HAS_PROPERTY' }])).toEqual([
      'Alpha renewal',
      'Gamma renewal',
    ]);
    expect(
      await search(fake, [{ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'renewal' }]),
    ).toEqual(['Alpha renewal', 'Gamma renewal']);
    expect(
      await search(fake, [{ propertyName: 'dealname', operator: 'CONTAINS_TOKEN', value: 'exp*' }]),
    ).toEqual(['Beta expansion']);
  });

  it('sorts and ORs filter groups', async () => {
    const fake = deals();
    const result = await call(fake, 'POST', '/crm/v3/objects/deals/search', {
      filterGroups: [
        { filters: [{ propertyName: 'amount', operator: 'EQ', value: '100' }] },
        { filters: [{ propertyName: 'amount', operator: 'EQ', value: '400' }] },
      ],
      sorts: [{ propertyName: 'amount', direction: 'DESCENDING' }],
      properties: ['amount'],
    });
    expect(
      result.body.results.map((record: { properties: { amount: string } }) => record.properties.amount),
    ).toEqual(['400', '100']);
    expect(result.body.total).toBe(2);
  });

  it('rejects pages past the 10,000 window and bad requests', async () => {
    const fake = deals();
    expect((await search(fake, [], { after: '10000' })).status).toBe(400);
    expect((await search(fake, [], { limit: 201 })).status).toBe(400);
    expect((await search(fake, [{ propertyName: 'amount', operator: 'ROUGHLY', value: '1' }])).status).toBe(
      400,
    );
    expect((await search(fake, [{ propertyName: 'amount', operator: 'IN', value: '1' }])).status).toBe(400);
  });
});

describe('fake rate limits', () => {
  it('answers the 101st request in 10 s with a ten-secondly 429', async () => {
    vi.useFakeTimers();
    const fake = createFakeHubSpot();
    for (let index = 0; index < 100; index += 1)
      expect((await call(fake, 'GET', '/crm/v3/objects/contacts')).status).toBe(200);
    const limited = await call(fake, 'GET', '/crm/v3/objects/contacts');
    expect(limited.status).toBe(429);
    expect(limited.body).toMatchObject({
      status: 'error',
      errorType: 'RATE_LIMIT',
      policyName: 'TEN_SECONDLY_ROLLING',
      message: 'You have reached your ten_secondly_rolling limit.',
    });
    expect(limited.headers.get('x-hubspot-ratelimit-remaining')).toBe('0');
    expect(limited.headers.get('x-hubspot-ratelimit-interval-milliseconds')).toBe('10000');
    vi.advanceTimersByTime(10_001);
    expect((await call(fake, 'GET', '/crm/v3/objects/contacts')).status).toBe(200);
  });

  it('limits searches per second apart from other requests', async () => {
    vi.useFakeTimers();
    const fake = createFakeHubSpot();
    for (let index = 0; index < 5; index += 1)
      expect((await call(fake, 'POST', '/crm/v3/objects/contacts/search', {})).status).toBe(200);
    const limited = await call(fake, 'POST', '/crm/v3/objects/contacts/search', {});
    expect(limited.body.policyName).toBe('SECONDLY');
    expect(limited.headers.get('x-hubspot-ratelimit-max')).toBeNull();
    expect((await call(fake, 'GET', '/crm/v3/objects/contacts')).status).toBe(200);
    vi.advanceTimersByTime(1_001);
    expect((await call(fake, 'POST', '/crm/v3/objects/contacts/search', {})).status).toBe(200);
  });

  it('enforces the daily limit', async () => {
    const fake = createFakeHubSpot({ limits: { daily: 2 } });
    await call(fake, 'GET', '/crm/v3/objects/contacts');
    const second = await call(fake, 'GET', '/crm/v3/objects/contacts');
    expect(second.headers.get('x-hubspot-ratelimit-daily-remaining')).toBe('0');
    expect((await call(fake, 'GET', '/crm/v3/objects/contacts')).body.policyName).toBe('DAILY');
  });
});

describe('fake faults', () => {
  it('leaves the store unchanged for a 5xx before processing', async () => {
    const fake = createFakeHubSpot();
    fake.faults.next('5xx', { status: 502 });
    const result = await call(fake, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'a@x.com' } });
    expect(result.status).toBe(502);
    expect(fake.state.contacts).toHaveLength(0);
  });

  it('changes the store for a 5xx or reset after processing', async () => {
    const fake = createFakeHubSpot();
    fake.faults.next('5xx', { timing: 'after' });
    fake.faults.next('reset', { timing: 'after' });
    expect(
      (await call(fake, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'a@x.com' } })).status,
    ).toBe(503);
    expect(
      (await call(fake, 'POST', '/crm/v3/objects/contacts', { properties: { email: 'b@x.com' } })).type,
    ).toBe('error');
    expect(fake.state.contacts.map((contact) => contact.properties.email)).toEqual(['a@x.com', 'b@x.com']);
    expect(fake.state.requests.map((request) => request.status)).toEqual([503, 'reset']);
  });

  it('repeats the same faults for the same seed', async () => {
    const run = async (seed: number) => {
      const fake = createFakeHubSpot({ seed, faults: { rate: 0.3 }, limits: false });
      for (let index = 0; index < 40; index += 1) await call(fake, 'GET', '/crm/v3/objects/contacts');
      return fake.state.requests.map((request) => request.fault ?? '-').join(',');
    };
    expect(await run(11)).toBe(await run(11));
    expect(await run(11)).not.toBe(await run(12));
  });

  it('delays slow responses', async () => {
    vi.useFakeTimers();
    const fake = createFakeHubSpot();
    fake.faults.next('slow', { slowMs: 3_000 });
    let done = false;
    const pending = call(fake, 'GET', '/crm/v3/objects/contacts').then((result) => {
      done = true;
      return result;
    });
    await vi.advanceTimersByTimeAsync(2_999);
    expect(done).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect((await pending).status).toBe(200);
  });
});
