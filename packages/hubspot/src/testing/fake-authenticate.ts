import type { FakeOAuth } from './fake-oauth.js';
import type { FakeReply } from './fake-responses.js';

/**
 * Checks the bearer token and returns the 401 to send, if any. A token the fake's OAuth server
 * issued must not be expired. Other tokens pass unless `accessTokens` is set and omits them.
 */
export function authenticate(
  request: Request,
  oauth: FakeOAuth,
  acceptedTokens: ReadonlySet<string> | undefined,
): FakeReply | undefined {
  const header = request.headers.get('authorization') ?? '';
  const token = header.startsWith('Bearer ') ? header.slice(7).trim() : '';
  const state = token ? oauth.check(token) : 'unknown';
  if (state === 'valid') return undefined;
  if (state === 'expired') {
    return {
      status: 401,
      body: {
        status: 'error',
        message: 'The OAuth token used to make this call expired 1 second(s) ago.',
        category: 'EXPIRED_AUTHENTICATION',
      },
    };
  }
  if (token && (!acceptedTokens || acceptedTokens.has(token))) return undefined;
  return {
    status: 401,
    body: {
      status: 'error',
      message: 'Authentication credentials not found. This API supports OAuth 2.0 authentication.',
      category: 'INVALID_AUTHENTICATION',
    },
  };
}
