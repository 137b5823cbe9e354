import { createFetchTransport } from '@patchbay/core';
import { createHubSpotClient } from '@patchbay/hubspot';
import { createFakeHubSpot } from '@patchbay/hubspot/testing';
import { http } from 'msw';
import { setupServer } from 'msw/node';

// A stateful HubSpot in memory; the same seed gives the same injected faults.
const fake = createFakeHubSpot({
  seed: 42,
  faults: { rate: 0.1, kinds: ['429', '5xx', 'reset'], timing: 'after' },
});

// 1. No msw at all: the fake's own transport.
export const hubspot = createHubSpotClient({ accessToken: 'pat-test', transport: fake.transport });

// 2. With msw: route HubSpot's origin to the fake and use the fetch transport.
export const server = setupServer(http.all('https://api.hubapi.com/*', ({ request }) => fake.fetch(request)));
export const viaMsw = createHubSpotClient({ accessToken: 'pat-test', transport: createFetchTransport() });

// 3. Over real HTTP, for a playground or another process.
export async function startPlayground() {
  const listening = await fake.listen({ port: 4010 });
  return {
    client: createHubSpotClient({ accessToken: 'pat-test', baseUrl: listening.url }),
    stop: listening.close,
  };
}

// Assert on the fake's state and request log.
export function summary() {
  return {
    contacts: fake.state.contacts.length,
    retriedAfterFaults: fake.state.requests.filter((request) => request.fault !== undefined).length,
  };
}
