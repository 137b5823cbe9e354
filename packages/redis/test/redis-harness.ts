import { type ChildProcess, spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Redis } from 'ioredis';

export const sharedRedisUrl = process.env.PATCHBAY_REDIS_URL ?? 'redis://127.0.0.1:6379';

/** Connects to the shared test Redis, failing (never skipping) when it does not answer. */
export async function connectSharedRedis(): Promise<Redis> {
  const redis = new Redis(sharedRedisUrl, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2000,
    lazyConnect: true,
  });
  try {
    await redis.connect();
    await redis.ping();
  } catch (error) {
    redis.disconnect();
    throw new Error(
      `The Redis tests need a Redis server at ${sharedRedisUrl} (.ci/run starts one); it did not answer: ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  return redis;
}

/** A key prefix unique to one test, and a function that deletes every key under it. */
export function uniquePrefix(redis: Redis) {
  const prefix = `patchbay-test:${randomUUID()}:`;
  return {
    prefix,
    async cleanup() {
      const keys = await redis.keys(`${prefix}*`);
      if (keys.length > 0) await redis.del(...keys);
    },
  };
}

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => resolve(typeof address === 'object' && address ? address.port : 0));
    });
  });
}

/** A private redis-server that persists every write before answering, for restart tests. */
export class PrivateRedisServer {
  readonly dir = mkdtempSync(join(tmpdir(), 'patchbay-redis-'));
  port = 0;
  #process: ChildProcess | undefined;

  get url(): string {
    return `redis://127.0.0.1:${this.port}`;
  }

  async start(): Promise<void> {
    if (this.port === 0) this.port = await freePort();
    const child = spawn(
      'redis-server',
      [
        '--port',
        String(this.port),
        '--bind',
        '127.0.0.1',
        '--appendonly',
        'yes',
        '--appendfsync',
        'always',
        '--save',
        '',
        '--dir',
        this.dir,
      ],
      { stdio: 'ignore' },
    );
    this.#process = child;
    const probe = new Redis(this.url, {
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => {});
    for (let tries = 0; tries < 100; tries += 1) {
      try {
        await probe.connect();
        await probe.ping();
        probe.disconnect();
        return;
      } catch {
        probe.disconnect();
        await new Promise((resolve) => setTimeout(resolve, 50));
      }
    }
    throw new Error(`redis-server did not start on port ${this.port}; is redis-server installed?`);
  }

  /** Kills the server without a clean shutdown, as a crash would. */
  async kill(): Promise<void> {
    const child = this.#process;
    if (!child || child.exitCode !== null) return;
    await new Promise<void>((resolve) => {
      child.once('exit', () => resolve());
      child.kill('SIGKILL');
    });
  }

  async dispose(): Promise<void> {
    await this.kill();
    rmSync(this.dir, { recursive: true, force: true });
  }
}

const packageDir = fileURLToPath(new URL('..', import.meta.url));

/** Starts a worker script under tsx with the package's path mapping, so it runs from source. */
export function startWorker(
  script: string,
  env: Record<string, string>,
): ChildProcess & { output: Promise<string>; firstLine: Promise<string> } {
  const child = spawn(process.execPath, ['--import', 'tsx', join(packageDir, 'test', 'workers', script)], {
    cwd: packageDir,
    env: { ...process.env, TSX_TSCONFIG_PATH: join(packageDir, 'tsconfig.json'), ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  let resolveLine: (line: string) => void = () => {};
  let rejectLine: (error: Error) => void = () => {};
  const firstLine = new Promise<string>((resolve, reject) => {
    resolveLine = resolve;
    rejectLine = reject;
  });
  child.stdout?.on('data', (chunk: Buffer) => {
    stdout += chunk.toString();
    if (stdout.includes('\n')) resolveLine(stdout.split('\n')[0] as string);
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    stderr += chunk.toString();
  });
  const output = new Promise<string>((resolve, reject) => {
    child.once('exit', (code, signal) => {
      if (code === 0) resolve(stdout);
      else reject(new Error(`worker ${script} exited with ${code ?? signal}:\n${stderr}\n${stdout}`));
    });
  });
  output.then(
    () => rejectLine(new Error(`worker ${script} exited before printing a line:\n${stdout}`)),
    (error: Error) => rejectLine(error),
  );
  firstLine.catch(() => {});
  return Object.assign(child, { output, firstLine });
}
