/**
 * Reads how long a service asks the client to wait, in milliseconds, from `retry-after-ms`
 * (a non-negative integer of milliseconds) or `Retry-After` (non-negative integer seconds or an
 * HTTP-date, RFC 9110 section 10.2.3). Returns `undefined` when neither header holds a usable
 * value: a negative, fractional or unparsable value, or a date that is not in the future, falls
 * back to the computed backoff instead of producing a negative or early sleep.
 */
export function parseRetryAfterMs(
  headers: Record<string, string>,
  nowMs: number = Date.now(),
): number | undefined {
  const milliseconds = headers['retry-after-ms'];
  if (milliseconds !== undefined && /^\s*\d+\s*$/.test(milliseconds)) {
    const value = Number(milliseconds);
    if (Number.isSafeInteger(value)) return value;
  }

  const retryAfter = headers['retry-after']?.trim();
  if (!retryAfter) return undefined;

  if (/^\d+$/.test(retryAfter)) {
    const seconds = Number(retryAfter);
    return Number.isSafeInteger(seconds * 1000) ? seconds * 1000 : undefined;
  }

  const dateMs = parseHttpDate(retryAfter);
  if (dateMs === undefined || dateMs <= nowMs) return undefined;
  return Math.ceil(dateMs - nowMs);
}

const months = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];

// The three HTTP-date forms a recipient must accept (RFC 9110 section 5.6.7), all in UTC.
const imfFixdate = /^[A-Za-z]{3}, (\d{2}) ([A-Za-z]{3}) (\d{4}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const rfc850Date = /^[A-Za-z]{6,9}, (\d{2})-([A-Za-z]{3})-(\d{2}) (\d{2}):(\d{2}):(\d{2}) GMT$/;
const asctimeDate = /^[A-Za-z]{3} ([A-Za-z]{3}) ([ \d]\d) (\d{2}):(\d{2}):(\d{2}) (\d{4})$/;

type DateParts = [day: string, month: string, year: number, hour: string, minute: string, second: string];

function matchHttpDate(value: string): DateParts | undefined {
  const imf = imfFixdate.exec(value);
  if (imf) return [imf[1]!, imf[2]!, Number(imf[3]), imf[4]!, imf[5]!, imf[6]!];

  const rfc850 = rfc850Date.exec(value);
  if (rfc850) {
    // RFC 9110: a two-digit year more than 50 years in the future means the past century.
    const currentYear = new Date().getUTCFullYear();
    let year = Math.floor(currentYear / 100) * 100 + Number(rfc850[3]);
    if (year > currentYear + 50) year -= 100;
    return [rfc850[1]!, rfc850[2]!, year, rfc850[4]!, rfc850[5]!, rfc850[6]!];
  }

  const asctime = asctimeDate.exec(value);
  if (asctime)
    return [asctime[2]!.trim(), asctime[1]!, Number(asctime[6]), asctime[3]!, asctime[4]!, asctime[5]!];
  return undefined;
}

/** Parses an HTTP-date into epoch milliseconds, or `undefined` when it is not one. */
export function parseHttpDate(value: string): number | undefined {
  const parts = matchHttpDate(value);
  if (!parts) return undefined;

  const [day, monthName, year, hour, minute, second] = parts;
  const month = months.indexOf(monthName);
  if (month === -1) return undefined;
  const result = Date.UTC(year, month, Number(day), Number(hour), Number(minute), Number(second));
  const check = new Date(result);
  // Reject impossible dates such as 31 Feb, which Date.UTC would roll into March.
  if (check.getUTCDate() !== Number(day) || check.getUTCMonth() !== month) return undefined;
  return result;
}
