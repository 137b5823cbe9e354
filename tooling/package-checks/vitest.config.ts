import { patchbayProject } from '../../tooling/test-utils/src/vitest-preset.js';

export default patchbayProject('package-checks', { include: ['src/**/*.test.ts'], testTimeout: 120_000 });
