import { patchbayProject } from '../../tooling/test-utils/src/vitest-preset.js';

export default patchbayProject('playground', { testTimeout: 120_000 });
