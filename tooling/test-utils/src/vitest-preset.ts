import { fileURLToPath } from 'node:url';
import { defineProject } from 'vitest/config';

const consoleGuard = fileURLToPath(new URL('./console-guard.ts', import.meta.url));
const packagesDir = fileURLToPath(new URL('../../../packages/', import.meta.url));

/**
 * Builds a vitest project for one workspace package. Imports of `@patchbay/<name>` and its
 * subpaths resolve to the sibling package's source, so tests never run against a stale build.
 */
export function patchbayProject(name: string, overrides: { include?: string[]; testTimeout?: number } = {}) {
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
    },
  });
}
