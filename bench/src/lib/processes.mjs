import { fork, spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const resultPrefix = 'RESULT ';

/** Resolves a script path relative to bench/src. */
export function benchScript(relativePath) {
  return fileURLToPath(new URL(`../${relativePath}`, import.meta.url));
}

/**
 * Runs a client script in its own `node` process and returns the JSON it printed on its last
 * `RESULT {...}` line. The process fails the measurement when it exits with a non-zero code, when
 * it prints no result, or when it runs past `timeoutMs`.
 */
export async function runClient(script, options = {}) {
  // A rebuild of the workspace packages (tsup cleans dist/ first) makes imports fail for a few
  // seconds. Such a run is repeated once the build is back, up to a minute later.
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await runClientOnce(script, options);
    } catch (error) {
      const missingBuild = /ERR_MODULE_NOT_FOUND[\s\S]*\/dist\//.test(error.message);
      if (!missingBuild || attempt === 12) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5000));
    }
  }
}

function runClientOnce(script, options) {
  const { args = [], nodeArgs = [], env = {}, timeoutMs = 120_000 } = options;
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [...nodeArgs, benchScript(script), ...args], {
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => {
      stdout += chunk;
    });
    child.stderr.on('data', (chunk) => {
      stderr += chunk;
    });
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`${script} ${args.join(' ')} timed out after ${timeoutMs} ms.\n${stderr}`));
    }, timeoutMs);
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code, signal) => {
      clearTimeout(timer);
      const line = stdout
        .split('\n')
        .reverse()
        .find((candidate) => candidate.startsWith(resultPrefix));
      if (code !== 0 || line === undefined) {
        reject(
          new Error(
            `${script} ${args.join(' ')} exited with ${signal ?? code} and ${line ? 'a' : 'no'} result.\n${stderr.slice(-4000)}`,
          ),
        );
        return;
      }
      resolve(JSON.parse(line.slice(resultPrefix.length)));
    });
  });
}

/** Prints a client's result for {@link runClient}. */
export function printResult(result) {
  process.stdout.write(`${resultPrefix}${JSON.stringify(result)}\n`);
}

/**
 * Starts a server script in its own process. The server sends `{ type: 'listening', url }` over
 * IPC once it accepts connections. `request(message)` sends a control message and resolves with
 * the server's reply to it.
 */
export function startServer(script, options = {}) {
  const { args = [], env = {}, nodeArgs = [] } = options;
  const child = fork(benchScript(script), args, {
    env: { ...process.env, ...env },
    execArgv: nodeArgs,
    stdio: ['ignore', 'inherit', 'inherit', 'ipc'],
  });
  let nextId = 0;
  const pending = new Map();
  child.on('message', (message) => {
    const waiter = pending.get(message.id);
    if (waiter) {
      pending.delete(message.id);
      waiter.resolve(message.data);
    }
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));

  const ready = new Promise((resolve, reject) => {
    const onMessage = (message) => {
      if (message?.type !== 'listening') return;
      child.off('message', onMessage);
      resolve(message.url);
    };
    child.on('message', onMessage);
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code} before it listened.`)));
  });

  return ready.then((url) => ({
    url,
    pid: child.pid,
    request(message) {
      nextId += 1;
      const id = nextId;
      return new Promise((resolve, reject) => {
        pending.set(id, { resolve, reject });
        child.send({ ...message, id });
      });
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      await exited;
    },
  }));
}

/**
 * Serves control messages for {@link startServer} in a server process: `handlers[type](message)`
 * returns the reply's data.
 */
export function serveControl(url, handlers) {
  process.on('message', async (message) => {
    const handler = handlers[message?.type];
    if (!handler) return;
    const data = await handler(message);
    process.send({ id: message.id, data });
  });
  process.on('disconnect', () => process.exit(0));
  process.send({ type: 'listening', url });
}
