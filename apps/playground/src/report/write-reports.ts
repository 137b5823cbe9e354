import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { renderMarkdown } from './render-report.js';
import type { RunReport } from './run-report.js';

/**
 * Writes the report as JSON and Markdown to `latest.json` and `latest.md` in `reportDir`, plus a
 * copy named after the run's start time. Returns the path of `latest.json`.
 */
export async function writeReports(report: RunReport, reportDir: string): Promise<string> {
  await mkdir(reportDir, { recursive: true });
  const stamp = report.startedAt.replace(/[:.]/g, '-');
  const json = `${JSON.stringify(report, null, 2)}\n`;
  const markdown = renderMarkdown(report);
  await Promise.all([
    writeFile(join(reportDir, `run-${stamp}.json`), json),
    writeFile(join(reportDir, `run-${stamp}.md`), markdown),
    writeFile(join(reportDir, 'latest.json'), json),
    writeFile(join(reportDir, 'latest.md'), markdown),
  ]);
  return join(reportDir, 'latest.json');
}
