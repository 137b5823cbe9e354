import { parse } from 'csv-parse/sync';
import { type ColumnMapping, detectColumns, type MappingFile } from './column-mapping.js';
import type { Lead, LeadField, MergedRow, RawLead, RejectedRow } from './lead.js';
import { normalizeLead } from './normalize-lead.js';

/** Everything read from a CSV: every data row ends up in exactly one of the three lists. */
export interface LeadFile {
  leads: Lead[];
  rejected: RejectedRow[];
  merged: MergedRow[];
  /** Data rows read (header and blank lines excluded). */
  rowsRead: number;
  /** Lines that were empty or held only separators. */
  blankLines: number;
  mapping: ColumnMapping;
  headers: string[];
}

interface ParsedRecord {
  record: string[];
  info: { lines: number; empty_lines: number; bytes: number };
}

const mergeableFields: Array<keyof Lead & LeadField> = [
  'firstName',
  'lastName',
  'phone',
  'company',
  'website',
  'jobTitle',
  'country',
  'employees',
  'leadSource',
  'industry',
];

function mergeInto(first: Lead, later: Lead): LeadField[] {
  const filled: LeadField[] = [];
  for (const field of mergeableFields) {
    if (first[field] === undefined && later[field] !== undefined) {
      (first as unknown as Record<string, unknown>)[field] = later[field];
      filled.push(field);
    }
  }
  if (filled.includes('website')) first.domain = later.domain;
  if (filled.includes('phone')) first.phoneUnparsed = later.phoneUnparsed;
  first.lines.push(...later.lines);
  return filled;
}

/**
 * Returns a function from the byte offset where a record's text may start (after the previous
 * record's line break) to the 1-based line of its first character. Empty lines before the record
 * are skipped, and CRLF, LF and a lone CR each end one line. Offsets must not decrease between calls.
 */
function lineNumbers(bytes: Uint8Array): (offset: number) => number {
  let position = 0;
  let line = 1;
  return (offset) => {
    let start = offset;
    while (start < bytes.length && (bytes[start] === 0x0a || bytes[start] === 0x0d)) start += 1;
    for (; position < start; position += 1) {
      const byte = bytes[position];
      if (byte === 0x0a || (byte === 0x0d && bytes[position + 1] !== 0x0a)) line += 1;
    }
    return line;
  };
}

/**
 * Explains a csv-parse error with the line where the failing row starts. csv-parse's own line
 * count drifts after a CRLF inside a quoted cell, and for an unclosed quote it names the last line.
 */
function describeParseError(error: unknown, csv: string): string {
  const details = error as { code?: unknown; bytes_records?: unknown };
  const message = error instanceof Error ? error.message : String(error);
  if (typeof details.bytes_records !== 'number') return `The CSV could not be parsed: ${message}`;
  const line = lineNumbers(Buffer.from(csv, 'utf8'))(details.bytes_records);
  if (details.code === 'CSV_QUOTE_NOT_CLOSED') {
    return `The CSV could not be parsed: a quoted cell in the row starting at line ${line} is never closed. Check that row for a stray or missing double quote.`;
  }
  return `The CSV could not be parsed at the row starting at line ${line}: ${message.replace(/ at line \d+/, '')}`;
}

/**
 * Reads leads from CSV text with csv-parse: a BOM, CRLF, quoted commas and newlines, and blank
 * lines are handled; header names are detected (or mapped explicitly); rows without a valid email
 * are rejected with their line number and reason; rows repeating an email are merged into the
 * first and reported.
 */
export function readLeadsCsv(csv: string, explicitMapping?: MappingFile): LeadFile {
  let parsed: ParsedRecord[];
  try {
    parsed = parse(csv, {
      bom: true,
      info: true,
      skip_empty_lines: true,
      relax_column_count: true,
      relax_quotes: true,
    }) as unknown as ParsedRecord[];
  } catch (error) {
    throw new Error(describeParseError(error, csv));
  }
  const [header, ...rows] = parsed;
  if (!header) throw new Error('The CSV is empty; it needs a header row and at least one lead.');

  const headers = header.record.map((cell) => cell.trim());
  const mapping = detectColumns(headers, explicitMapping);
  const result: LeadFile = {
    leads: [],
    rejected: [],
    merged: [],
    rowsRead: 0,
    blankLines: header.info.empty_lines,
    mapping,
    headers,
  };
  const byEmail = new Map<string, Lead>();
  let previous = header.info;
  const lineAt = lineNumbers(Buffer.from(csv, 'utf8'));

  for (const { record, info } of rows) {
    // csv-parse counts a CRLF inside a quoted cell as two lines, so `info.lines` drifts after
    // such a cell. The line number comes from the record's byte offset instead.
    const line = lineAt(previous.bytes);
    result.blankLines += info.empty_lines - previous.empty_lines;
    previous = info;

    if (record.every((cell) => cell.trim() === '')) {
      result.blankLines += 1;
      continue;
    }
    result.rowsRead += 1;
    if (record.length > headers.length && record.slice(headers.length).some((cell) => cell.trim() !== '')) {
      result.rejected.push({
        line,
        reason: `has ${record.length} fields but the header has ${headers.length}; check for an unquoted comma`,
        values: record,
      });
      continue;
    }

    const raw: RawLead = {};
    for (const [field, index] of Object.entries(mapping) as Array<[LeadField, number]>)
      raw[field] = record[index]?.trim();
    const outcome = normalizeLead(raw, line);
    if ('reason' in outcome) {
      result.rejected.push({ line, reason: outcome.reason, values: record });
      continue;
    }

    const existing = byEmail.get(outcome.lead.email);
    if (existing) {
      const filledFields = mergeInto(existing, outcome.lead);
      result.merged.push({
        line,
        email: outcome.lead.email,
        mergedInto: existing.lines[0] as number,
        filledFields,
      });
      continue;
    }
    byEmail.set(outcome.lead.email, outcome.lead);
    result.leads.push(outcome.lead);
  }
  return result;
}
