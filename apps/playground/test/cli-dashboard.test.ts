import { spawn } from 'node:child_process';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const packageDir = fileURLToPath(new URL('..', import.meta.url));
const tsx = fileURLToPath(new URL('../node_modules/.bin/tsx', import.meta.url));

/** Starts `main.ts` with the arguments; resolves once `ready` matches its output or it exits. */
function startCli(args: string[], ready: RegExp) {
  const child = spawn(tsx, ['src/cli/main.ts', ...args], {
    cwd: packageDir,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const matched = new Promise<RegExpMatchArray | undefined>((resolve) => {
    const read = (chunk: Buffer) => {
      output += chunk.toString();
      const match = output.match(ready);
      if (match) resolve(match);
    };
    child.stdout.on('data', read);
    child.stderr.on('data', read);
    void exited.then(() => resolve(undefined));
  });
  return { child, exited, matched, output: () => output };
}

describe('demo --ui', () => {
  it('prints the dashboard URL and stops on SIGINT', async () => {
    const cli = startCli(['--ui', '--ui-port', '0'], /Dashboard at (http:\/\/127\.0\.0\.1:\d+\/)/);

    const match = await cli.matched;
    expect(match, cli.output()).toBeDefined();
    const state = await (await fetch(new URL('/api/state', match?.[1]))).json();
    cli.child.kill('SIGINT');

    expect(state.defaults).toEqual({ csv: 'leads.csv', csvPath: '', chaos: false, seed: 7 });
    expect(await cli.exited).toBe(0);
  }, 30_000);

  it('names a busy --ui-port', async () => {
    const busy = createServer();
    await new Promise<void>((resolve) => busy.listen(0, '127.0.0.1', resolve));
    const { port } = busy.address() as { port: number };

    const cli = startCli(['--ui', '--ui-port', String(port)], /Configuration error: .*\n/);
    const code = await cli.exited;
    await new Promise((resolve) => busy.close(resolve));

    expect(code).toBe(2);
    expect(cli.output()).toBe(
      `Configuration error: The dashboard cannot listen on 127.0.0.1:${port} (EADDRINUSE); pick another --ui-port.\n`,
    );
  }, 30_000);
});
