import type { RunReport } from './run-report.js';

function table(rows: Array<[string, string | number]>): string {
  const width = Math.max(...rows.map(([label]) => label.length));
  return rows.map(([label, value]) => `  ${label.padEnd(width)}  ${value}`).join('\n');
}

function seconds(ms: number): string {
  return `${(ms / 1000).toFixed(1)} s`;
}

function retries(report: RunReport): number {
  return report.http.hubspot.retries + report.http.stripe.retries;
}

/** The summary of a run, as `renderSummary` prints it and the dashboard shows it. */
export interface RunSummary {
  /** Such as `Summary (fakes, chaos)`. */
  title: string;
  /** Label and value of each table row. */
  rows: Array<[string, string]>;
  /** Duplicates found in the fakes' final state, or undefined in live runs. */
  integrity: string | undefined;
  /** True when every row is accounted for and `problems` is empty. */
  accounted: boolean;
  problems: string[];
}

/** Describes events whose handler threw; the receiver released them so the sender's retry can run them. */
function handlerFailures(report: RunReport): string {
  const failed = report.webhooks.stripe.failed + report.webhooks.hubspot.failed;
  return failed > 0
    ? `, ${failed} handler ${failed === 1 ? 'failure' : 'failures'} (left for the sender to retry)`
    : '';
}

/** Computes the summary's rows and closing lines from a report. */
export function summarizeReport(report: RunReport): RunSummary {
  const stages = Object.entries(report.deals.byStage)
    .map(([stage, count]) => `${stage} ${count}`)
    .join(', ');
  const rejectedReasons = new Map<string, number>();
  for (const row of report.rows.rejected) {
    const reason = row.reason.startsWith('invalid email')
      ? 'invalid email'
      : row.reason.startsWith('has ')
        ? 'wrong field count'
        : row.reason;
    rejectedReasons.set(reason, (rejectedReasons.get(reason) ?? 0) + 1);
  }
  const webhooks = report.webhooks;
  const rows: Array<[string, string | number]> = [
    ['rows read', report.rows.read],
    [
      'rows rejected',
      `${report.rows.rejected.length}${rejectedReasons.size > 0 ? ` (${[...rejectedReasons].map(([reason, count]) => `${reason}: ${count}`).join(', ')})` : ''}`,
    ],
    ['duplicate emails merged', report.rows.merged.length],
    [
      'contacts created / updated',
      `${report.contacts.created} / ${report.contacts.updated}${report.contacts.failed.length > 0 ? `, ${report.contacts.failed.length} failed` : ''}`,
    ],
    [
      'deals created / updated',
      `${report.deals.created} / ${report.deals.updated}${report.deals.failed.length > 0 ? `, ${report.deals.failed.length} failed` : ''}`,
    ],
    ['deals by stage', stages || 'none'],
    [
      'invoices sent / paid / failed',
      `${report.invoices.sent} / ${report.invoices.paid} / ${report.invoices.paymentFailed}${report.invoices.awaitingOutcome > 0 ? `, ${report.invoices.awaitingOutcome} awaiting outcome` : ''}`,
    ],
    [
      'webhooks received / verified',
      `${webhooks.stripe.requests + webhooks.hubspot.requests} / ${webhooks.stripe.verified + webhooks.hubspot.verified}`,
    ],
    [
      'webhooks rejected / duplicates',
      `${webhooks.stripe.rejected + webhooks.hubspot.rejected} / ${webhooks.stripe.duplicates + webhooks.hubspot.duplicates}${handlerFailures(report)}`,
    ],
    ['HTTP attempts (HubSpot / Stripe)', `${report.http.hubspot.attempts} / ${report.http.stripe.attempts}`],
    ['retries', retries(report)],
    ['429 responses', report.http.hubspot.rateLimited + report.http.stripe.rateLimited],
    ['elapsed', seconds(report.elapsedMs)],
  ];
  let integrity: string | undefined;
  if (report.integrity) {
    const { duplicateContacts, duplicateDeals, duplicateCustomers, duplicateInvoices } = report.integrity;
    integrity = `duplicates in the fakes: contacts ${duplicateContacts}, deals ${duplicateDeals}, customers ${duplicateCustomers}, invoices ${duplicateInvoices}`;
  }
  const accounted = report.everyRowAccountedFor && report.problems.length === 0;
  return {
    title: `Summary (${report.mode}${report.chaos ? ', chaos' : ''}${report.redis ? ', redis' : ''})`,
    rows: rows.map(([label, value]) => [label, String(value)]),
    integrity,
    accounted,
    problems: report.problems,
  };
}

/** Renders the summary printed at the end of a run. */
export function renderSummary(report: RunReport): string {
  const summary = summarizeReport(report);
  const lines = [summary.title, table(summary.rows)];
  if (summary.integrity) lines.push(`  ${summary.integrity}`);
  lines.push(
    summary.accounted
      ? 'Every row is accounted for.'
      : `Problems:\n${summary.problems.map((problem) => `  - ${problem}`).join('\n')}`,
  );
  return lines.join('\n');
}

/** The Markdown report: the summary plus every rejected, merged and failed row. */
export function renderMarkdown(report: RunReport): string {
  const sections = [
    `# Playground run ${report.startedAt}`,
    '',
    `CSV: \`${report.csv}\`. Mode: ${report.mode}${report.chaos ? ' with chaos' : ''}${report.redis ? ' with Redis stores' : ''}.`,
    '',
    '```',
    renderSummary(report),
    '```',
    '',
    '## Rejected rows',
    '',
    report.rows.rejected.length === 0
      ? 'None.'
      : [
          '| line | reason |',
          '| --- | --- |',
          ...report.rows.rejected.map((row) => `| ${row.line} | ${row.reason.replace(/\|/g, '\\|')} |`),
        ].join('\n'),
    '',
    '## Merged duplicates',
    '',
    report.rows.merged.length === 0
      ? 'None.'
      : [
          '| line | email | merged into line | fields filled |',
          '| --- | --- | --- | --- |',
          ...report.rows.merged.map(
            (row) =>
              `| ${row.line} | ${row.email} | ${row.mergedInto} | ${row.filledFields.join(', ') || '-'} |`,
          ),
        ].join('\n'),
    '',
    '## Failures',
    '',
  ];
  const failures = [
    ...report.contacts.failed.map(
      (failure) => `- contact ${failure.email} (lines ${failure.lines.join(', ')}): ${failure.error}`,
    ),
    ...report.deals.failed.map((failure) => `- deal for ${failure.email}: ${failure.error}`),
    ...report.invoices.failed.map(
      (failure) => `- invoice for deal ${failure.dealId} (${failure.email}): ${failure.error}`,
    ),
  ];
  sections.push(
    failures.length === 0 ? 'None.' : failures.join('\n'),
    '',
    '## Top leads and their history',
    '',
  );
  sections.push(
    report.history.length === 0
      ? 'None.'
      : [
          '| email | score | related records | latest deal |',
          '| --- | --- | --- | --- |',
          ...report.history.map(
            (entry) =>
              `| ${entry.email} | ${entry.score} | ${Object.entries(entry.counts)
                .map(([type, count]) => `${type} ${count}`)
                .join(', ')} | ${entry.latestDeal ?? '-'} |`,
          ),
        ].join('\n'),
    '',
  );
  return sections.join('\n');
}
