import { TokenRefreshError } from '../errors/request-errors.js';
import type { Redactor } from '../observability/redactor.js';
import { findServiceMessage } from '../pipeline/classify-response.js';
import { parseErrorBody } from '../pipeline/read-response.js';
import type { Transport } from '../transport/transport.js';
import type { StoredToken } from './token-store.js';

export interface TokenRequest {
  service: string;
  tokenUrl: string;
  clientId: string;
  clientSecret: string;
  /**
   * `body` sends the client credentials as form fields; `basic` in an Authorization header
   * (RFC 6749 section 2.3.1 allows both).
   * @default 'body'
   */
  clientAuthentication: 'body' | 'basic';
  params: Record<string, string>;
  transport: Transport;
  redactor: Redactor;
  signal: AbortSignal;
  nowMs: number;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}

/**
 * Calls an OAuth 2.0 token endpoint directly on the transport, outside the pipeline, so a token
 * request never triggers another refresh. Errors are TokenRefreshErrors with the endpoint's
 * `error` code (RFC 6749 section 5.2), such as `invalid_grant` for a revoked refresh token.
 */
export async function requestToken(request: TokenRequest): Promise<StoredToken> {
  const fields: Record<string, string> = { ...request.params };
  const headers: Record<string, string> = {
    'content-type': 'application/x-www-form-urlencoded',
    accept: 'application/json',
  };
  if (request.clientAuthentication === 'basic') {
    headers.authorization = `Basic ${base64(`${encodeURIComponent(request.clientId)}:${encodeURIComponent(request.clientSecret)}`)}`;
  } else {
    fields.client_id = request.clientId;
    fields.client_secret = request.clientSecret;
  }
  for (const name of ['refresh_token', 'code', 'code_verifier', 'client_secret'])
    request.redactor.addSecret(fields[name]);
  request.redactor.addSecret(request.clientSecret);

  const where = `${request.service} token endpoint ${request.redactor.url(request.tokenUrl)}`;
  let status: number;
  let text: string;
  try {
    const response = await request.transport.send({
      method: 'POST',
      url: request.tokenUrl,
      headers,
      body: new URLSearchParams(fields).toString(),
      signal: request.signal,
    });
    status = response.status;
    text = await response.text();
  } catch (cause) {
    throw new TokenRefreshError(
      `${where} could not be reached: ${cause instanceof Error ? cause.message : String(cause)}`,
      {
        service: request.service,
        cause,
      },
    );
  }

  const body = parseErrorBody(text);
  if (status < 200 || status > 299) {
    const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
    const code = typeof record.error === 'string' ? record.error : undefined;
    const detail = findServiceMessage(request.redactor.value(body));
    const advice =
      code === 'invalid_grant'
        ? ' The refresh token is invalid, expired or revoked; run the authorization flow again to get a new one.'
        : '';
    throw new TokenRefreshError(
      `${where} rejected the request with HTTP ${status}${detail ? `: ${detail}` : ''}.${advice}`,
      {
        service: request.service,
        status,
        code,
      },
    );
  }

  const record = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  if (typeof record.access_token !== 'string' || record.access_token === '') {
    throw new TokenRefreshError(`${where} returned HTTP ${status} without an access_token.`, {
      service: request.service,
      status,
    });
  }
  const expiresIn = Number(record.expires_in);
  const token: StoredToken = {
    accessToken: record.access_token,
    refreshToken: typeof record.refresh_token === 'string' ? record.refresh_token : undefined,
    expiresAtMs: Number.isFinite(expiresIn) && expiresIn > 0 ? request.nowMs + expiresIn * 1000 : undefined,
    scope: typeof record.scope === 'string' ? record.scope : undefined,
    tokenType: typeof record.token_type === 'string' ? record.token_type : undefined,
  };
  request.redactor.addSecret(token.accessToken);
  request.redactor.addSecret(token.refreshToken);
  return token;
}
