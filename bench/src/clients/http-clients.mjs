// One factory per client measured in the client-overhead runs. Each returns `send()`, which makes
// one call of the endpoint and resolves once the response body is read and parsed (and, for the
// "+ zod" and Patchbay clients, validated), plus `close()`.
import { batchCreateInputs, hubSpotContactId, stripeCustomerId } from '../lib/payloads.mjs';

export const endpoints = {
  'stripe-get': { method: 'GET', path: `/v1/customers/${stripeCustomerId}`, schema: 'customerSchema' },
  'hubspot-get': {
    method: 'GET',
    path: `/crm/v3/objects/contacts/${hubSpotContactId}`,
    schema: 'crmObjectSchema',
  },
  'hubspot-batch': {
    method: 'POST',
    path: '/crm/v3/objects/contacts/batch/create',
    schema: 'batchResponseSchema',
  },
};

const stripeKey = 'sk_test_bench0000000000000000';
const hubSpotToken = 'pat-na1-00000000-bench-0000-0000-000000000000';

function tokenFor(endpoint) {
  return endpoint.startsWith('stripe') ? stripeKey : hubSpotToken;
}

function expectOk(status, client) {
  if (status < 200 || status > 299) throw new Error(`${client} received HTTP ${status}.`);
}

async function rawUndici(baseUrl, endpointName) {
  const { request } = await import('undici');
  const endpoint = endpoints[endpointName];
  const url = baseUrl + endpoint.path;
  const authorization = `Bearer ${tokenFor(endpointName)}`;
  return {
    async send() {
      const options = { method: endpoint.method, headers: { authorization, accept: 'application/json' } };
      if (endpoint.method === 'POST') {
        options.body = JSON.stringify({ inputs: batchCreateInputs() });
        options.headers['content-type'] = 'application/json';
      }
      const response = await request(url, options);
      expectOk(response.statusCode, 'undici.request');
      return response.body.json();
    },
    close: async () => {},
  };
}

async function globalFetch(baseUrl, endpointName) {
  const endpoint = endpoints[endpointName];
  const url = baseUrl + endpoint.path;
  const authorization = `Bearer ${tokenFor(endpointName)}`;
  return {
    async send() {
      const init = { method: endpoint.method, headers: { authorization, accept: 'application/json' } };
      if (endpoint.method === 'POST') {
        init.body = JSON.stringify({ inputs: batchCreateInputs() });
        init.headers['content-type'] = 'application/json';
      }
      const response = await fetch(url, init);
      expectOk(response.status, 'fetch');
      return response.json();
    },
    close: async () => {},
  };
}

async function kyClient(baseUrl, endpointName, withZod) {
  const { default: ky } = await import('ky');
  const schemas = withZod ? await import('../lib/schemas.mjs') : undefined;
  const endpoint = endpoints[endpointName];
  const api = ky.create({
    prefixUrl: baseUrl,
    headers: { authorization: `Bearer ${tokenFor(endpointName)}` },
  });
  const path = endpoint.path.slice(1);
  return {
    async send() {
      const data =
        endpoint.method === 'POST'
          ? await api.post(path, { json: { inputs: batchCreateInputs() } }).json()
          : await api.get(path).json();
      return schemas ? schemas[endpoint.schema].parse(data) : data;
    },
    close: async () => {},
  };
}

async function axiosClient(baseUrl, endpointName) {
  const { default: axios } = await import('axios');
  const endpoint = endpoints[endpointName];
  const api = axios.create({
    baseURL: baseUrl,
    headers: { authorization: `Bearer ${tokenFor(endpointName)}` },
  });
  return {
    async send() {
      const response =
        endpoint.method === 'POST'
          ? await api.post(endpoint.path, { inputs: batchCreateInputs() })
          : await api.get(endpoint.path);
      return response.data;
    },
    close: async () => {},
  };
}

async function stripeSdk(baseUrl, endpointName) {
  if (endpointName !== 'stripe-get') throw new Error('The stripe package serves only stripe-get.');
  const { default: Stripe } = await import('stripe');
  const url = new URL(baseUrl);
  // Defaults apart from the local host, set through the documented `host`, `port` and `protocol` options.
  const stripe = new Stripe(stripeKey, { host: url.hostname, port: Number(url.port), protocol: 'http' });
  return {
    send: () => stripe.customers.retrieve(stripeCustomerId),
    close: async () => {},
  };
}

async function hubSpotSdk(baseUrl, endpointName) {
  if (!endpointName.startsWith('hubspot')) throw new Error('@hubspot/api-client serves only HubSpot.');
  const { Client } = await import('@hubspot/api-client');
  // Defaults apart from basePath: version 13 adds its Bottleneck limiter and retries only when
  // limiterOptions and numberOfApiCallRetries are given.
  const client = new Client({ accessToken: hubSpotToken, basePath: baseUrl });
  const inputs = () => batchCreateInputs().map((input) => ({ ...input, associations: [] }));
  return {
    send: () =>
      endpointName === 'hubspot-get'
        ? client.crm.contacts.basicApi.getById(hubSpotContactId)
        : client.crm.contacts.batchApi.create({ inputs: inputs() }),
    close: async () => {},
  };
}

/** Limits far above any rate reached here, so the limiter is armed but never makes a call wait. */
const unreachedPerSecond = 1_000_000_000;

async function patchbayClient(baseUrl, endpointName) {
  if (endpointName === 'stripe-get') {
    const { createStripeClient } = await import('@patchbay/stripe');
    const stripe = createStripeClient({
      apiKey: stripeKey,
      apiVersion: '2026-07-29.dahlia',
      baseUrl,
      limits: { read: { limit: unreachedPerSecond, windowMs: 1000 } },
      breaker: { failureThreshold: 5, openMs: 30_000 },
    });
    return {
      send: () => stripe.customers.retrieve(stripeCustomerId),
      close: () => stripe.close(),
      transport: stripe.core.transport?.name,
    };
  }
  const { createHubSpotClient } = await import('@patchbay/hubspot');
  const hubspot = createHubSpotClient({
    accessToken: hubSpotToken,
    baseUrl,
    limits: { tenSecondly: unreachedPerSecond, searchPerSecond: unreachedPerSecond },
    breaker: { failureThreshold: 5, openMs: 30_000 },
  });
  const transport = hubspot.http.transport?.name;
  if (endpointName === 'hubspot-get') {
    return { send: () => hubspot.contacts.get(hubSpotContactId), close: () => hubspot.close(), transport };
  }
  return {
    transport,
    async send() {
      const result = await hubspot.contacts.batch.create(batchCreateInputs());
      if (result.errors.length > 0) throw new Error(`batch create failed: ${String(result.errors[0].error)}`);
      return result;
    },
    close: () => hubspot.close(),
  };
}

/** Client names in table order, with the label used in reports. */
export const clientLabels = {
  undici: '`undici.request`',
  fetch: 'global `fetch`',
  ky: 'ky',
  'ky-zod': 'ky + zod',
  axios: 'axios',
  stripe: '`stripe`',
  hubspot: '`@hubspot/api-client`',
  patchbay: 'Patchbay',
};

const factories = {
  undici: rawUndici,
  fetch: globalFetch,
  ky: (baseUrl, endpoint) => kyClient(baseUrl, endpoint, false),
  'ky-zod': (baseUrl, endpoint) => kyClient(baseUrl, endpoint, true),
  axios: axiosClient,
  stripe: stripeSdk,
  hubspot: hubSpotSdk,
  patchbay: patchbayClient,
};

export function createHttpClient(name, baseUrl, endpoint) {
  const factory = factories[name];
  if (!factory) throw new Error(`Unknown client ${name}; use one of ${Object.keys(factories).join(', ')}.`);
  return factory(baseUrl, endpoint);
}
