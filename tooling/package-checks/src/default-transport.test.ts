import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const coreDist = fileURLToPath(new URL('../../../packages/core/dist/', import.meta.url));

function transportName(entry: string, format: 'import' | 'require'): string {
  const load =
    format === 'import'
      ? `await import(${JSON.stringify(coreDist + entry)})`
      : `require(${JSON.stringify(coreDist + entry)})`;
  const script = `const core = ${load}; const client = core.createClient({ service: 'x', baseUrl: 'http://127.0.0.1:9' }); process.stdout.write(client.transport.name); await client.close();`;
  const wrapped = format === 'import' ? script : `(async () => { ${script} })()`;
  return execFileSync(
    process.execPath,
    format === 'import' ? ['--input-type=module', '-e', wrapped] : ['-e', wrapped],
    {
      encoding: 'utf8',
    },
  );
}

// The Node build must default to the undici transport, and the build for other runtimes to ky
// over fetch. The swap happens in core's tsup config, so only the built files can show it.
describe('@patchbay/core default transport', () => {
  it.each([
    ['node/index.js', 'import', 'undici'],
    ['node/index.cjs', 'require', 'undici'],
    ['index.js', 'import', 'fetch'],
    ['index.cjs', 'require', 'fetch'],
  ] as const)('%s (%s) defaults to %s', (entry, format, expected) => {
    expect(transportName(entry, format)).toBe(expected);
  });
});
