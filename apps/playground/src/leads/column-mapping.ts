import { z } from 'zod';
import { type LeadField, leadFields } from './lead.js';

/** Header spellings seen in CRM, lead-gen tool and spreadsheet exports, after `headerKey`. */
const aliases: Record<LeadField, string[]> = {
  email: [
    'email',
    'emailaddress',
    'email1',
    'emailaddress1',
    'primaryemail',
    'workemail',
    'businessemail',
    'mail',
    'emailid',
    'contactemail',
  ],
  firstName: ['firstname', 'first', 'givenname', 'fname', 'forename'],
  lastName: ['lastname', 'last', 'surname', 'familyname', 'lname'],
  fullName: ['name', 'fullname', 'contactname', 'contact', 'leadname'],
  phone: [
    'phone',
    'phonenumber',
    'phone1',
    'mobile',
    'mobilephone',
    'mobilenumber',
    'telephone',
    'tel',
    'workphone',
    'directdial',
    'cell',
  ],
  company: [
    'company',
    'companyname',
    'organization',
    'organisation',
    'organizationname',
    'account',
    'accountname',
    'employer',
  ],
  website: [
    'website',
    'web',
    'url',
    'companywebsite',
    'domain',
    'companydomain',
    'site',
    'websiteurl',
    'homepage',
  ],
  jobTitle: ['jobtitle', 'title', 'position', 'role', 'jobrole'],
  country: ['country', 'countrycode', 'countryregion', 'countryname'],
  employees: [
    'employees',
    'companysize',
    'numberofemployees',
    'employeecount',
    'headcount',
    'size',
    'noofemployees',
  ],
  leadSource: ['leadsource', 'source', 'origin', 'channel', 'originalsource'],
  industry: ['industry', 'sector', 'vertical'],
};

/** Folds a header for matching: lower case, letters and digits only (`E-mail 1` → `email1`). */
export function headerKey(header: string): string {
  return header.toLowerCase().replace(/[^a-z0-9]/g, '');
}

/** Column index of each lead field. */
export type ColumnMapping = Partial<Record<LeadField, number>>;

/** An explicit mapping file: lead field → header name exactly as in the CSV. */
export const mappingFileSchema = z.record(z.string(), z.string().min(1)).superRefine((mapping, context) => {
  for (const field of Object.keys(mapping)) {
    if (!(leadFields as readonly string[]).includes(field)) {
      context.addIssue({
        code: 'custom',
        message: `"${field}" is not a lead field; use one of ${leadFields.join(', ')}`,
        path: [field],
      });
    }
  }
});

export type MappingFile = z.infer<typeof mappingFileSchema>;

/**
 * Maps header cells to lead fields: explicit entries first, then the first header that matches
 * a known spelling. Throws when the mapping names a missing column or no email column exists.
 */
export function detectColumns(headers: string[], explicit: MappingFile = {}): ColumnMapping {
  const mapping: ColumnMapping = {};
  const taken = new Set<number>();

  for (const [field, header] of Object.entries(explicit)) {
    const index = headers.findIndex((candidate) => candidate.trim() === header.trim());
    if (index === -1) {
      throw new Error(
        `The mapping sends ${field} to the column "${header}", but the CSV header has no such column. Columns found: ${headers.map((h) => `"${h}"`).join(', ')}.`,
      );
    }
    mapping[field as LeadField] = index;
    taken.add(index);
  }

  const keys = headers.map(headerKey);
  for (const field of leadFields) {
    if (mapping[field] !== undefined) continue;
    const index = keys.findIndex((key, position) => !taken.has(position) && aliases[field].includes(key));
    if (index !== -1) {
      mapping[field] = index;
      taken.add(index);
    }
  }

  if (mapping.email === undefined) {
    throw new Error(
      `No email column found among ${headers.map((h) => `"${h}"`).join(', ')}. Name it "Email", or pass --mapping with a JSON file such as {"email": "Work Mail"}.`,
    );
  }
  return mapping;
}
