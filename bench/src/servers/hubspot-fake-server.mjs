// The HubSpot fake from @patchbay/hubspot/testing served over HTTP in its own process, with its
// default limits (100 requests per rolling 10 s, as HubSpot's Free tier). `--workflow playground`
// adds the playground's demo pipeline, which its deal sync looks up by label.
import { parseArgs } from 'node:util';
import { createFakeHubSpot } from '@patchbay/hubspot/testing';
import { serveControl } from '../lib/processes.mjs';

const { values } = parseArgs({
  options: { workflow: { type: 'string', default: 'reproduced' }, bundle: { type: 'string' } },
});
const pipelines = [];
if (values.workflow === 'playground') {
  const { demoPipeline } = await import(values.bundle);
  pipelines.push(demoPipeline);
}

const fake = createFakeHubSpot({ seed: 7, pipelines });
const listening = await fake.listen();

serveControl(listening.url, {
  stats: () => ({
    requests: fake.state.requests.map((entry) => ({
      method: entry.method,
      path: entry.path,
      status: entry.status,
      atMs: entry.atMs,
    })),
    counts: fake.state.counts?.(),
  }),
});
