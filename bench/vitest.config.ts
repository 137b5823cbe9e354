import { patchbayProject } from '../tooling/test-utils/src/vitest-preset.js';

// The smoke test spawns dozens of client and server processes and checks rates, so it runs after
// every other project (the Redis load tests included) and alone.
export default patchbayProject('bench', {
  include: ['test/**/*.test.ts'],
  testTimeout: 180_000,
  groupOrder: 2,
  fileParallelism: false,
});
