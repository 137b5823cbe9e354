import { patchbayProject } from '../../tooling/test-utils/src/vitest-preset.js';

// These tests talk to real Redis servers and spawn worker processes, so they get more time.
export default patchbayProject('redis', { testTimeout: 60_000 });
