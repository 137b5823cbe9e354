import type { AuthContext, AuthProvider } from '../auth/auth-provider.js';
import { CircuitBreaker, type CircuitBreakerOptions } from '../breaker/circuit-breaker.js';
import type { RequestBreaker } from '../breaker/request-breaker.js';
import { ConfigurationError } from '../errors/request-errors.js';
import { hashIdentity } from '../hash-identity.js';
import { RateLimiter, type RateLimiterOptions } from '../limiter/rate-limiter.js';
import type { RequestLimiter } from '../limiter/request-limiter.js';
import { EventBus } from '../observability/event-bus.js';
import { type Logger, silentLogger } from '../observability/logger.js';
import { Redactor } from '../observability/redactor.js';
import { type ResolvedRetryOptions, type RetryOptions, resolveRetryOptions } from '../retry/retry-options.js';
import { createDefaultTransport } from '../transport/default-transport.js';
import type { Transport } from '../transport/transport.js';
import { resolveTimeoutOptions, type TimeoutOptions } from './call-signals.js';
import type { Classifier } from './classify-response.js';
import type { ClientEvents } from './client-events.js';
import { executeCall } from './execute-call.js';
import type { PrepareContext } from './prepare-request.js';
import type { ApiResponse, RequestOptions } from './request-options.js';

/** Idempotency keys for non-idempotent requests. */
export interface IdempotencyOptions {
  /** Header that carries the key, such as `Idempotency-Key`. */
  header: string;
  /**
   * Creates a key once per call; the same key goes out on every attempt.
   * @default crypto.randomUUID
   */
  generateKey?: () => string;
}

export interface ClientOptions {
  /** Service name used in errors, events, logs and limiter keys, such as `stripe`. */
  service: string;
  /** Origin and base path, such as `https://api.stripe.com`. A trailing slash is removed. */
  baseUrl: string;
  auth?: AuthProvider;
  /** Headers sent on every request. */
  headers?: Record<string, string>;
  /** Sent as `user-agent`. */
  userAgent?: string;
  /**
   * Sends attempts. Defaults to the undici transport on Node and to ky over `fetch` elsewhere.
   */
  transport?: Transport;
  retry?: RetryOptions;
  timeout?: TimeoutOptions;
  /** Rate limiter options, or a limiter instance. Omit for none. */
  limiter?: RateLimiterOptions | RequestLimiter;
  /** Circuit breaker options, or a breaker instance. Omit for none. */
  breaker?: CircuitBreakerOptions | RequestBreaker;
  /** Omit when the service has no idempotency keys. */
  idempotency?: IdempotencyOptions;
  /** The service's classification of failed responses. */
  classify?: Classifier;
  /** Response header that carries the service's request id, such as `request-id`. */
  requestIdHeader?: string;
  logger?: Logger;
  /** Extra secret values to redact everywhere, besides the auth provider's credentials. */
  secrets?: string[];
}

/** Settings shared by every call of one client. */
export interface ClientRuntime {
  service: string;
  transport: Transport;
  auth: AuthProvider | undefined;
  limiter: RequestLimiter | undefined;
  breaker: RequestBreaker | undefined;
  classify: Classifier | undefined;
  requestIdHeader: string | undefined;
  retry: ResolvedRetryOptions;
  timeout: Required<TimeoutOptions>;
  prepare: PrepareContext;
  events: EventBus<ClientEvents>;
  logger: Logger;
  redactor: Redactor;
  identity: string;
  nextCallId: () => number;
  authContext: (signal: AbortSignal) => AuthContext;
}

type Attachable = {
  attach?: (attachment: { service: string; events: EventBus<ClientEvents>; logger: Logger }) => void;
};

function isLimiter(value: RateLimiterOptions | RequestLimiter): value is RequestLimiter {
  return typeof (value as RequestLimiter).acquire === 'function';
}

function isBreaker(value: CircuitBreakerOptions | RequestBreaker): value is RequestBreaker {
  return typeof (value as RequestBreaker).admit === 'function';
}

function normalizeBaseUrl(service: string, baseUrl: string): string {
  let url: URL;
  try {
    url = new URL(baseUrl);
  } catch (cause) {
    throw new ConfigurationError(`baseUrl must be an absolute http(s) URL; received "${baseUrl}".`, {
      option: 'baseUrl',
      service,
      cause,
    });
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw new ConfigurationError(`baseUrl must use http or https; received "${baseUrl}".`, {
      option: 'baseUrl',
      service,
    });
  }
  if (url.search || url.hash) {
    throw new ConfigurationError(`baseUrl must not contain a query or fragment; received "${baseUrl}".`, {
      option: 'baseUrl',
      service,
    });
  }
  return url.href.replace(/\/+$/, '');
}

/** One configured service client: every setting lives on the instance. */
export class Client {
  readonly service: string;
  readonly baseUrl: string;
  /** Typed events: request, response, retry, error, rate-limited, breaker-state, token-refreshed. */
  readonly events: EventBus<ClientEvents>;
  readonly #runtime: ClientRuntime;

  constructor(options: ClientOptions) {
    if (!options || typeof options.service !== 'string' || options.service.trim() === '') {
      throw new ConfigurationError('service must be a non-empty string such as "stripe".', {
        option: 'service',
      });
    }
    const service = options.service;
    this.service = service;
    this.baseUrl = normalizeBaseUrl(service, options.baseUrl);

    const logger = options.logger ?? silentLogger;
    const redactor = new Redactor(options.secrets);
    this.events = new EventBus<ClientEvents>(logger);

    const defaultHeaders: Record<string, string> = { accept: 'application/json' };
    if (options.userAgent) defaultHeaders['user-agent'] = options.userAgent;
    for (const [name, value] of Object.entries(options.headers ?? {}))
      defaultHeaders[name.toLowerCase()] = value;

    const idempotencyHeader = options.idempotency?.header.toLowerCase();
    const generateKey = options.idempotency?.generateKey ?? (() => globalThis.crypto.randomUUID());
    const transport = options.transport ?? createDefaultTransport();
    let callId = 0;

    const limiter =
      options.limiter && (isLimiter(options.limiter) ? options.limiter : new RateLimiter(options.limiter));
    const breaker =
      options.breaker && (isBreaker(options.breaker) ? options.breaker : new CircuitBreaker(options.breaker));
    for (const component of [limiter, breaker] as Attachable[])
      component?.attach?.({ service, events: this.events, logger });

    this.#runtime = {
      service,
      transport,
      auth: options.auth,
      limiter: limiter || undefined,
      breaker: breaker || undefined,
      classify: options.classify,
      requestIdHeader: options.requestIdHeader?.toLowerCase(),
      retry: resolveRetryOptions(options.retry),
      timeout: resolveTimeoutOptions(options.timeout),
      prepare: {
        baseUrl: this.baseUrl,
        defaultHeaders,
        idempotencyHeader,
        generateIdempotencyKey: generateKey,
      },
      events: this.events,
      logger,
      redactor,
      identity: hashIdentity(options.auth ? `${options.auth.type}:${options.auth.identity()}` : 'anonymous'),
      nextCallId: () => {
        callId += 1;
        return callId;
      },
      authContext: (signal) => ({ service, transport, redactor, events: this.events, logger, signal }),
    };
  }

  /** Sends a request through the pipeline and returns the parsed response. */
  request<T = unknown>(options: RequestOptions<T>): Promise<ApiResponse<T>> {
    return executeCall(this.#runtime, options);
  }

  /** The transport that sends this client's attempts (`undici` by default on Node, `fetch` elsewhere). */
  get transport(): Transport {
    return this.#runtime.transport;
  }

  /** The redactor this client applies to URLs, headers, bodies and messages. */
  get redactor(): Redactor {
    return this.#runtime.redactor;
  }

  /** Closes the transport's pooled connections. */
  async close(): Promise<void> {
    await this.#runtime.transport.close?.();
  }
}

/** Creates a {@link Client}. */
export function createClient(options: ClientOptions): Client {
  return new Client(options);
}
