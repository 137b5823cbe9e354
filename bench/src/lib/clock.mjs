import { performance } from 'node:perf_hooks';

/** Milliseconds since the Unix epoch with sub-millisecond resolution, comparable across processes. */
export function nowMs() {
  return performance.timeOrigin + performance.now();
}

export function sleep(ms) {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
