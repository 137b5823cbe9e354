import { type CountryCode, parsePhoneNumberFromString } from 'libphonenumber-js';

const emailPattern = /^[^\s@]+@[^\s@]+\.[^\s@.]{2,}$/;

/** Trims and lower-cases an email; returns `undefined` when it is not a plausible address. */
export function normalizeEmail(value: string | undefined): string | undefined {
  const email = value?.trim().toLowerCase();
  return email && emailPattern.test(email) ? email : undefined;
}

const countryNames: Record<string, CountryCode> = {
  us: 'US',
  usa: 'US',
  unitedstates: 'US',
  unitedstatesofamerica: 'US',
  america: 'US',
  uk: 'GB',
  gb: 'GB',
  unitedkingdom: 'GB',
  greatbritain: 'GB',
  england: 'GB',
  scotland: 'GB',
  ca: 'CA',
  canada: 'CA',
  de: 'DE',
  germany: 'DE',
  deutschland: 'DE',
  fr: 'FR',
  france: 'FR',
  nl: 'NL',
  netherlands: 'NL',
  thenetherlands: 'NL',
  holland: 'NL',
  es: 'ES',
  spain: 'ES',
  it: 'IT',
  italy: 'IT',
  ie: 'IE',
  ireland: 'IE',
  se: 'SE',
  sweden: 'SE',
  au: 'AU',
  australia: 'AU',
  nz: 'NZ',
  newzealand: 'NZ',
  in: 'IN',
  india: 'IN',
  br: 'BR',
  brazil: 'BR',
  mx: 'MX',
  mexico: 'MX',
  jp: 'JP',
  japan: 'JP',
  sg: 'SG',
  singapore: 'SG',
  ch: 'CH',
  switzerland: 'CH',
  at: 'AT',
  austria: 'AT',
  be: 'BE',
  belgium: 'BE',
  dk: 'DK',
  denmark: 'DK',
  no: 'NO',
  norway: 'NO',
  fi: 'FI',
  finland: 'FI',
  pl: 'PL',
  poland: 'PL',
  pt: 'PT',
  portugal: 'PT',
  za: 'ZA',
  southafrica: 'ZA',
};

/** Maps a country name or code to ISO 3166-1 alpha-2, or keeps the trimmed text. */
export function normalizeCountry(value: string | undefined): string | undefined {
  const text = value?.trim();
  if (!text) return undefined;
  return countryNames[text.toLowerCase().replace(/[^a-z]/g, '')] ?? text;
}

/** Formats a phone number as E.164 when it parses (using the lead's country for local numbers). */
export function normalizePhone(
  value: string | undefined,
  country: string | undefined,
): { phone: string | undefined; unparsed: boolean } {
  const text = value?.trim();
  if (!text) return { phone: undefined, unparsed: false };
  const defaultCountry = country && /^[A-Z]{2}$/.test(country) ? (country as CountryCode) : undefined;
  const parsed = parsePhoneNumberFromString(text, defaultCountry);
  if (parsed?.isValid()) return { phone: parsed.number, unparsed: false };
  return { phone: text, unparsed: true };
}

const legalSuffix = /^(inc|llc|ltd|gmbh|ag|sa|sas|bv|nv|plc|co|corp|pty|oy|ab|as|srl|spa)\.?$/i;

/**
 * Cleans a company name: collapses whitespace, drops stray quotes and trailing punctuation, and
 * title-cases names written all in upper or lower case (short words stay upper case, as in
 * `IBM`, and legal suffixes keep their usual form).
 */
export function normalizeCompany(value: string | undefined): string | undefined {
  let name = value
    ?.replace(/\s+/g, ' ')
    .replace(/^["'\s]+|["'\s,;]+$/g, '')
    .trim();
  if (!name) return undefined;
  const letters = name.replace(/[^A-Za-z]/g, '');
  if (letters.length > 4 && (letters === letters.toUpperCase() || letters === letters.toLowerCase())) {
    name = name
      .split(' ')
      .map((word) => {
        if (legalSuffix.test(word))
          return word.length <= 3 ? word.toUpperCase() : word[0]!.toUpperCase() + word.slice(1).toLowerCase();
        if (word.length <= 3 && word === word.toUpperCase()) return word;
        return word.charAt(0).toUpperCase() + word.slice(1).toLowerCase();
      })
      .join(' ');
  }
  return name;
}

/** Reduces a website to its domain and returns both `https://<domain>` and the domain. */
export function normalizeWebsite(value: string | undefined): {
  website: string | undefined;
  domain: string | undefined;
} {
  const text = value?.trim();
  if (!text) return { website: undefined, domain: undefined };
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `https://${text}`).hostname.toLowerCase();
  } catch {
    return { website: undefined, domain: undefined };
  }
  host = host.replace(/^www\./, '').replace(/\.$/, '');
  if (!/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(host)) return { website: undefined, domain: undefined };
  return { website: `https://${host}`, domain: host };
}

/** Reads an employee count: `250`, `1,200`, `51-200` (lower bound), `1000+`, `10k`. */
export function normalizeEmployees(value: string | undefined): number | undefined {
  const text = value?.trim().toLowerCase().replace(/,/g, '');
  if (!text) return undefined;
  const match = /^(\d+(?:\.\d+)?)(k)?/.exec(text);
  if (!match) return undefined;
  const count = Math.round(Number(match[1]) * (match[2] ? 1000 : 1));
  return Number.isFinite(count) ? count : undefined;
}
