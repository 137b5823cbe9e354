// The playground's command line: `npm run demo -- [options]` from the repository root.
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { renderSummary } from '../report/render-report.js';
import { writeReports } from '../report/write-reports.js';
import { terminalProgress } from '../run/progress.js';
import { runPlayground } from '../run/run-playground.js';
import { PlaygroundConfigError } from '../services/run-mode.js';
import { parseCliArgs, usage } from './parse-args.js';
import { serveDashboard } from './serve-dashboard.js';

const packageDir = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const invokedFrom = process.env.PLAYGROUND_CWD ?? process.env.INIT_CWD ?? process.cwd();

async function main(): Promise<number> {
  const options = parseCliArgs(process.argv.slice(2), invokedFrom, packageDir);
  if (options.help) {
    console.log(usage);
    return 0;
  }
  if (options.ui) {
    await serveDashboard(options, { packageDir, invokedFrom });
    return 0;
  }
  const report = await runPlayground({ ...options, progress: terminalProgress() });

  await writeReports(report, options.reportDir);
  console.log(`\n${renderSummary(report)}\nReports: ${join(options.reportDir, 'latest.json')} and latest.md`);
  return report.everyRowAccountedFor ? 0 : 1;
}

main().then(
  (code) => {
    process.exitCode = code;
  },
  (error: unknown) => {
    if (error instanceof PlaygroundConfigError) {
      console.error(`Configuration error: ${error.message}`);
      process.exitCode = 2;
      return;
    }
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exitCode = 1;
  },
);
