import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { publint } from 'publint';
import { afterAll, describe, expect, it } from 'vitest';

// Each published package is packed exactly as `pnpm publish` would pack it, then checked
// on the tarball, so a file missing from `files` or a wrong `exports` target fails here.
const packagesDir = fileURLToPath(new URL('../../../packages/', import.meta.url));
const packDir = mkdtempSync(join(tmpdir(), 'patchbay-pack-'));

afterAll(() => rmSync(packDir, { recursive: true, force: true }));

const published = readdirSync(packagesDir).filter((name) => {
  const manifest = JSON.parse(readFileSync(join(packagesDir, name, 'package.json'), 'utf8'));
  return manifest.private !== true;
});

function pack(name: string): string {
  const output = execFileSync('npx', ['--yes', 'pnpm@10.34.9', 'pack', '--pack-destination', packDir], {
    cwd: join(packagesDir, name),
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const tarball = output
    .trim()
    .split('\n')
    .findLast((line) => line.endsWith('.tgz'));
  if (!tarball) throw new Error(`pnpm pack printed no tarball path for ${name}:\n${output}`);
  return tarball.startsWith('/') ? tarball : join(packDir, tarball);
}

describe.each(published)('@patchbay/%s', (name) => {
  let tarball = '';

  it('packs', () => {
    tarball = pack(name);
    expect(tarball).toMatch(/\.tgz$/);
  });

  it('passes publint', async () => {
    const bytes = readFileSync(tarball);
    const { messages } = await publint({
      pack: {
        tarball: bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + bytes.byteLength) as ArrayBuffer,
      },
      strict: true,
    });
    expect(
      messages.map((message) => `${message.type} ${message.code} ${JSON.stringify(message.args)}`),
    ).toEqual([]);
  });

  it('passes arethetypeswrong', () => {
    const attw = join(fileURLToPath(new URL('../node_modules/.bin/attw', import.meta.url)));
    let output = '';
    try {
      output = execFileSync(attw, [tarball, '--format', 'json', '--profile', 'node16'], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'pipe'],
      });
    } catch (error) {
      output = (error as { stdout?: string }).stdout ?? String(error);
    }
    const result = JSON.parse(output) as { analysis?: { problems?: Record<string, unknown[]> } };
    // Node 10 resolution ignores `exports`; every package requires Node 20, so those rows are moot.
    const problems = Object.values(result.analysis?.problems ?? {})
      .flat()
      .filter((problem) => (problem as { resolutionKind?: string }).resolutionKind !== 'node10');
    expect(problems).toEqual([]);
  });
});
