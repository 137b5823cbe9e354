// Counts webhook verifications per second for one scheme and one implementation, in its own
// process. Before timing, the implementation must accept the valid request and reject one with
// a changed body.
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import { printResult } from '../lib/processes.mjs';
import { signedRequest } from '../lib/webhook-payloads.mjs';
import { verifierImplementations } from './webhook-verifiers.mjs';

const { values } = parseArgs({
  options: {
    scheme: { type: 'string' },
    implementation: { type: 'string' },
    'warmup-ms': { type: 'string', default: '200' },
    'duration-ms': { type: 'string', default: '1000' },
  },
});
const { scheme, implementation } = values;

const signed = signedRequest(scheme);
const request = {
  body: Buffer.from(signed.body),
  text: signed.body,
  headers: signed.headers,
  context: signed.context,
};
const tamperedText = signed.body.replace('xxxx', 'xxxy');
const tampered = { ...request, body: Buffer.from(tamperedText), text: tamperedText };

const verify = await verifierImplementations[implementation].create(scheme);

async function accepts(candidate) {
  try {
    return Boolean(await verify(candidate));
  } catch {
    return false;
  }
}
if (!(await accepts(request))) throw new Error(`${implementation} rejected a valid ${scheme} signature.`);
if (await accepts(tampered)) throw new Error(`${implementation} accepted a changed ${scheme} body.`);

/** Calls `verify` until `durationMs` passes, checking the clock every 64 calls. */
async function run(durationMs) {
  const startedAt = performance.now();
  const deadline = startedAt + durationMs;
  let count = 0;
  let now = startedAt;
  while (now < deadline) {
    for (let index = 0; index < 64; index += 1) {
      const result = verify(request);
      if (result instanceof Promise) await result;
    }
    count += 64;
    now = performance.now();
  }
  return { count, elapsedMs: now - startedAt };
}

await run(Number(values['warmup-ms']));
const { count, elapsedMs } = await run(Number(values['duration-ms']));
printResult({
  scheme,
  implementation,
  verifications: count,
  elapsedMs,
  perSecond: (count / elapsedMs) * 1000,
});
