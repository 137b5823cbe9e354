import { ConfigurationError } from '@patchbay/core';
import { MalformedHeaderError } from '../errors/malformed-header-error.js';
import { MissingHeaderError } from '../errors/missing-header-error.js';
import { type HeadersInput, readHeader } from './headers.js';

/** HubSpot signature version. */
export type HubSpotSignatureVersion = 'v1' | 'v2' | 'v3';

/** Checks the `version` option when the verifier is created. */
export function validateHubSpotVersion(version: unknown): HubSpotSignatureVersion | 'auto' {
  if (version === 'v1' || version === 'v2' || version === 'v3' || version === 'auto') return version;
  throw new ConfigurationError(
    `version must be 'v1', 'v2', 'v3' or 'auto', got ${JSON.stringify(version)}.`,
    {
      option: 'version',
      service: 'hubspot',
    },
  );
}

/**
 * Picks the version to check for one request. `'auto'` prefers v3 when its header is present and
 * otherwise follows `X-HubSpot-Signature-Version`. A fixed v1 or v2 setting rejects a request whose
 * version header names the other version, because its signature could never match.
 */
export function selectHubSpotVersion(
  configured: HubSpotSignatureVersion | 'auto',
  headers: HeadersInput,
): HubSpotSignatureVersion {
  // A v3 verifier checks only the v3 headers, so it need not read the version header.
  if (configured === 'v3') return 'v3';
  const declared = readHeader(
    headers,
    'x-hubspot-signature-version',
    'hubspot',
    'X-HubSpot-Signature-Version',
  );
  if (configured === 'auto') {
    if (readHeader(headers, 'x-hubspot-signature-v3', 'hubspot') !== undefined) return 'v3';
    if (declared === undefined) throw new MissingHeaderError('X-HubSpot-Signature-v3', { scheme: 'hubspot' });
    if (declared !== 'v1' && declared !== 'v2') {
      throw new MalformedHeaderError('X-HubSpot-Signature-Version', 'must be v1 or v2.', {
        scheme: 'hubspot',
      });
    }
    return declared;
  }
  if (declared !== undefined && declared !== configured) {
    throw new MalformedHeaderError(
      'X-HubSpot-Signature-Version',
      `names ${declared.slice(0, 8)}, but this verifier checks ${configured}. Set version to match the request, or 'auto'.`,
      { scheme: 'hubspot' },
    );
  }
  return configured;
}
