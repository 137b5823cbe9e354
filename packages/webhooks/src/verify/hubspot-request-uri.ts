import { ConfigurationError } from '@patchbay/core';
import { type HeadersInput, readHeader } from './headers.js';

/** Options that tell the HubSpot verifier the public URL HubSpot called. */
export interface HubSpotUrlOptions {
  /**
   * Public origin, with an optional path prefix, that HubSpot calls, such as
   * `https://hooks.example.com`. The request's path and query are appended exactly as received.
   * Use it when a proxy or load balancer sits in front of the app.
   */
  publicUrl?: string;
  /**
   * Rebuild the origin from `X-Forwarded-Proto` and `X-Forwarded-Host` (first value of each).
   * Enable only when a proxy you control always sets both, because clients can send them too.
   * @default false
   */
  trustProxyHeaders?: boolean;
}

const absoluteUrl = /^([a-zA-Z][a-zA-Z0-9+.-]*):\/\/([^/?#]*)/;

/** Checks `publicUrl` when the verifier is created and returns it without a trailing slash. */
export function normalizePublicUrl(publicUrl: string | undefined): string | undefined {
  if (publicUrl === undefined) return undefined;
  let parsed: URL | undefined;
  try {
    parsed = new URL(publicUrl);
  } catch {}
  if (!parsed || !/^https?:$/.test(parsed.protocol) || parsed.search !== '' || parsed.hash !== '') {
    throw new ConfigurationError(
      `publicUrl must be an absolute http(s) URL without query or fragment, such as "https://hooks.example.com", got ${JSON.stringify(publicUrl)}.`,
      { option: 'publicUrl', service: 'hubspot' },
    );
  }
  return publicUrl.replace(/\/+$/, '');
}

function firstListValue(value: string | undefined): string | undefined {
  const first = value?.split(',')[0]?.trim();
  return first === '' ? undefined : first;
}

/**
 * Rebuilds the URI HubSpot signed from the request URL (absolute or origin-form), keeping the
 * path and query exactly as received, in their original order and encoding.
 */
export function reconstructHubSpotUri(
  requestUrl: string | undefined,
  headers: HeadersInput,
  options: { publicUrl: string | undefined; trustProxyHeaders: boolean },
): string {
  if (requestUrl === undefined || requestUrl === '') {
    throw new ConfigurationError(
      'HubSpot v2 and v3 signatures cover the request URL, so verify() needs the url option (the absolute URL or req.url).',
      { option: 'url', service: 'hubspot' },
    );
  }

  const match = absoluteUrl.exec(requestUrl);
  const target = match ? requestUrl.slice(match[0].length) : requestUrl;
  const path = target === '' || target.startsWith('?') ? `/${target}` : target;

  if (options.publicUrl !== undefined) return `${options.publicUrl}${path}`;

  const host = readHeader(headers, 'host', 'hubspot', 'Host');
  let scheme = match?.[1]?.toLowerCase() ?? 'http';
  let authority = match?.[2] ?? host;
  if (options.trustProxyHeaders) {
    scheme = firstListValue(readHeader(headers, 'x-forwarded-proto', 'hubspot'))?.toLowerCase() ?? scheme;
    authority = firstListValue(readHeader(headers, 'x-forwarded-host', 'hubspot')) ?? authority;
  }
  if (authority === undefined || authority === '') {
    throw new ConfigurationError(
      'Cannot rebuild the URL HubSpot signed: the url option is origin-form and the request has no Host header. Set publicUrl.',
      { option: 'publicUrl', service: 'hubspot' },
    );
  }
  return `${scheme}://${authority}${path}`;
}
