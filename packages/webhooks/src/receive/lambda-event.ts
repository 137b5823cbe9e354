import { PayloadTooLargeError } from '../errors/payload-too-large-error.js';
import { RawBodyRequiredError } from '../errors/raw-body-required-error.js';
import { type BodyLimitOptions, DEFAULT_MAX_BODY_BYTES } from './read-node-body.js';

/**
 * An AWS Lambda HTTP event: API Gateway REST (payload 1.0), HTTP API (payload 2.0), a Lambda
 * function URL or an ALB target. Only the fields the receiver reads are listed.
 */
export interface LambdaHttpEvent {
  body?: string | null;
  isBase64Encoded?: boolean;
  headers?: Record<string, string | undefined> | null;
  multiValueHeaders?: Record<string, string[] | undefined> | null;
  /** Payload 1.0 and ALB. */
  httpMethod?: string;
  path?: string;
  queryStringParameters?: Record<string, string | undefined> | null;
  multiValueQueryStringParameters?: Record<string, string[] | undefined> | null;
  /** Payload 2.0 and function URLs. */
  rawPath?: string;
  rawQueryString?: string;
  requestContext?: { http?: { method?: string }; domainName?: string } | null;
}

/** The response shape API Gateway, function URLs and ALB accept. */
export interface LambdaHttpResult {
  statusCode: number;
  headers: Record<string, string>;
  body: string;
}

/** Body, headers, method and URL of a Lambda event, as the receiver uses them. */
export interface LambdaWebhookRequest {
  rawBody: Uint8Array;
  headers: Record<string, string | string[] | undefined>;
  method: string;
  url: string;
}

function queryOf(event: LambdaHttpEvent): string {
  if (event.rawQueryString !== undefined) return event.rawQueryString;
  // NOTE: payload 1.0 events carry only the decoded query parameters, so the original order and
  // encoding cannot be recovered. HubSpot v2/v3 verification of URLs with a query needs payload 2.0.
  const multi = event.multiValueQueryStringParameters;
  const single = event.queryStringParameters;
  const pairs: string[] = [];
  if (multi) {
    for (const [name, values] of Object.entries(multi)) {
      for (const value of values ?? [])
        pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    }
  } else if (single) {
    for (const [name, value] of Object.entries(single)) {
      if (value !== undefined) pairs.push(`${encodeURIComponent(name)}=${encodeURIComponent(value)}`);
    }
  }
  return pairs.join('&');
}

function decodeBody(event: LambdaHttpEvent, maxBodyBytes: number): Uint8Array {
  const { body } = event;
  if (body === undefined || body === null) return new Uint8Array(0);
  if (typeof body !== 'string') {
    throw new RawBodyRequiredError(
      typeof body === 'object' ? 'a parsed object' : `a value of type ${typeof body}`,
      {
        detail: 'The Lambda event body must be the string API Gateway delivers, not a parsed object.',
      },
    );
  }
  // Reject before decoding: base64 text decodes to at most 3 bytes per 4 characters.
  const estimated = event.isBase64Encoded
    ? Math.floor((body.length * 3) / 4)
    : Buffer.byteLength(body, 'utf8');
  const bytes =
    estimated > maxBodyBytes
      ? undefined
      : event.isBase64Encoded
        ? Buffer.from(body, 'base64')
        : Buffer.from(body, 'utf8');
  if (bytes === undefined || bytes.byteLength > maxBodyBytes) {
    throw new PayloadTooLargeError({
      maxBodyBytes,
      receivedBytes: bytes?.byteLength ?? estimated,
      detectedBy: 'stream',
    });
  }
  return new Uint8Array(bytes.buffer, bytes.byteOffset, bytes.byteLength);
}

/**
 * Reads the body (decoding base64 when `isBase64Encoded` is set), headers, method and URL of a
 * Lambda event.
 */
export function readLambdaEvent(
  event: LambdaHttpEvent,
  options: BodyLimitOptions = {},
): LambdaWebhookRequest {
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  const headers: Record<string, string | string[] | undefined> = { ...(event.headers ?? {}) };
  for (const [name, values] of Object.entries(event.multiValueHeaders ?? {})) {
    if (values && headers[name] === undefined) headers[name] = values.length === 1 ? values[0] : values;
  }
  const lower = Object.fromEntries(
    Object.entries(headers).map(([name, value]) => [name.toLowerCase(), value]),
  );
  const host = (lower.host as string | undefined) ?? event.requestContext?.domainName ?? 'localhost';
  const proto = (lower['x-forwarded-proto'] as string | undefined)?.split(',')[0]?.trim() ?? 'https';
  const path = event.rawPath ?? event.path ?? '/';
  const query = queryOf(event);

  return {
    rawBody: decodeBody(event, maxBodyBytes),
    headers,
    method: event.requestContext?.http?.method ?? event.httpMethod ?? 'POST',
    url: `${proto}://${host}${path}${query === '' ? '' : `?${query}`}`,
  };
}
