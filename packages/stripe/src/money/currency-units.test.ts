import { describe, expect, it } from 'vitest';
import { StripeArgumentError } from '../errors/stripe-argument-error.js';
import {
  assertMinorUnitAmount,
  currencyExponent,
  fromMinorUnits,
  normalizeCurrency,
  toMinorUnits,
} from './currency-units.js';

describe('toMinorUnits', () => {
  it('multiplies two-decimal currencies by 100', () => {
    expect(toMinorUnits('10.50', 'usd')).toBe(1050);
    expect(toMinorUnits('10.5', 'EUR')).toBe(1050);
    expect(toMinorUnits(19.99, 'usd')).toBe(1999);
    expect(toMinorUnits('0.07', 'gbp')).toBe(7);
    expect(toMinorUnits('12', 'usd')).toBe(1200);
  });

  it('keeps zero-decimal currencies in whole units', () => {
    expect(toMinorUnits('500', 'jpy')).toBe(500);
    expect(toMinorUnits('15000', 'KRW')).toBe(15000);
    expect(toMinorUnits('500.00', 'jpy')).toBe(500);
  });

  it('rejects fractions a zero-decimal currency cannot have', () => {
    expect(() => toMinorUnits('1.5', 'jpy')).toThrow('more decimals than JPY allows (0)');
  });

  it('uses thousandths ending in 0 for three-decimal currencies', () => {
    expect(toMinorUnits('5.12', 'kwd')).toBe(5120);
    expect(toMinorUnits('5.120', 'bhd')).toBe(5120);
    expect(() => toMinorUnits('5.124', 'kwd')).toThrow('ends in a non-zero third decimal');
  });

  it('sends whole ISK in hundredths', () => {
    expect(toMinorUnits('5', 'isk')).toBe(500);
    expect(() => toMinorUnits('5.5', 'isk')).toThrow('more decimals than ISK allows (0)');
  });

  it('rejects amounts that are not plain non-negative decimals', () => {
    for (const amount of ['-1', '1e3', 'ten', '', ' ', '1.2.3', Number.NaN]) {
      const error = (() => {
        try {
          toMinorUnits(amount, 'usd');
        } catch (caught) {
          return caught;
        }
        return undefined;
      })();
      expect(StripeArgumentError.isInstance(error), String(amount)).toBe(true);
    }
  });

  it('rejects more decimals than the currency has instead of rounding', () => {
    expect(() => toMinorUnits('10.505', 'usd')).toThrow('more decimals than USD allows (2)');
  });
});

describe('fromMinorUnits', () => {
  it('formats minor units as a decimal string', () => {
    expect(fromMinorUnits(1050, 'usd')).toBe('10.50');
    expect(fromMinorUnits(7, 'usd')).toBe('0.07');
    expect(fromMinorUnits(500, 'jpy')).toBe('500');
    expect(fromMinorUnits(5120, 'kwd')).toBe('5.120');
    expect(fromMinorUnits(-250, 'eur')).toBe('-2.50');
  });
});

describe('currencyExponent', () => {
  it('names the decimals per currency', () => {
    expect(currencyExponent('usd')).toBe(2);
    expect(currencyExponent('JPY')).toBe(0);
    expect(currencyExponent('krw')).toBe(0);
    expect(currencyExponent('tnd')).toBe(3);
  });
});

describe('normalizeCurrency', () => {
  it('lower-cases valid codes and rejects others', () => {
    expect(normalizeCurrency(' USD ')).toBe('usd');
    expect(() => normalizeCurrency('usdollar')).toThrow('three-letter ISO 4217 code');
    expect(() => normalizeCurrency('')).toThrow('received ""');
  });
});

describe('assertMinorUnitAmount', () => {
  it('accepts positive whole minor units', () => {
    expect(() => assertMinorUnitAmount(1099, 'usd')).not.toThrow();
    expect(() => assertMinorUnitAmount(500, 'jpy')).not.toThrow();
  });

  it('rejects zero, negatives, fractions and unsafe numbers', () => {
    for (const amount of [0, -100, 10.5, Number.MAX_SAFE_INTEGER + 1, Number.NaN]) {
      expect(() => assertMinorUnitAmount(amount, 'usd'), String(amount)).toThrow(
        'must be a positive whole number',
      );
    }
  });

  it('applies the three-decimal and ISK rules', () => {
    expect(() => assertMinorUnitAmount(5124, 'kwd')).toThrow('round to 5120 or 5130');
    expect(() => assertMinorUnitAmount(550, 'isk')).toThrow('multiple of 100');
  });
});
