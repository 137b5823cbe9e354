/** A request body the transport can send. Strings are sent as UTF-8. */
export type TransportBody = string | Uint8Array | ReadableStream<Uint8Array> | AsyncIterable<Uint8Array>;

/** One HTTP attempt as the pipeline hands it to a transport. */
export interface TransportRequest {
  method: string;
  /** Absolute URL, query included. */
  url: string;
  /** Header names are lower-case. */
  headers: Record<string, string>;
  body?: TransportBody | undefined;
  /** Aborted on attempt timeout, total deadline or caller abort; the transport must stop then. */
  signal: AbortSignal;
}

/** A response whose body has not been read yet. Exactly one of `text()` or `discard()` is called. */
export interface TransportResponse {
  status: number;
  /** Header names are lower-case; repeated headers are joined with ", ". */
  headers: Record<string, string>;
  text(): Promise<string>;
  /** Releases the body without reading it, so the connection can be reused or closed. */
  discard(): Promise<void>;
}

/**
 * Sends one HTTP attempt. Transports never retry, never follow redirects and never throw for an
 * HTTP status; they throw only when no response arrived (network failure or abort).
 */
export interface Transport {
  /** Short name for events and logs, such as `undici` or `fetch`. */
  readonly name: string;
  send(request: TransportRequest): Promise<TransportResponse>;
  /** Closes pooled connections. */
  close?(): Promise<void>;
}
