import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { parseTimestamp } from './timestamp-tolerance.js';

/** A parsed `Stripe-Signature` header. */
export interface StripeSignatureHeader {
  /** The `t` value exactly as sent, because it is part of the signed message. */
  timestamp: string;
  timestampMs: number;
  /** Every `v1` signature, in header order. */
  signatures: string[];
  /** Other schemes present (such as `v0`), which are never checked. */
  ignoredSchemes: string[];
}

const header = 'Stripe-Signature';
const usualHeader = /^t=(\d{1,15}),v1=([0-9a-f]{64})$/;

/**
 * Parses `t=<seconds>,v1=<hex>[,v1=<hex>...]`. Elements without `=` are skipped. A missing or
 * non-numeric `t`, two different `t` values, or no `v1` element raise {@link MalformedHeaderError}.
 */
export function parseStripeSignatureHeader(value: string): StripeSignatureHeader {
  // Stripe's usual header, `t=<seconds>,v1=<hex>`, needs no splitting.
  const usual = usualHeader.exec(value);
  if (usual) {
    const timestamp = usual[1] as string;
    return {
      timestamp,
      timestampMs: Number(timestamp) * 1000,
      signatures: [usual[2] as string],
      ignoredSchemes: [],
    };
  }
  // Plain variables rather than Sets: this runs on every delivery, and a header usually contains two elements.
  let timestamp: string | undefined;
  let conflictingTimestamps = false;
  const signatures: string[] = [];
  const ignoredSchemes: string[] = [];

  for (const element of value.split(',')) {
    const separator = element.indexOf('=');
    if (separator === -1) continue;
    const key = element.slice(0, separator).trim();
    const item = element.slice(separator + 1).trim();
    if (key === 't') {
      if (timestamp !== undefined && timestamp !== item) conflictingTimestamps = true;
      timestamp ??= item;
    } else if (key === 'v1') signatures.push(item);
    else if (key !== '' && !ignoredSchemes.includes(key)) ignoredSchemes.push(key);
  }

  if (timestamp === undefined) {
    throw new MalformedHeaderError(
      header,
      'has no t=<timestamp> element. Expected t=<seconds>,v1=<signature>.',
      {
        scheme: 'stripe',
      },
    );
  }
  if (conflictingTimestamps) {
    throw new MalformedHeaderError(header, 'has more than one t=<timestamp> element with different values.', {
      scheme: 'stripe',
    });
  }
  const timestampMs = parseTimestamp(timestamp, 'seconds', `${header} t=`, 'stripe');

  if (signatures.length === 0) {
    const found = ignoredSchemes.length > 0 ? `only ${ignoredSchemes.join(', ')}` : 'no signatures';
    throw new MalformedHeaderError(
      header,
      `has no v1 signature (found ${found}); only v1 signatures are checked. A v0 signature alone comes from a test fixture, not from Stripe.`,
      { scheme: 'stripe' },
    );
  }

  return { timestamp, timestampMs, signatures, ignoredSchemes };
}
