import { type Client, runBatches } from '@patchbay/core';
import { type AssociateWith, toAssociationInputs } from '../objects/association-input.js';
import type { CallOptions } from '../objects/crm-object.js';
import type { ObjectType } from '../objects/object-types.js';
import type { PropertyValues } from '../properties/property-definition.js';
import type { PropertyRegistry } from '../properties/property-registry.js';
import { type BatchRecord, batchResponseSchema } from './batch-response.js';
import { type HubSpotBatchResult, toBatchResult } from './batch-result.js';
import { type MatchKeys, mapBatchResponse } from './map-batch-response.js';

/** HubSpot's maximum inputs per batch request (https://developers.hubspot.com/docs/guides/api/crm/objects). */
export const batchChunkSize = 100;

export interface BatchOptions extends CallOptions {
  /**
   * Chunks in flight at once; the limiter still applies to each request.
   * @default 2
   */
  concurrency?: number;
}

export interface BatchCreateInput {
  properties: PropertyValues;
  associateWith?: AssociateWith[];
}

export interface BatchUpdateInput {
  id: string;
  properties: PropertyValues;
}

export interface BatchUpsertInput {
  /** The value of `idProperty` that identifies the record, such as an email address. */
  id: string;
  properties: PropertyValues;
}

export interface BatchContext {
  http: Client;
  properties: PropertyRegistry;
}

interface ChunkRequest<TInput> {
  inputs: readonly TInput[];
  operation: 'create' | 'read' | 'update' | 'upsert';
  idempotent: boolean;
  /** The request body of one chunk; `start` is the chunk's first input index. */
  body: (chunk: TInput[], start: number) => Record<string, unknown>;
  keys: (chunk: TInput[]) => MatchKeys;
  options: BatchOptions;
}

/** Creates the batch operations of one object type. */
export function createBatchApi(context: BatchContext, objectType: ObjectType) {
  const { http } = context;

  async function run<TInput>(
    request: ChunkRequest<TInput>,
  ): Promise<HubSpotBatchResult<TInput, BatchRecord>> {
    const merged = await runBatches({
      inputs: request.inputs,
      chunkSize: batchChunkSize,
      concurrency: request.options.concurrency,
      signal: request.options.signal,
      run: async (chunk, { start }) => {
        const { data } = await http.request({
          method: 'POST',
          path: `/crm/v3/objects/${objectType}/batch/${request.operation}`,
          json: request.body(chunk, start),
          schema: batchResponseSchema,
          idempotent: request.idempotent,
          operation: `${objectType}.batch.${request.operation}`,
          signal: request.options.signal,
        });
        return mapBatchResponse(data, request.keys(chunk));
      },
    });
    return toBatchResult(merged);
  }

  return {
    /** Creates records in chunks of 100. Not idempotent: a chunk that fails after HubSpot processed it is not retried. */
    async create(inputs: readonly BatchCreateInput[], options: BatchOptions = {}) {
      // Every input is checked before the first chunk goes out.
      const prepared = inputs.map((input) => ({
        properties: context.properties.serialize(objectType, input.properties),
        associations: input.associateWith ? toAssociationInputs(objectType, input.associateWith) : undefined,
      }));
      return run({
        inputs,
        operation: 'create',
        idempotent: false,
        options,
        body: (chunk, start) => ({
          inputs: chunk.map((_, index) => ({
            ...prepared[start + index],
            objectWriteTraceId: String(index),
          })),
        }),
        keys: (chunk) => ({
          inputKeys: chunk.map((_, index) => String(index)),
          resultKey: (record) => record.objectWriteTraceId,
        }),
      });
    },

    /** Reads records by id, or by a unique property such as `email` with `idProperty`. */
    async read(
      ids: readonly string[],
      options: BatchOptions & { properties?: string[]; idProperty?: string } = {},
    ) {
      const idProperty = options.idProperty;
      return run({
        inputs: ids,
        operation: 'read',
        idempotent: true,
        options,
        body: (chunk) => ({
          properties: options.properties ?? (idProperty ? [idProperty] : []),
          idProperty,
          inputs: chunk.map((id) => ({ id })),
        }),
        keys: (chunk) => ({
          inputKeys: chunk,
          resultKey: (record) => (idProperty ? (record.properties[idProperty] ?? undefined) : record.id),
          caseInsensitive: idProperty === 'email',
        }),
      });
    },

    /** Updates records by id. Marked idempotent: writing the same values twice leaves the same state. */
    async update(inputs: readonly BatchUpdateInput[], options: BatchOptions = {}) {
      const prepared = inputs.map((input) => ({
        id: input.id,
        properties: context.properties.serialize(objectType, input.properties),
      }));
      return run({
        inputs,
        operation: 'update',
        idempotent: true,
        options,
        body: (chunk, start) => ({ inputs: prepared.slice(start, start + chunk.length) }),
        keys: (chunk) => ({ inputKeys: chunk.map((input) => input.id), resultKey: (record) => record.id }),
      });
    },

    /**
     * Creates or updates records keyed by a unique property (`email` for contacts, or a custom
     * property with unique values). Idempotent, so chunks are retried after any transient failure.
     */
    async upsert(inputs: readonly BatchUpsertInput[], options: BatchOptions & { idProperty: string }) {
      const { idProperty } = options;
      const prepared = inputs.map((input) => ({
        idProperty,
        id: input.id,
        properties: context.properties.serialize(objectType, input.properties),
      }));
      return run({
        inputs,
        operation: 'upsert',
        idempotent: true,
        options,
        body: (chunk, start) => ({ inputs: prepared.slice(start, start + chunk.length) }),
        keys: (chunk) => ({
          inputKeys: chunk.map((input) => input.id),
          resultKey: (record) => record.properties[idProperty] ?? undefined,
          caseInsensitive: idProperty === 'email',
        }),
      });
    },

    /** Archives records by id. HubSpot returns 204 with no per-item results, so every input counts as archived. */
    async archive(ids: readonly string[], options: BatchOptions = {}) {
      const merged = await runBatches({
        inputs: ids,
        chunkSize: batchChunkSize,
        concurrency: options.concurrency,
        signal: options.signal,
        run: async (chunk) => {
          await http.request({
            method: 'POST',
            path: `/crm/v3/objects/${objectType}/batch/archive`,
            json: { inputs: chunk.map((id) => ({ id })) },
            responseType: 'none',
            idempotent: true,
            operation: `${objectType}.batch.archive`,
            signal: options.signal,
          });
          return { results: chunk.map((id, index) => ({ index, value: id })), errors: [] };
        },
      });
      return toBatchResult(merged);
    },
  };
}

export type BatchApi = ReturnType<typeof createBatchApi>;
