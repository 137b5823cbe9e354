import { StripeArgumentError } from '../errors/stripe-argument-error.js';

// Source for every list and rule in this file: docs.stripe.com/currencies ("Zero-decimal
// currencies", "Three-decimal currencies", "Special cases").

/** Currencies whose API amounts are whole units: 500 JPY is `amount: 500`. */
export const zeroDecimalCurrencies: ReadonlySet<string> = new Set([
  'bif',
  'clp',
  'djf',
  'gnf',
  'jpy',
  'kmf',
  'krw',
  'mga',
  'pyg',
  'rwf',
  // NOTE: Stripe also lists UGX under "special cases". This file treats it as zero-decimal, as the
  // zero-decimal list does, and that was not checked against a live account.
  'ugx',
  'vnd',
  'vuv',
  'xaf',
  'xof',
  'xpf',
]);

/**
 * Currencies with three decimals. Stripe takes their amounts in thousandths but requires the last
 * digit to be 0, so 5.124 KWD must be rounded to 5.120 or 5.130 before it is charged.
 */
export const threeDecimalCurrencies: ReadonlySet<string> = new Set(['bhd', 'jod', 'kwd', 'omr', 'tnd']);

/**
 * Currencies Stripe treats as zero-decimal but takes in hundredths for backwards compatibility,
 * so an amount must be divisible by 100: 5 ISK is `amount: 500`.
 */
export const wholeUnitTwoDecimalCurrencies: ReadonlySet<string> = new Set(['isk']);

/** Digits after the decimal point in Stripe API amounts for `currency`: 0, 2 or 3. */
export function currencyExponent(currency: string): 0 | 2 | 3 {
  const code = normalizeCurrency(currency);
  if (zeroDecimalCurrencies.has(code)) return 0;
  if (threeDecimalCurrencies.has(code)) return 3;
  return 2;
}

/** Lower-cases and checks a three-letter ISO 4217 code, as Stripe requires lower case. */
export function normalizeCurrency(currency: string, argument = 'currency'): string {
  const code = typeof currency === 'string' ? currency.trim().toLowerCase() : '';
  if (!/^[a-z]{3}$/.test(code)) {
    throw new StripeArgumentError(
      `${argument} must be a three-letter ISO 4217 code such as "usd"; received ${JSON.stringify(currency)}.`,
      { argument },
    );
  }
  return code;
}

/**
 * Checks that `amount` is a valid positive API amount for `currency`: a safe whole number of
 * minor units, a multiple of 10 for three-decimal currencies and of 100 for ISK.
 */
export function assertMinorUnitAmount(amount: number, currency: string, argument = 'amount'): void {
  if (!Number.isSafeInteger(amount) || amount <= 0) {
    throw new StripeArgumentError(
      `${argument} must be a positive whole number in the currency's smallest unit (1050 for 10.50 USD, 500 for 500 JPY); received ${String(amount)}. Use toMinorUnits() to convert a decimal amount.`,
      { argument },
    );
  }
  const code = normalizeCurrency(currency);
  if (threeDecimalCurrencies.has(code) && amount % 10 !== 0) {
    throw new StripeArgumentError(
      `${argument} ${amount} is invalid for ${code.toUpperCase()}: Stripe requires three-decimal amounts to end in 0; round to ${Math.floor(amount / 10) * 10} or ${Math.ceil(amount / 10) * 10}.`,
      { argument },
    );
  }
  if (wholeUnitTwoDecimalCurrencies.has(code) && amount % 100 !== 0) {
    throw new StripeArgumentError(
      `${argument} ${amount} is invalid for ${code.toUpperCase()}: Stripe takes whole ${code.toUpperCase()} in hundredths, so the amount must be a multiple of 100.`,
      { argument },
    );
  }
}

function decimalParts(amount: string | number, argument: string): { whole: string; fraction: string } {
  const text = typeof amount === 'number' ? String(amount) : amount.trim();
  const match = /^(\d+)(?:\.(\d*))?$/.exec(text);
  if (!match || (typeof amount === 'number' && !Number.isFinite(amount))) {
    throw new StripeArgumentError(
      `${argument} must be a non-negative decimal such as "10.50"; received ${JSON.stringify(amount)}.`,
      { argument },
    );
  }
  return { whole: match[1] as string, fraction: match[2] ?? '' };
}

/**
 * Converts a decimal amount in major units ("10.50" USD) to Stripe's integer minor units (1050).
 * Pass strings for exact results; numbers are read through `String(amount)`. More decimals than
 * the currency has (10.505 USD, 1.5 JPY) throw instead of rounding money silently.
 */
export function toMinorUnits(amount: string | number, currency: string, argument = 'amount'): number {
  const code = normalizeCurrency(currency);
  const exponent = wholeUnitTwoDecimalCurrencies.has(code) ? 0 : currencyExponent(code);
  const { whole, fraction } = decimalParts(amount, argument);
  const significant = fraction.replace(/0+$/, '');
  if (significant.length > exponent) {
    throw new StripeArgumentError(
      `${argument} ${JSON.stringify(amount)} has more decimals than ${code.toUpperCase()} allows (${exponent}); round it before converting.`,
      { argument },
    );
  }
  const digits = `${whole}${significant.padEnd(exponent, '0')}`;
  let minor = Number(digits);
  if (wholeUnitTwoDecimalCurrencies.has(code)) minor *= 100;
  if (!Number.isSafeInteger(minor)) {
    throw new StripeArgumentError(`${argument} ${JSON.stringify(amount)} is too large to send exactly.`, {
      argument,
    });
  }
  if (threeDecimalCurrencies.has(code) && minor % 10 !== 0) {
    throw new StripeArgumentError(
      `${argument} ${JSON.stringify(amount)} ${code.toUpperCase()} ends in a non-zero third decimal; Stripe requires three-decimal amounts to end in 0, so round to two decimals first.`,
      { argument },
    );
  }
  return minor;
}

/** Converts integer minor units back to a decimal string in major units: 1050 USD gives "10.50". */
export function fromMinorUnits(amount: number, currency: string): string {
  const code = normalizeCurrency(currency);
  if (!Number.isSafeInteger(amount)) {
    throw new StripeArgumentError(
      `amount must be a whole number of minor units; received ${String(amount)}.`,
      {
        argument: 'amount',
      },
    );
  }
  const exponent = currencyExponent(code);
  const sign = amount < 0 ? '-' : '';
  const digits = String(Math.abs(amount)).padStart(exponent + 1, '0');
  if (exponent === 0) return `${sign}${digits}`;
  return `${sign}${digits.slice(0, -exponent)}.${digits.slice(-exponent)}`;
}
