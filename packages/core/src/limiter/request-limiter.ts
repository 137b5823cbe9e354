/** A limiter slot held by one attempt; release it when the attempt ends. */
export interface LimiterPermit {
  release(): void;
  /**
   * Requests the store counted in the bucket's window when this one's slot was reserved, this one
   * included; `undefined` when the request is not rate-limited.
   */
  readonly used?: number | undefined;
}

export interface LimiterRequest {
  bucket: string;
  /** Hash of the credential or account, so different accounts never share a bucket. */
  identity: string;
  signal: AbortSignal;
}

/** What a response told the limiter. */
export interface LimitObservation {
  status: number;
  headers: Record<string, string>;
  /** The wait the service demanded on a throttled response, in milliseconds. */
  retryAfterMs: number | undefined;
  /** The permit's {@link LimiterPermit.used} for the attempt that got this response. */
  used?: number | undefined;
}

/** The part of the rate limiter the pipeline calls. */
export interface RequestLimiter {
  /** Waits until the bucket admits one more request, in FIFO order; rejects when `signal` aborts. */
  acquire(request: LimiterRequest): Promise<LimiterPermit>;
  /** Adjusts the bucket from a response: rate-limit headers, 429s and Retry-After. */
  observe(request: Omit<LimiterRequest, 'signal'>, observation: LimitObservation): void;
}
