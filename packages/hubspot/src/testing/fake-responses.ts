/** A response the fake's handlers produce before headers common to every response are added. */
export interface FakeReply {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** An error a handler raises to send HubSpot's error body with a status. */
export class FakeHttpError extends Error {
  readonly status: number;
  readonly body: Record<string, unknown>;

  constructor(status: number, body: Record<string, unknown>) {
    super(typeof body.message === 'string' ? body.message : `HTTP ${status}`);
    this.name = 'FakeHttpError';
    this.status = status;
    this.body = body;
  }
}

export function reply(status: number, body?: unknown, headers?: Record<string, string>): FakeReply {
  return { status, body, headers };
}

/** Builds a 400 with HubSpot's `VALIDATION_ERROR` body. */
export function validationError(message: string, errors: Array<Record<string, unknown>> = []): FakeHttpError {
  return new FakeHttpError(400, { status: 'error', message, category: 'VALIDATION_ERROR', errors });
}

export function notFound(message: string): FakeHttpError {
  return new FakeHttpError(404, { status: 'error', message, category: 'OBJECT_NOT_FOUND' });
}

export function conflict(message: string): FakeHttpError {
  return new FakeHttpError(409, { status: 'error', message, category: 'CONFLICT' });
}

/** The error HubSpot returns for a property value it rejects. */
export function invalidProperty(name: string, code: string, message: string): FakeHttpError {
  return validationError('Property values were not valid', [
    { isValid: false, message, error: code, name, code, context: { propertyName: [name] } },
  ]);
}
