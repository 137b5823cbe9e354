#!/usr/bin/env node
// Entry point for the README's two commands. Each one installs the workspace with the pnpm
// version pinned in package.json (fetched through npx, so a machine with only Node and npm
// works), then runs its steps in order and stops at the first failing step.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const { packageManager } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const env = { ...process.env, TURBO_TELEMETRY_DISABLED: '1', DO_NOT_TRACK: '1' };

function pnpm(args, options = {}) {
  const result = spawnSync('npx', ['--yes', packageManager, ...args], {
    cwd: root,
    env: { ...env, ...options.env },
    stdio: 'inherit',
  });
  return result.status ?? 1;
}

/**
 * Runs steps in order. A failing step marked `required` stops the run (nothing after it can
 * work); other failures are reported and the remaining steps still run, so one lint error does
 * not hide test results. Returns the failed steps with their exit codes.
 */
function runSteps(steps) {
  const failed = [];
  for (const [label, args, options = {}] of steps) {
    process.stdout.write(`\n> ${label}\n`);
    const status = pnpm(args, options);
    if (status === 0) continue;
    if (!options.quiet) process.stderr.write(`\n${label} failed with exit code ${status}.\n`);
    failed.push({ label, status });
    if (options.required) break;
  }
  return failed;
}

const [command, ...rest] = process.argv.slice(2);
const install = [
  'install',
  existsSync(join(root, 'pnpm-lock.yaml')) ? '--frozen-lockfile' : '--no-frozen-lockfile',
];

if (command === 'demo') {
  const failed = runSteps([
    ['install', install, { required: true }],
    ['build', ['turbo', 'run', 'build', '--output-logs=errors-only'], { required: true }],
    // The demo resolves relative --csv and --mapping paths from the directory the user ran npm in.
    // It prints its own errors, so its exit code (2 for a configuration error) is passed on as is.
    [
      'demo',
      ['--dir', 'apps/playground', 'exec', 'tsx', 'src/cli/main.ts', ...rest],
      { env: { PLAYGROUND_CWD: process.env.INIT_CWD ?? process.cwd() }, quiet: true },
    ],
  ]);
  process.exitCode = failed.length === 0 ? 0 : (failed.at(-1)?.status ?? 1);
} else if (command === 'test') {
  const reportDir = join(root, '.ci', 'out');
  rmSync(reportDir, { recursive: true, force: true });
  mkdirSync(reportDir, { recursive: true });
  const failed = runSteps([
    ['install', install, { required: true }],
    ['build', ['turbo', 'run', 'build', '--output-logs=errors-only'], { required: true }],
    ['lint and format check', ['biome', 'check', '.']],
    ['typecheck', ['turbo', 'run', 'typecheck', '--output-logs=errors-only']],
    [
      'tests',
      [
        'vitest',
        'run',
        '--reporter=default',
        '--reporter=json',
        `--outputFile.json=${join(reportDir, 'vitest.json')}`,
        ...rest,
      ],
    ],
  ]);
  writeFileSync(
    join(reportDir, 'failed-steps.json'),
    `${JSON.stringify(failed.map((step) => step.label))}\n`,
  );
  process.exitCode = failed.length === 0 ? 0 : 1;
} else {
  process.stderr.write('Usage: node scripts/run.mjs demo|test [arguments passed to the last step]\n');
  process.exitCode = 2;
}
