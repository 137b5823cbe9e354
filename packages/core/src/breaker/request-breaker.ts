/** One admitted attempt; report its outcome exactly once. */
export interface BreakerTicket {
  success(): void;
  failure(): void;
  /** The attempt's outcome says nothing about the service's health (a 404, a caller abort). */
  ignore(): void;
}

/** The part of the circuit breaker the pipeline calls. */
export interface RequestBreaker {
  /** Admits an attempt or throws a CircuitOpenError. */
  admit(): BreakerTicket;
}
