import { HttpError } from '@patchbay/core';
import { describe, expect, it } from 'vitest';
import { createFakeHubSpot } from '../testing/fake-hubspot.js';
import { createHubSpotClient } from './create-hubspot-client.js';

describe('correlation ids', () => {
  it('are the request id of errors and response events', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });
    const responses: Array<string | undefined> = [];
    hubspot.events.on('response', (event) => responses.push(event.requestId));

    const error = await hubspot.contacts.get('404404').catch((caught) => caught);

    const sent = fake.state.requests[0]?.correlationId;
    expect(sent).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4/);
    expect(HttpError.isInstance(error)).toBe(true);
    expect((error as HttpError).requestId).toBe(sent);
    expect((error as HttpError).code).toBe('OBJECT_NOT_FOUND');
    expect((error as Error).message).toContain(`[request id ${sent}]`);
    expect(responses).toEqual([sent]);
  });

  it('comes from the body when the header is missing', async () => {
    const fake = createFakeHubSpot();
    const hubspot = createHubSpotClient({
      accessToken: 'pat-test',
      transport: {
        name: 'strip-header',
        async send(request) {
          const response = await fake.transport.send(request);
          const { 'x-hubspot-correlation-id': _dropped, ...headers } = response.headers;
          return { ...response, headers };
        },
      },
    });
    const error = (await hubspot.deals.get('1').catch((caught) => caught)) as HttpError;
    expect(error.requestId).toBe(fake.state.requests[0]?.correlationId);
  });
});
