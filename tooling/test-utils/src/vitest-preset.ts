import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const consoleGuard = fileURLToPath(new URL('./console-guard.ts', import.meta.url));
const packagesDir = fileURLToPath(new URL('../../../packages/', import.meta.url));

/**
 * Builds a vitest project for one workspace package. Imports of `@patchbay/<name>` and its
 * subpaths resolve to the sibling package's source, so tests never run against a stale build.
 */
export interface ProjectOverrides {
  include?: string[];
  testTimeout?: number;
  /**
   * Projects with a higher group run after every lower group has finished; timing-sensitive
   * projects (multi-process load tests) use 1 so the other test files do not compete for CPU.
   */
  groupOrder?: number;
  /** `false` runs the project's files one at a time. */
  fileParallelism?: boolean;
}

export function patchbayProject(name: string, overrides: ProjectOverrides = {}) {
  return defineProject({
    resolve: {
      alias: [
        {
          find: /^@patchbay\/(core|webhooks|hubspot|stripe|redis)\/testing$/,
          replacement: `${packagesDir}$1/src/testing/index.ts`,
        },
        {
          find: /^@patchbay\/core\/node$/,
          replacement: `${packagesDir}core/src/transport/node-transport.ts`,
        },
        {
          find: /^@patchbay\/(core|webhooks|hubspot|stripe|redis)$/,
          replacement: `${packagesDir}$1/src/index.ts`,
        },
      ],
    },
    test: {
      name,
      include: overrides.include ?? ['src/**/*.test.ts', 'test/**/*.test.ts'],
      setupFiles: [consoleGuard],
      testTimeout: overrides.testTimeout ?? 10_000,
      restoreMocks: true,
      unstubGlobals: true,
      sequence: { groupOrder: overrides.groupOrder ?? 0 },
      fileParallelism: overrides.fileParallelism ?? true,
    },
  });
}
