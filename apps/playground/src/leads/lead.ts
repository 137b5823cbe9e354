/** Lead fields the playground understands, as they come out of a CSV row. */
export const leadFields = [
  'email',
  'firstName',
  'lastName',
  'fullName',
  'phone',
  'company',
  'website',
  'jobTitle',
  'country',
  'employees',
  'leadSource',
  'industry',
] as const;

export type LeadField = (typeof leadFields)[number];

/** A CSV row mapped to lead fields; every value is the trimmed text of its cell. */
export type RawLead = Partial<Record<LeadField, string>>;

/** A lead after normalization. */
export interface Lead {
  /** Trimmed and lower-cased; the dedup key. */
  email: string;
  firstName: string | undefined;
  lastName: string | undefined;
  /** E.164 when the number parses, otherwise the original text. */
  phone: string | undefined;
  /** The phone as written, when it could not be turned into E.164. */
  phoneUnparsed: boolean;
  company: string | undefined;
  /** `https://<domain>`, with path, query and `www.` removed. */
  website: string | undefined;
  domain: string | undefined;
  jobTitle: string | undefined;
  /** ISO 3166-1 alpha-2 code when recognised, otherwise the text as written. */
  country: string | undefined;
  /** Employee count, or the lower bound of a range such as `51-200`. */
  employees: number | undefined;
  leadSource: string | undefined;
  industry: string | undefined;
  /** CSV line numbers (1-based, header included) the lead was read from; several after a merge. */
  lines: number[];
}

/** A row that could not become a lead, with the reason. */
export interface RejectedRow {
  line: number;
  reason: string;
  /** The row's cells as read, for the report. */
  values: string[];
}

/** A row merged into an earlier row with the same email. */
export interface MergedRow {
  line: number;
  email: string;
  /** Line of the row it was merged into. */
  mergedInto: number;
  /** Fields the later row filled in because the earlier one left them empty. */
  filledFields: LeadField[];
}
