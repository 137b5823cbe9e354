// The load server of the client-overhead measurement: fixed responses for three endpoints,
// serialized once at start, so the server spends as little CPU per request as Node's HTTP stack
// allows and the client under test is what varies.
import { createServer } from 'node:http';
import {
  hubSpotBatchCreateResponse,
  hubSpotContact,
  hubSpotContactId,
  stripeCustomer,
  stripeCustomerId,
} from '../lib/payloads.mjs';
import { serveControl } from '../lib/processes.mjs';

function jsonResponse(status, body, extraHeaders) {
  const bytes = Buffer.from(JSON.stringify(body));
  return {
    status,
    bytes,
    headers: {
      'content-type': 'application/json',
      'content-length': String(bytes.length),
      ...extraHeaders,
    },
  };
}

const routes = new Map([
  [
    `GET /v1/customers/${stripeCustomerId}`,
    jsonResponse(200, stripeCustomer, {
      'request-id': 'req_bench0000000001',
      'stripe-version': '2026-07-29.dahlia',
    }),
  ],
  [
    `GET /crm/v3/objects/contacts/${hubSpotContactId}`,
    jsonResponse(200, hubSpotContact, {
      'x-hubspot-correlation-id': '0b4d6c5e-bench-4c1f-9a57-000000000001',
    }),
  ],
  [
    'POST /crm/v3/objects/contacts/batch/create',
    jsonResponse(201, hubSpotBatchCreateResponse, {
      'x-hubspot-correlation-id': '0b4d6c5e-bench-4c1f-9a57-000000000002',
    }),
  ],
]);
const notFound = jsonResponse(404, { error: { type: 'invalid_request_error', message: 'No such route.' } });

let requests = 0;
const server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  requests += 1;
  const queryAt = request.url.indexOf('?');
  const path = queryAt === -1 ? request.url : request.url.slice(0, queryAt);
  const route = routes.get(`${request.method} ${path}`) ?? notFound;
  // Request bodies are drained, not parsed, because each endpoint returns the same response.
  request.resume();
  request.on('end', () => {
    response.writeHead(route.status, route.headers);
    response.end(route.bytes);
  });
});
server.keepAliveTimeout = 60_000;
server.headersTimeout = 65_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  serveControl(`http://127.0.0.1:${port}`, {
    stats: () => ({ requests, cpu: process.cpuUsage() }),
  });
});
