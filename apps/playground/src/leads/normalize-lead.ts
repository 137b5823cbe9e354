import type { Lead, RawLead } from './lead.js';
import {
  normalizeCompany,
  normalizeCountry,
  normalizeEmail,
  normalizeEmployees,
  normalizePhone,
  normalizeWebsite,
} from './normalize-fields.js';

function text(value: string | undefined): string | undefined {
  const trimmed = value?.replace(/\s+/g, ' ').trim();
  return trimmed ? trimmed : undefined;
}

function splitFullName(fullName: string | undefined): { firstName?: string; lastName?: string } {
  const parts = text(fullName)?.split(' ') ?? [];
  if (parts.length === 0) return {};
  if (parts.length === 1) return { firstName: parts[0] };
  return { firstName: parts.slice(0, -1).join(' '), lastName: parts.at(-1) };
}

/** Normalizes a mapped row, or returns the reason it cannot be a lead. */
export function normalizeLead(raw: RawLead, line: number): { lead: Lead } | { reason: string } {
  if (!raw.email?.trim()) return { reason: 'missing email' };
  const email = normalizeEmail(raw.email);
  if (!email) return { reason: `invalid email "${raw.email.trim()}"` };

  const fromFullName = splitFullName(raw.fullName);
  const country = normalizeCountry(raw.country);
  const { phone, unparsed } = normalizePhone(raw.phone, country);
  const { website, domain } = normalizeWebsite(raw.website);

  return {
    lead: {
      email,
      firstName: text(raw.firstName) ?? fromFullName.firstName,
      lastName: text(raw.lastName) ?? fromFullName.lastName,
      phone,
      phoneUnparsed: unparsed,
      company: normalizeCompany(raw.company),
      website,
      domain: domain ?? email.split('@')[1],
      jobTitle: text(raw.jobTitle),
      country,
      employees: normalizeEmployees(raw.employees),
      leadSource: text(raw.leadSource),
      industry: text(raw.industry),
      lines: [line],
    },
  };
}
