import { readFileSync } from 'node:fs';
import { sep } from 'node:path';

/** Names the package a profiled function belongs to, from its script URL. */
export function packageOf(url) {
  if (!url) return '(native)';
  if (url.startsWith('node:')) return 'node internals';
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  if (path.includes(`${sep}packages${sep}`) && !path.includes('node_modules')) {
    const name = path.split(`${sep}packages${sep}`)[1].split(sep)[0];
    return `@patchbay/${name}`;
  }
  const modules = path.lastIndexOf(`node_modules${sep}`);
  if (modules !== -1) {
    const parts = path.slice(modules + 'node_modules/'.length).split(sep);
    return parts[0].startsWith('@') ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  if (path.includes(`${sep}bench${sep}`)) return 'bench harness';
  return path;
}

function shortLocation(url, line) {
  if (!url) return '';
  const path = decodeURIComponent(url.replace(/^file:\/\//, ''));
  const trimmed = path.includes('node_modules/')
    ? path.slice(path.lastIndexOf('node_modules/') + 'node_modules/'.length)
    : path.includes('/packages/')
      ? `packages/${path.split('/packages/')[1]}`
      : path.replace(/^.*\/bench\//, 'bench/');
  return `${trimmed}:${line + 1}`;
}

/**
 * Reads a `.cpuprofile` written by `node --cpu-prof` and sums self time (sample time spent in a
 * function itself, not in its callees) per function and per package. `(idle)` time, when the
 * process waited on I/O, is reported apart and left out of the shares.
 */
export function summarizeCpuProfile(file, top = 12) {
  const profile = JSON.parse(readFileSync(file, 'utf8'));
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const selfUs = new Map();
  for (let index = 0; index < profile.samples.length; index += 1) {
    const id = profile.samples[index];
    selfUs.set(id, (selfUs.get(id) ?? 0) + (profile.timeDeltas[index] ?? 0));
  }

  const byFunction = new Map();
  const byPackage = new Map();
  let idleUs = 0;
  let busyUs = 0;
  for (const [id, us] of selfUs) {
    const { callFrame } = nodes.get(id);
    const name = callFrame.functionName || '(anonymous)';
    if (name === '(idle)') {
      idleUs += us;
      continue;
    }
    busyUs += us;
    const pkg = name.startsWith('(') && !callFrame.url ? name : packageOf(callFrame.url);
    byPackage.set(pkg, (byPackage.get(pkg) ?? 0) + us);
    const key = `${name} ${shortLocation(callFrame.url, callFrame.lineNumber)}`;
    const entry = byFunction.get(key) ?? {
      name,
      location: shortLocation(callFrame.url, callFrame.lineNumber),
      package: pkg,
      us: 0,
    };
    entry.us += us;
    byFunction.set(key, entry);
  }

  const share = (us) => (busyUs === 0 ? 0 : us / busyUs);
  return {
    busyMs: busyUs / 1000,
    idleMs: idleUs / 1000,
    functions: [...byFunction.values()]
      .sort((a, b) => b.us - a.us)
      .slice(0, top)
      .map((entry) => ({ ...entry, share: share(entry.us) })),
    packages: [...byPackage.entries()]
      .sort((a, b) => b[1] - a[1])
      .map(([name, us]) => ({ name, us, share: share(us) })),
  };
}
