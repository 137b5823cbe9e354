// Writes a deterministic CSV of distinct leads in the column layout of a CRM export, for the
// lead-sync measurement. Titles, company sizes, sources and countries vary, so the playground's
// rule-based qualifier spreads the leads over all tiers.

/** xorshift32: a small seeded generator, so every run syncs the same leads. */
function seeded(seed) {
  let state = seed >>> 0 || 1;
  return () => {
    state ^= state << 13;
    state >>>= 0;
    state ^= state >>> 17;
    state ^= state << 5;
    state >>>= 0;
    return state / 4_294_967_296;
  };
}

const firstNames = [
  'Ada',
  'Grace',
  'Alan',
  'Edsger',
  'Barbara',
  'Donald',
  'Frances',
  'Ken',
  'Radia',
  'Niklaus',
];
const lastNames = [
  'Lovelace',
  'Hopper',
  'Turing',
  'Dijkstra',
  'Liskov',
  'Knuth',
  'Allen',
  'Thompson',
  'Perlman',
  'Wirth',
];
const companies = [
  'Northwind',
  'Contoso',
  'Fabrikam',
  'Tailspin',
  'Wingtip',
  'Litware',
  'Proseware',
  'Datum',
];
// Repeated entries weight the draw towards junior titles, small companies and cold sources, as in
// a bought or scraped list, so that about 40% of the leads qualify for a deal (tiers A and B).
const titles = [
  'CEO',
  'VP of Sales',
  'IT Director',
  'Engineering Manager',
  'Software Engineer',
  'Software Engineer',
  'Analyst',
  'Analyst',
  'Support Specialist',
  'Intern',
  'Student',
];
const sizes = ['1-9', '1-9', '10-49', '10-49', '51-200', '201-500', '1,001-5,000', ''];
const sources = [
  'Demo Request',
  'Referral',
  'Webinar',
  'LinkedIn Ads',
  'Website',
  'Purchased List',
  'Purchased List',
  'Cold Outreach',
];
const countries = [
  ['United States', '+1 415 555 01'],
  ['Germany', '+49 30 901820'],
  ['United Kingdom', '+44 20 7946 09'],
  ['Brazil', ''],
  ['India', ''],
  ['Brazil', ''],
  ['India', ''],
];
const freeMail = ['gmail.com', 'outlook.com'];

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

function cell(value) {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** Returns CSV text with `count` leads, each with a distinct email. */
export function generateLeadsCsv(count, seed = 20261204) {
  const random = seeded(seed);
  const pick = (items) => items[Math.floor(random() * items.length)];
  const lines = [header.join(',')];
  for (let index = 0; index < count; index += 1) {
    const first = pick(firstNames);
    const last = pick(lastNames);
    const company = pick(companies);
    const domain = `${company.toLowerCase()}${index % 50}.example`;
    const [country, phonePrefix] = pick(countries);
    const phone = phonePrefix ? `${phonePrefix}${String(index % 100).padStart(2, '0')}` : '';
    const row = [
      first,
      last,
      `${first}.${last}.${index}@${random() < 0.3 ? pick(freeMail) : domain}`.toLowerCase(),
      phone,
      `${company} ${index % 50}`,
      random() < 0.7 ? `https://www.${domain}/` : '',
      pick(titles),
      country,
      pick(sizes),
      pick(sources),
      'Software',
    ];
    lines.push(row.map(cell).join(','));
  }
  return `${lines.join('\r\n')}\r\n`;
}
