import { describe, expect, it } from 'vitest';
import { sampleReport } from '../../test/support/sample-report.js';
import { renderSummary, summarizeReport } from './render-report.js';

describe('summarizeReport', () => {
  it('computes the rows renderSummary prints', () => {
    const summary = summarizeReport(sampleReport());

    expect(summary.title).toBe('Summary (fakes, chaos)');
    expect(summary.rows).toEqual([
      ['rows read', '12'],
      ['rows rejected', '2 (missing email: 1, invalid email: 1)'],
      ['duplicate emails merged', '1'],
      ['contacts created / updated', '9 / 0'],
      ['deals created / updated', '7 / 0'],
      ['deals by stage', 'Qualified To Buy 3, Appointment Scheduled 3, Paid 1'],
      ['invoices sent / paid / failed', '1 / 1 / 0'],
      ['webhooks received / verified', '5 / 5'],
      ['webhooks rejected / duplicates', '0 / 1'],
      ['HTTP attempts (HubSpot / Stripe)', '14 / 6'],
      ['retries', '3'],
      ['429 responses', '2'],
      ['elapsed', '4.3 s'],
    ]);
    expect(summary.integrity).toBe('duplicates in the fakes: contacts 0, deals 0, customers 0, invoices 0');
    expect(summary.accounted).toBe(true);
  });

  it('adds handler failures to the webhook row', () => {
    const report = sampleReport();
    report.webhooks.stripe.failed = 2;

    const rows = new Map(summarizeReport(report).rows);

    expect(rows.get('webhooks rejected / duplicates')).toBe(
      '0 / 1, 2 handler failures (left for the sender to retry)',
    );
  });

  it('is not accounted when the report lists problems', () => {
    const report = { ...sampleReport(), everyRowAccountedFor: false, problems: ['line 4 is missing'] };
    const summary = summarizeReport(report);

    expect(summary.accounted).toBe(false);
    expect(summary.problems).toEqual(['line 4 is missing']);
  });
});

describe('renderSummary', () => {
  it('aligns the rows and ends with the verdict', () => {
    const lines = renderSummary(sampleReport()).split('\n');

    expect(lines[0]).toBe('Summary (fakes, chaos)');
    expect(lines[1]).toBe('  rows read                         12');
    expect(lines[13]).toBe('  elapsed                           4.3 s');
    expect(lines[14]).toBe('  duplicates in the fakes: contacts 0, deals 0, customers 0, invoices 0');
    expect(lines[15]).toBe('Every row is accounted for.');
  });

  it('lists the problems of a run that does not add up', () => {
    const report = {
      ...sampleReport(),
      integrity: undefined,
      everyRowAccountedFor: false,
      problems: ['a', 'b'],
    };
    const lines = renderSummary(report).split('\n');

    expect(lines.slice(-3)).toEqual(['Problems:', '  - a', '  - b']);
  });
});
