import type { Redactor } from './redactor.js';

/**
 * Copies a foreign error (from a transport, a socket, a user callback) with every registered
 * secret removed from its message, stack and cause chain, keeping `name` and `code`. Errors that
 * Patchbay keeps as `cause` go through this first, because their messages often quote URLs and
 * headers.
 */
export function sanitizeError(error: unknown, redactor: Redactor, depth = 0): unknown {
  if (!(error instanceof Error) || depth > 4) return typeof error === 'string' ? redactor.text(error) : error;
  const copy = new Error(redactor.text(error.message));
  copy.name = error.name;
  copy.stack = redactor.text(error.stack ?? '');
  const code = (error as { code?: unknown }).code;
  if (code !== undefined) Object.defineProperty(copy, 'code', { value: code, enumerable: true });
  if (error.cause !== undefined) {
    Object.defineProperty(copy, 'cause', {
      value: sanitizeError(error.cause, redactor, depth + 1),
      enumerable: false,
    });
  }
  return copy;
}
