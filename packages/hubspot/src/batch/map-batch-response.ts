import type { ChunkOutcome } from '@patchbay/core';
import type { BatchRecord, BatchResponse, HubSpotBatchItemError } from './batch-response.js';

/** Keys that match HubSpot's batch results and errors back to the inputs. */
export interface MatchKeys {
  /** The key of each input within the chunk (an id, an email, a trace id). */
  inputKeys: readonly string[];
  /** The key of a result record, compared with `inputKeys`. */
  resultKey: (record: BatchRecord) => string | undefined;
  /** Whether keys compare case-insensitively (emails). */
  caseInsensitive?: boolean;
}

export interface MappedItemError {
  error: HubSpotBatchItemError;
  id: string | undefined;
}

/**
 * Maps one chunk's response to chunk positions. Results match by key, or by position when HubSpot
 * returned one result per input without keys. Errors match by the ids in `context.ids` (one
 * entry per id) or by `objectWriteTraceId`.
 */
export function mapBatchResponse(
  response: BatchResponse,
  keys: MatchKeys,
): ChunkOutcome<BatchRecord> & {
  errors: Array<{ index: number | undefined; error: MappedItemError }>;
} {
  const normalize = (key: string) => (keys.caseInsensitive ? key.toLowerCase() : key);
  const positions = new Map<string, number>();
  keys.inputKeys.forEach((key, index) => {
    if (!positions.has(normalize(key))) positions.set(normalize(key), index);
  });
  const matched = new Set<number>();

  const results: ChunkOutcome<BatchRecord>['results'] = [];
  response.results.forEach((record, position) => {
    const key = record.objectWriteTraceId ?? keys.resultKey(record);
    let index = key === undefined ? undefined : positions.get(normalize(key));
    if (
      index === undefined &&
      response.results.length === keys.inputKeys.length &&
      !response.errors?.length
    ) {
      index = position;
    }
    if (index === undefined || matched.has(index)) return;
    matched.add(index);
    results.push({ index, value: record });
  });

  const errors: Array<{ index: number | undefined; error: MappedItemError }> = [];
  for (const error of response.errors ?? []) {
    const ids = error.context?.ids ?? [];
    const traceId = error.objectWriteTraceId ?? error.context?.objectWriteTraceId?.[0];
    if (ids.length === 0) {
      const index = traceId === undefined ? undefined : positions.get(normalize(traceId));
      errors.push({ index, error: { error, id: undefined } });
      continue;
    }
    for (const id of ids) errors.push({ index: positions.get(normalize(id)), error: { error, id } });
  }
  return { results, errors };
}
