import { patchbayProject } from '../../tooling/test-utils/src/vitest-preset.js';

// These tests talk to real Redis servers and spawn worker processes, so they get more time, run
// after the other projects and one file at a time: the rate they measure depends on free CPU.
export default patchbayProject('redis', { testTimeout: 60_000, groupOrder: 1, fileParallelism: false });
