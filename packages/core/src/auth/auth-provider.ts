import type { EventBus } from '../observability/event-bus.js';
import type { Logger } from '../observability/logger.js';
import type { Redactor } from '../observability/redactor.js';
import type { ClientEvents } from '../pipeline/client-events.js';
import type { Transport } from '../transport/transport.js';

/** What a provider may use while authorizing a request. */
export interface AuthContext {
  service: string;
  /** The client's transport, for token requests. Token requests bypass the pipeline. */
  transport: Transport;
  /** Register every credential here so it is redacted from events, logs and errors. */
  redactor: Redactor;
  events: EventBus<ClientEvents>;
  logger: Logger;
  signal: AbortSignal;
}

/** The parts of an outgoing attempt a provider may change. Header names are lower-case. */
export interface AuthTarget {
  headers: Record<string, string>;
  url: string;
}

/** Adds credentials to requests and, for renewable credentials, renews them after a 401. */
export interface AuthProvider {
  /** Scheme name for logs, such as `bearer` or `oauth2`. */
  readonly type: string;
  /**
   * A stable string naming the account or credential, so limiter buckets are per account. Core
   * hashes it before use; it never leaves the process in clear.
   */
  identity(): string;
  /**
   * Adds credentials to `target` and returns the credential used, so a later 401 can tell
   * whether it was already replaced.
   */
  apply(target: AuthTarget, context: AuthContext): Promise<string | undefined> | string | undefined;
  /**
   * Called once per call on a 401. Returns `true` when fresh credentials are ready and the
   * request should be replayed once; throws a TokenRefreshError when renewal failed.
   */
  handleUnauthorized?(credentialUsed: string | undefined, context: AuthContext): Promise<boolean>;
}
