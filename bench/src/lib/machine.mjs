import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import os from 'node:os';
import { fileURLToPath } from 'node:url';

const benchDir = fileURLToPath(new URL('../../', import.meta.url));
const rootDir = fileURLToPath(new URL('../../../', import.meta.url));

export function describeMachine() {
  const cpus = os.cpus();
  return {
    cpuModel: cpus[0]?.model ?? 'unknown',
    cores: os.availableParallelism?.() ?? cpus.length,
    memoryGiB: Math.round((os.totalmem() / 2 ** 30) * 10) / 10,
    node: process.version,
    v8: process.versions.v8,
    nodeBundledUndici: process.versions.undici,
    os: `${os.type()} ${os.release()} (${os.platform()} ${os.arch()})`,
    loadAverage: os.loadavg().map((value) => Math.round(value * 100) / 100),
  };
}

const peerPackages = [
  'undici',
  'ky',
  'axios',
  'zod',
  'stripe',
  '@hubspot/api-client',
  'bottleneck',
  'p-queue',
  'standardwebhooks',
  '@octokit/webhooks-methods',
  'rate-limiter-flexible',
  'ioredis',
  'esbuild',
];
const patchbayPackages = ['core', 'stripe', 'hubspot', 'webhooks', 'redis'];

function versionOf(directory) {
  return JSON.parse(readFileSync(`${directory}/package.json`, 'utf8')).version;
}

/** Versions as installed: peers from bench/node_modules, Patchbay from the workspace sources. */
export function libraryVersions() {
  const versions = {};
  for (const name of peerPackages) versions[name] = versionOf(`${benchDir}node_modules/${name}`);
  for (const name of patchbayPackages)
    versions[`@patchbay/${name}`] = versionOf(`${rootDir}packages/${name}`);
  return versions;
}

/** Returns the commit the workspace is at and the tracked files under packages/ that differ from it. */
export function describeSource() {
  try {
    const commit = execFileSync('git', ['rev-parse', '--short', 'HEAD'], { cwd: rootDir }).toString().trim();
    const changed = execFileSync('git', ['status', '--porcelain', '--', 'packages'], { cwd: rootDir })
      .toString()
      .split('\n')
      .filter(Boolean)
      .map((line) => line.slice(3));
    return { commit, changedPackageFiles: changed };
  } catch {
    return { commit: 'unknown', changedPackageFiles: [] };
  }
}

const builtEntries = [
  'core/dist/node/index.js',
  'core/dist/node-transport.js',
  'stripe/dist/index.js',
  'hubspot/dist/index.js',
  'hubspot/dist/testing/index.js',
  'webhooks/dist/index.js',
  'redis/dist/index.js',
];

/**
 * Returns a hash of the built entry points the clients load, so a run can tell whether the
 * packages were rebuilt while it ran.
 */
export function fingerprintBuild() {
  const hash = createHash('sha256');
  for (const entry of builtEntries) {
    try {
      hash.update(readFileSync(`${rootDir}packages/${entry}`));
    } catch {
      hash.update(`missing ${entry}`);
    }
  }
  return hash.digest('hex').slice(0, 16);
}
