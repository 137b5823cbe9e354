import { createHash, createHmac, type KeyObject } from 'node:crypto';

// HubSpot's request validation recipes, from developers.hubspot.com/docs/apps/legacy-apps/
// authentication/validating-requests. v1 and v2 are plain SHA-256 digests, not HMACs.

/** v1: hex SHA-256 of client secret + body. */
export function computeHubSpotV1Signature(clientSecret: string, body: Uint8Array): string {
  return createHash('sha256').update(clientSecret, 'utf8').update(body).digest('hex');
}

/** v2: hex SHA-256 of client secret + method + URI + body, with the URI exactly as HubSpot called it. */
export function computeHubSpotV2Signature(
  clientSecret: string,
  method: string,
  uri: string,
  body: Uint8Array,
): string {
  return createHash('sha256').update(`${clientSecret}${method}${uri}`, 'utf8').update(body).digest('hex');
}

/**
 * v3: base64 HMAC-SHA256, keyed with the client secret, of method + URI + body + the
 * `X-HubSpot-Request-Timestamp` value as sent. The URI must already have HubSpot's listed escapes
 * decoded (see `decodeHubSpotV3Uri`).
 */
export function computeHubSpotV3Signature(
  clientSecret: string | KeyObject,
  method: string,
  uri: string,
  body: Uint8Array,
  timestamp: string,
): string {
  return createHmac('sha256', clientSecret)
    .update(`${method}${uri}`, 'utf8')
    .update(body)
    .update(timestamp, 'utf8')
    .digest('base64');
}

const v3DecodedEscapes: Readonly<Record<string, string>> = {
  '3A': ':',
  '2F': '/',
  '3F': '?',
  '40': '@',
  '21': '!',
  '24': '$',
  '27': "'",
  '28': '(',
  '29': ')',
  '2A': '*',
  '2C': ',',
  '3B': ';',
};

/**
 * Decodes the percent-escapes HubSpot lists for v3 signing (`%3A %2F %3F %40 %21 %24 %27 %28 %29
 * %2A %2C %3B`, hex in either case) and leaves every other escape, such as `%20`, as it is.
 */
export function decodeHubSpotV3Uri(uri: string): string {
  if (!uri.includes('%')) return uri;
  return uri.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (match, hex: string) => {
    return v3DecodedEscapes[hex.toUpperCase()] ?? match;
  });
}
