// Generates data/leads.csv: 1,200 deterministic leads in the shape of a CRM export, with the
// mess real exports carry (mixed-case emails, padded cells, quoted commas, duplicate emails, a
// few rows without a usable email). Run with `pnpm --filter @patchbay/playground generate-leads`.
import { writeFileSync } from 'node:fs';

const rowCount = 1200;

/** Mulberry32: a small seeded generator, so the file is the same on every run. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let value = state;
    value = Math.imul(value ^ (value >>> 15), value | 1);
    value ^= value + Math.imul(value ^ (value >>> 7), value | 61);
    return ((value ^ (value >>> 14)) >>> 0) / 4294967296;
  };
}

const random = seeded(20261204);
const pick = <T>(items: readonly T[]): T => items[Math.floor(random() * items.length)] as T;

const firstNames = [
  'Ada',
  'Grace',
  'Alan',
  'Katherine',
  'Linus',
  'Margaret',
  'Tim',
  'Barbara',
  'Dennis',
  'Frances',
  'Ken',
  'Radia',
  'Guido',
  'Hedy',
  'John',
  'Mary',
  'Edsger',
  'Karen',
  'Niklaus',
  'Sophie',
  'Bjarne',
  'Evelyn',
  'James',
  'Anita',
  'Leslie',
  'Joan',
  'Vint',
  'Shafi',
  'Yukihiro',
  'Lynn',
];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Johnson',
  'Torvalds',
  'Hamilton',
  'Berners-Lee',
  'Liskov',
  'Ritchie',
  'Allen',
  'Thompson',
  'Perlman',
  'van Rossum',
  'Lamarr',
  'McCarthy',
  'Keller',
  'Dijkstra',
  'Sparck Jones',
  'Wirth',
  'Wilson',
  'Stroustrup',
  'Berezin',
  'Gosling',
  'Borg',
  'Lamport',
  'Clarke',
  'Cerf',
  'Goldwasser',
  'Matsumoto',
  'Conway',
];
const companyRoots = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Wingtip',
  'Adventure Works',
  'Litware',
  'Proseware',
  'Lucerne',
  'Margie',
  'Trey Research',
  'Alpine Ski',
  'Coho Winery',
  'Datum',
  'Fourth Coffee',
  'Graphic Design',
  'Humongous',
  'Southridge',
  'Wide World',
  'Blue Yonder',
];
const companySuffixes = [
  'Inc',
  'LLC',
  'Ltd',
  'GmbH',
  'Group',
  'Labs',
  'Systems',
  'Partners',
  'Co.',
  'Software',
];
const titles = [
  'CEO',
  'CTO',
  'VP of Sales',
  'VP Engineering',
  'Head of Operations',
  'Director of Marketing',
  'IT Director',
  'Sales Manager',
  'Engineering Manager',
  'Account Executive',
  'Software Engineer',
  'Analyst',
  'Marketing Intern',
  'Founder',
  'Office Manager',
  'Product Lead',
];
const sources = [
  'Demo Request',
  'Referral',
  'Webinar',
  'Trade Show',
  'LinkedIn Ads',
  'Website',
  'Purchased List',
  'Partner',
  'Organic Search',
];
const industries = [
  'Software',
  'Manufacturing',
  'Retail',
  'Healthcare',
  'Finance',
  'Logistics',
  'Education',
  'Media',
];
const countries: Array<[string, () => string]> = [
  [
    'United States',
    () => `(${200 + Math.floor(random() * 700)}) 555-${String(1000 + Math.floor(random() * 8999))}`,
  ],
  ['USA', () => `+1 415 555 ${String(1000 + Math.floor(random() * 8999))}`],
  ['United Kingdom', () => `020 7946 ${String(Math.floor(random() * 1000)).padStart(4, '0')}`],
  ['Germany', () => `+49 30 ${String(12345678 + Math.floor(random() * 8000000))}`],
  [
    'France',
    () =>
      `01 ${String(40 + Math.floor(random() * 50))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))} ${String(10 + Math.floor(random() * 89))}`,
  ],
  ['Canada', () => `604-555-${String(1000 + Math.floor(random() * 8999))}`],
  ['Australia', () => `+61 2 9${String(1000000 + Math.floor(random() * 8999999))}`],
  ['Brazil', () => 'ask reception'],
  ['Netherlands', () => `+31 20 ${String(1000000 + Math.floor(random() * 8999999))}`],
];
const employeeRanges = [
  '1-9',
  '10-49',
  '51-200',
  '201-500',
  '501-1000',
  '1,001-5,000',
  '5000+',
  '12',
  '250',
  '',
];
const freeMail = ['gmail.com', 'outlook.com', 'yahoo.com'];

function csvCell(value: string): string {
  return /[",\n\r]/.test(value) ? `"${value.replace(/"/g, '""')}"` : value;
}

const header = [
  'First Name',
  'Last Name',
  'Email',
  'Phone Number',
  'Company Name',
  'Website URL',
  'Job Title',
  'Country/Region',
  'Number of Employees',
  'Lead Source',
  'Industry',
];
const lines = [header.join(',')];
const emails: string[] = [];

for (let index = 0; index < rowCount; index += 1) {
  // Every 60th row repeats an earlier person, as exports from two sources do.
  if (index > 0 && index % 60 === 0) {
    const earlier = lines[1 + Math.floor(random() * (lines.length - 1))] as string;
    lines.push(earlier.replace(/^([^,]*),/, ' $1 ,'));
    continue;
  }
  const first = pick(firstNames);
  const last = pick(lastNames);
  const root = pick(companyRoots);
  const domain = `${root.toLowerCase().replace(/[^a-z]/g, '')}${index % 7 === 0 ? '-labs' : ''}.example`;
  const company = index % 9 === 0 ? `${root}, ${pick(companySuffixes)}` : `${root} ${pick(companySuffixes)}`;
  const local = `${first}.${last}`.toLowerCase().replace(/[^a-z.]/g, '');
  let email = random() < 0.12 ? `${local}${index}@${pick(freeMail)}` : `${local}.${index}@${domain}`;
  if (index % 11 === 0) email = email.toUpperCase();
  if (index % 13 === 0) email = `  ${email} `;
  // A few rows lose their email or carry a broken one, as hand-edited sheets do.
  if (index % 97 === 0) email = '';
  if (index % 151 === 0) email = `${local}.at.${domain}`;
  const [country, phone] = pick(countries);
  const website = index % 5 === 0 ? `http://www.${domain}/about?ref=csv` : index % 4 === 0 ? '' : domain;
  const row = [
    first,
    last,
    email,
    index % 8 === 0 ? '' : phone(),
    index % 17 === 0 ? company.toUpperCase() : company,
    website,
    pick(titles),
    country,
    pick(employeeRanges),
    pick(sources),
    pick(industries),
  ];
  emails.push(email);
  lines.push(row.map(csvCell).join(','));
}

writeFileSync(new URL('../data/leads.csv', import.meta.url), `${lines.join('\r\n')}\r\n`);
process.stdout.write(`Wrote ${lines.length - 1} rows to data/leads.csv\n`);
