import type { PatchbayError, runBatches } from '@patchbay/core';
import type { HubSpotBatchItemError } from './batch-response.js';

/** A failed input: a per-item error from a 207, or the error of a whole chunk that failed. */
export interface BatchFailure<TInput> {
  /** Position in the caller's input list, or `undefined` when HubSpot did not say which input failed. */
  index: number | undefined;
  input: TInput | undefined;
  /** The id HubSpot named in the error, when it named one. */
  id: string | undefined;
  error: HubSpotBatchItemError | PatchbayError;
}

/** Merged outcome of a batch call over any number of chunks. */
export interface HubSpotBatchResult<TInput, TRecord> {
  /** Successful inputs in input order. */
  results: Array<{ index: number; input: TInput; value: TRecord }>;
  errors: Array<BatchFailure<TInput>>;
  /** Chunks that failed as a whole after the pipeline's retries, as input index ranges. */
  failedChunks: Array<{ start: number; end: number; error: PatchbayError }>;
  /** Ids HubSpot reported as not found (`OBJECT_NOT_FOUND`), in input order. */
  missingIds(): string[];
}

type MergedOutcome<TInput, TValue> = Awaited<ReturnType<typeof runBatches<TInput, TValue>>>;

/** Turns core's merged outcome into a batch result with typed errors and `missingIds()`. */
export function toBatchResult<TInput, TValue>(
  merged: MergedOutcome<TInput, TValue>,
): HubSpotBatchResult<TInput, TValue> {
  const errors = merged.errors.map((entry) => {
    const mapped = entry.error as { error: HubSpotBatchItemError; id: string | undefined } | PatchbayError;
    if (mapped instanceof Error)
      return { index: entry.index, input: entry.input, id: undefined, error: mapped };
    return { index: entry.index, input: entry.input, id: mapped.id, error: mapped.error };
  });
  return {
    results: merged.results,
    errors,
    failedChunks: merged.failedChunks as HubSpotBatchResult<TInput, TValue>['failedChunks'],
    missingIds: () =>
      errors
        .filter((entry) => !(entry.error instanceof Error) && entry.error.category === 'OBJECT_NOT_FOUND')
        .map((entry) => entry.id)
        .filter((id): id is string => id !== undefined),
  };
}
