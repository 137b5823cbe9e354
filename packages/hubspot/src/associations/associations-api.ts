import { type Client, paginate } from '@patchbay/core';
import { AssociationBatchError, type AssociationPair } from '../errors/association-batch-error.js';
import type { CallOptions } from '../objects/crm-object.js';
import type { ObjectType } from '../objects/object-types.js';
import {
  type AssociatedObject,
  associationBatchCreateSchema,
  associationBatchReadSchema,
  associationListSchema,
} from './association-schemas.js';
import type { AssociationTypeInput } from './association-type-input.js';
import { resolveAssociationTypes } from './resolve-association-types.js';

/** One link of a batch association call; without `types` the pair's default type is used. */
export interface AssociationBatchInput {
  fromId: string;
  toId: string;
  types?: AssociationTypeInput[];
}

const batchLimit = 100;

/** Creates the v4 associations operations. */
export function createAssociationsApi(http: Client) {
  return {
    /** Links two records with HubSpot's default (unlabeled) type for the pair. */
    async createDefault(
      from: ObjectType,
      fromId: string,
      to: ObjectType,
      toId: string,
      options: CallOptions = {},
    ) {
      await http.request({
        method: 'PUT',
        path: `/crm/v4/objects/${from}/${encodeURIComponent(fromId)}/associations/default/${to}/${encodeURIComponent(toId)}`,
        operation: 'associations.createDefault',
        signal: options.signal,
      });
    },

    /** Links two records with the given types (labels); each is checked against the direction first. */
    async create(
      from: ObjectType,
      fromId: string,
      to: ObjectType,
      toId: string,
      types: AssociationTypeInput[],
      options: CallOptions = {},
    ) {
      const checked = resolveAssociationTypes(from, to, types);
      await http.request({
        method: 'PUT',
        path: `/crm/v4/objects/${from}/${encodeURIComponent(fromId)}/associations/${to}/${encodeURIComponent(toId)}`,
        json: checked,
        operation: 'associations.create',
        signal: options.signal,
      });
    },

    /**
     * Links many pairs, 100 per request. When no input names types, HubSpot's default-association
     * endpoint is used. Fewer links than requested is an {@link AssociationBatchError} listing the
     * missing pairs.
     */
    async batchCreate(
      from: ObjectType,
      to: ObjectType,
      inputs: readonly AssociationBatchInput[],
      options: CallOptions = {},
    ) {
      const useDefault = inputs.every((input) => input.types === undefined);
      const prepared = inputs.map((input) => ({
        from: { id: input.fromId },
        to: { id: input.toId },
        types: useDefault ? undefined : resolveAssociationTypes(from, to, input.types),
      }));
      const created = new Set<string>();
      const errors: unknown[] = [];
      for (let start = 0; start < prepared.length; start += batchLimit) {
        const chunk = prepared.slice(start, start + batchLimit);
        const { data } = await http.request({
          method: 'POST',
          path: `/crm/v4/associations/${from}/${to}/batch/${useDefault ? 'associate/default' : 'create'}`,
          json: { inputs: chunk },
          schema: associationBatchCreateSchema,
          idempotent: true,
          operation: 'associations.batchCreate',
          signal: options.signal,
        });
        for (const result of data.results) created.add(`${result.fromObjectId}:${result.toObjectId}`);
        errors.push(...(data.errors ?? []));
      }
      const missing: AssociationPair[] = inputs
        .filter((input) => !created.has(`${input.fromId}:${input.toId}`))
        .map((input) => ({ fromId: input.fromId, toId: input.toId }));
      if (missing.length > 0) throw new AssociationBatchError(from, to, missing, errors, inputs.length);
    },

    /** Lists every record of type `to` linked to one record, with the link types. */
    list(from: ObjectType, fromId: string, to: ObjectType, options: CallOptions = {}) {
      return paginate(http, {
        request: {
          method: 'GET',
          path: `/crm/v4/objects/${from}/${encodeURIComponent(fromId)}/associations/${to}`,
          query: { limit: 500 },
          schema: associationListSchema,
          operation: 'associations.list',
          signal: options.signal,
        },
        cursor: { in: 'query', name: 'after' },
        items: (page) => page.results,
        nextCursor: (page) => page.paging?.next?.after,
      });
    },

    /** Reads the linked records of many records at once (v4 batch read), keyed by the source id. */
    async batchRead(from: ObjectType, to: ObjectType, ids: readonly string[], options: CallOptions = {}) {
      const linked = new Map<string, AssociatedObject[]>();
      for (let start = 0; start < ids.length; start += batchLimit) {
        const { data } = await http.request({
          method: 'POST',
          path: `/crm/v4/associations/${from}/${to}/batch/read`,
          json: { inputs: ids.slice(start, start + batchLimit).map((id) => ({ id })) },
          schema: associationBatchReadSchema,
          idempotent: true,
          operation: 'associations.batchRead',
          signal: options.signal,
        });
        for (const result of data.results)
          linked.set(result.from.id, [...(linked.get(result.from.id) ?? []), ...result.to]);
      }
      return linked;
    },
  };
}

export type AssociationsApi = ReturnType<typeof createAssociationsApi>;
