import { type ErrorCategory, errorMatrix } from './error-matrix.js';

/** One extra row of a service's own classification, rendered under the category it maps to. */
export interface ServiceErrorRow {
  /** The service's signal, such as `429 with policyName DAILY`. */
  when: string;
  category: ErrorCategory;
  retried: string;
  action: string;
}

function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\n/g, ' ');
}

/** Renders the error matrix as a Markdown table; the READMEs embed this output. */
export function renderErrorMatrix(): string {
  const lines = [
    '| category | meaning | typical sources | retried | counts for breaker | what to do |',
    '| --- | --- | --- | --- | --- | --- |',
  ];
  for (const [category, row] of Object.entries(errorMatrix)) {
    lines.push(
      `| \`${category}\` | ${cell(row.meaning)} | ${cell(row.sources)} | ${row.retried ? 'yes' : 'no'} | ${row.countsForBreaker ? 'yes' : 'no'} | ${cell(row.action)} |`,
    );
  }
  return lines.join('\n');
}

/** Renders a service's classification rows as a Markdown table. */
export function renderServiceErrorRows(rows: readonly ServiceErrorRow[]): string {
  const lines = ['| service signal | category | retried | what to do |', '| --- | --- | --- | --- |'];
  for (const row of rows)
    lines.push(`| ${cell(row.when)} | \`${row.category}\` | ${cell(row.retried)} | ${cell(row.action)} |`);
  return lines.join('\n');
}

/** Replaces the text between `<!-- name:start -->` and `<!-- name:end -->` in a document. */
export function replaceMarkedSection(document: string, name: string, content: string): string {
  const start = `<!-- ${name}:start -->`;
  const end = `<!-- ${name}:end -->`;
  const from = document.indexOf(start);
  const to = document.indexOf(end);
  if (from === -1 || to === -1 || to < from)
    throw new Error(`The document has no ${start} ... ${end} section.`);
  return `${document.slice(0, from + start.length)}\n${content}\n${document.slice(to)}`;
}
