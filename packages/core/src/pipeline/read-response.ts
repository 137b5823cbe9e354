import { ParseError } from '../errors/request-errors.js';
import type { ResponseSchema } from './request-options.js';

/** Parses an error body: JSON when it parses, otherwise the text itself. */
export function parseErrorBody(text: string): unknown {
  if (text === '') return '';
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[') return text;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}

export interface SuccessBodyContext {
  service: string;
  method: string;
  status: number;
  redactedUrl: string;
  requestId: string | undefined;
  redactText: (text: string) => string;
}

/** Parses a successful JSON body and validates it with the operation's schema. */
export function parseSuccessBody<T>(
  text: string,
  schema: ResponseSchema<T> | undefined,
  context: SuccessBodyContext,
): T {
  const where = `${context.service} ${context.method} ${context.redactedUrl} (HTTP ${context.status})`;
  const failure = (message: string, extra: { issues?: readonly unknown[]; cause?: unknown } = {}) =>
    new ParseError(message, {
      method: context.method,
      url: context.redactedUrl,
      service: context.service,
      status: context.status,
      requestId: context.requestId,
      rawBody: context.redactText(text),
      ...extra,
    });

  if (text.trim() === '') {
    throw failure(`${where} returned an empty body where JSON was expected.`);
  }

  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (cause) {
    throw failure(
      `${where} returned a body that is not valid JSON: ${context.redactText(text.slice(0, 120))}`,
      { cause },
    );
  }

  if (!schema) return data as T;
  const result = schema.safeParse(data);
  if (result.success) return result.data;

  const issues = result.error.issues;
  const summary = issues
    .slice(0, 3)
    .map((issue) => {
      const { path, message } = issue as { path?: unknown[]; message?: string };
      return `${Array.isArray(path) && path.length > 0 ? path.join('.') : '(root)'}: ${message ?? 'invalid'}`;
    })
    .join('; ');
  throw failure(`${where} returned a body that does not match the expected schema: ${summary}`, { issues });
}
