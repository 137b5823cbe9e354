import type { LeadFile } from '../leads/read-leads-csv.js';
import type { RunReport } from '../report/run-report.js';
import type { LeadSyncResult } from '../workflows/lead-sync.js';

/**
 * Checks that nothing was lost: every data row is a lead, a rejection or a merge; every lead is a
 * contact or a reported failure; every qualified lead with a contact has a deal or a reported
 * failure; and the fakes hold no duplicates. Fills `everyRowAccountedFor` and `problems`.
 */
export function accountForRows(report: RunReport, file: LeadFile, sync: LeadSyncResult): void {
  const problems: string[] = [];
  const rowTotal = file.leads.length + file.rejected.length + file.merged.length;
  if (rowTotal !== file.rowsRead)
    problems.push(`${file.rowsRead} rows read but ${rowTotal} accounted for as leads, rejections and merges`);

  const contactFailures = new Set(sync.contacts.failed.map((failure) => failure.email));
  const lostContacts = file.leads.filter(
    (lead) => !sync.contacts.idsByEmail.has(lead.email) && !contactFailures.has(lead.email),
  );
  if (lostContacts.length > 0)
    problems.push(
      `${lostContacts.length} leads are neither contacts nor reported failures: ${lostContacts
        .slice(0, 5)
        .map((lead) => lead.email)
        .join(', ')}`,
    );

  const dealFailures = new Set(sync.deals.failed.map((failure) => failure.email));
  const lostDeals = sync.qualified.filter(
    ({ lead, qualification }) =>
      (qualification.tier === 'A' || qualification.tier === 'B') &&
      sync.contacts.idsByEmail.has(lead.email) &&
      !sync.deals.idsByEmail.has(lead.email) &&
      !dealFailures.has(lead.email),
  );
  if (lostDeals.length > 0)
    problems.push(`${lostDeals.length} qualified leads have neither a deal nor a reported failure`);

  if (report.invoices.awaitingOutcome > 0 && report.mode === 'fakes')
    problems.push(`${report.invoices.awaitingOutcome} invoices got no payment outcome webhook in time`);
  const integrity = report.integrity;
  if (integrity) {
    for (const [name, count] of Object.entries(integrity))
      if (count > 0)
        problems.push(`${count} ${name.replace(/^duplicate/, 'duplicate ').toLowerCase()} in the fakes`);
  }

  report.everyRowAccountedFor = problems.length === 0;
  report.problems = problems;
}
