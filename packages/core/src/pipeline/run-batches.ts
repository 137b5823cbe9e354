import { ConfigurationError } from '../errors/request-errors.js';

/** The outcome of one chunk; indexes are positions within the chunk. */
export interface ChunkOutcome<TResult> {
  results: Array<{ index: number; value: TResult }>;
  /** Per-item failures; `index` is `undefined` when the service did not say which input failed. */
  errors: Array<{ index: number | undefined; error: unknown }>;
}

export interface BatchItemError<TInput> {
  /** Position in the original input list, or `undefined` when the service did not name the input. */
  index: number | undefined;
  input: TInput | undefined;
  error: unknown;
}

/** Merged outcome of every chunk. Indexes refer to the original input list. */
export interface BatchResult<TInput, TResult> {
  /** Successful items in input order. */
  results: Array<{ index: number; input: TInput; value: TResult }>;
  errors: Array<BatchItemError<TInput>>;
  /** Chunks that failed as a whole (after the pipeline's retries), with their input range. */
  failedChunks: Array<{ start: number; end: number; error: unknown }>;
}

export interface RunBatchesOptions<TInput, TResult> {
  inputs: readonly TInput[];
  /** The service's maximum items per request. */
  chunkSize: number;
  /**
   * Chunks in flight at once; the client's limiter still applies to each request.
   * @default 2
   */
  concurrency?: number;
  signal?: AbortSignal;
  run: (
    chunk: TInput[],
    context: { start: number; signal: AbortSignal | undefined },
  ) => Promise<ChunkOutcome<TResult>>;
}

/**
 * Splits inputs into chunks, runs them with bounded concurrency and merges results and per-item
 * errors under each input's original index. A failed chunk is recorded against every input in it,
 * so nothing is dropped; only an abort rejects.
 */
export async function runBatches<TInput, TResult>(
  options: RunBatchesOptions<TInput, TResult>,
): Promise<BatchResult<TInput, TResult>> {
  const { inputs, chunkSize } = options;
  const concurrency = options.concurrency ?? 2;
  if (!Number.isSafeInteger(chunkSize) || chunkSize < 1) {
    throw new ConfigurationError(`chunkSize must be a whole number >= 1; received ${String(chunkSize)}.`, {
      option: 'chunkSize',
    });
  }
  if (!Number.isSafeInteger(concurrency) || concurrency < 1) {
    throw new ConfigurationError(
      `concurrency must be a whole number >= 1; received ${String(concurrency)}.`,
      {
        option: 'concurrency',
      },
    );
  }

  const result: BatchResult<TInput, TResult> = { results: [], errors: [], failedChunks: [] };
  const starts: number[] = [];
  for (let start = 0; start < inputs.length; start += chunkSize) starts.push(start);
  let next = 0;

  async function worker(): Promise<void> {
    while (next < starts.length) {
      options.signal?.throwIfAborted();
      const start = starts[next] as number;
      next += 1;
      const chunk = inputs.slice(start, start + chunkSize);
      let outcome: ChunkOutcome<TResult>;
      try {
        outcome = await options.run(chunk, { start, signal: options.signal });
      } catch (error) {
        if (options.signal?.aborted) throw error;
        result.failedChunks.push({ start, end: start + chunk.length, error });
        for (let offset = 0; offset < chunk.length; offset += 1) {
          result.errors.push({ index: start + offset, input: chunk[offset], error });
        }
        continue;
      }
      for (const item of outcome.results) {
        result.results.push({
          index: start + item.index,
          input: chunk[item.index] as TInput,
          value: item.value,
        });
      }
      for (const item of outcome.errors) {
        const index = item.index === undefined ? undefined : start + item.index;
        result.errors.push({
          index,
          input: item.index === undefined ? undefined : chunk[item.index],
          error: item.error,
        });
      }
    }
  }

  await Promise.all(Array.from({ length: Math.min(concurrency, starts.length) }, worker));
  result.results.sort((a, b) => a.index - b.index);
  result.errors.sort((a, b) => (a.index ?? Number.MAX_SAFE_INTEGER) - (b.index ?? Number.MAX_SAFE_INTEGER));
  result.failedChunks.sort((a, b) => a.start - b.start);
  return result;
}
