// A rate-limited endpoint: `limit` requests per `windowMs` per bearer token, counted when they
// arrive. `--window fixed` counts per aligned window, floor(now / windowMs). `--window rolling`
// keeps a log of arrival times and admits a request while fewer than `limit` arrived within the
// last `windowMs`. Only admitted requests count. Beyond the limit the server responds 429 with
// Retry-After in whole seconds.
import { createServer } from 'node:http';
import { parseArgs } from 'node:util';
import { nowMs } from '../lib/clock.mjs';
import { serveControl } from '../lib/processes.mjs';

const { values } = parseArgs({
  options: {
    window: { type: 'string', default: 'rolling' },
    limit: { type: 'string', default: '50' },
    'window-ms': { type: 'string', default: '1000' },
  },
});
const kind = values.window;
if (kind !== 'fixed' && kind !== 'rolling')
  throw new Error(`--window must be fixed or rolling; received ${kind}.`);
const limit = Number(values.limit);
const windowMs = Number(values['window-ms']);

/** Per token: arrival times of admitted requests (epoch ms) and the count of 429s. */
const tokens = new Map();

function stateOf(token) {
  let state = tokens.get(token);
  if (!state) {
    state = { admitted: [], rejected: 0 };
    tokens.set(token, state);
  }
  return state;
}

/** Returns 0 to admit, or the milliseconds until the window would admit this request. */
function waitBeforeAdmitting(state, at) {
  if (kind === 'fixed') {
    const windowStart = Math.floor(at / windowMs) * windowMs;
    let count = 0;
    for (
      let index = state.admitted.length - 1;
      index >= 0 && state.admitted[index] >= windowStart;
      index -= 1
    )
      count += 1;
    return count < limit ? 0 : windowStart + windowMs - at;
  }
  const inWindow = state.admitted.filter((time) => time > at - windowMs);
  return inWindow.length < limit ? 0 : inWindow[inWindow.length - limit] + windowMs - at;
}

const okBody = Buffer.from('{"ok":true}');
const limitedBody = Buffer.from('{"error":{"type":"rate_limit","message":"Too many requests."}}');

const server = createServer({ keepAliveTimeout: 60_000 }, (request, response) => {
  const at = nowMs();
  const token = (request.headers.authorization ?? '').replace(/^Bearer /, '');
  const state = stateOf(token);
  const waitMs = waitBeforeAdmitting(state, at);
  request.resume();
  if (waitMs > 0) {
    state.rejected += 1;
    response.writeHead(429, {
      'content-type': 'application/json',
      'content-length': String(limitedBody.length),
      'retry-after': String(Math.max(1, Math.ceil(waitMs / 1000))),
    });
    response.end(limitedBody);
    return;
  }
  state.admitted.push(at);
  response.writeHead(200, { 'content-type': 'application/json', 'content-length': String(okBody.length) });
  response.end(okBody);
});
server.keepAliveTimeout = 60_000;

server.listen(0, '127.0.0.1', () => {
  const { port } = server.address();
  serveControl(`http://127.0.0.1:${port}`, {
    stats: ({ token }) => {
      const state = stateOf(token);
      return { kind, limit, windowMs, admitted: state.admitted, rejected: state.rejected };
    },
  });
});
