import { type Client, paginate } from '@patchbay/core';
import { createBatchApi } from '../batch/batch-api.js';
import type { PropertyValues } from '../properties/property-definition.js';
import type { PropertyRegistry } from '../properties/property-registry.js';
import { searchAll, searchById, searchPage } from '../search/search-objects.js';
import type { SearchRequest } from '../search/search-request.js';
import { type AssociateWith, toAssociationInputs } from './association-input.js';
import { type CallOptions, type CrmObject, crmObjectSchema, objectPageSchema } from './crm-object.js';
import type { ObjectType } from './object-types.js';

/** The client parts every object operation uses. */
export interface ObjectContext {
  http: Client;
  properties: PropertyRegistry;
}

export interface CreateInput {
  properties: PropertyValues;
  /** Records to link the new record to; types default to HubSpot's unlabeled type of each pair. */
  associateWith?: AssociateWith[];
}

export interface GetOptions extends CallOptions {
  properties?: string[];
  /** A unique property to look the record up by instead of its id, such as `email`. */
  idProperty?: string;
}

export interface ListOptions extends CallOptions {
  properties?: string[];
  /**
   * Records per page, at most 100.
   * @default 100
   */
  limit?: number;
}

function recordPath(objectType: ObjectType, id: string): string {
  return `/crm/v3/objects/${objectType}/${encodeURIComponent(id)}`;
}

/** Creates the single-record, list, search and batch operations of one object type. */
export function createObjectApi(context: ObjectContext, objectType: ObjectType) {
  const { http } = context;

  return {
    objectType,

    /** Creates a record. Not retried after a failure HubSpot may have processed, since a retry could duplicate it. */
    async create(input: CreateInput, options: CallOptions = {}): Promise<CrmObject> {
      const properties = context.properties.serialize(objectType, input.properties);
      const associations = input.associateWith
        ? toAssociationInputs(objectType, input.associateWith)
        : undefined;
      const { data } = await http.request({
        method: 'POST',
        path: `/crm/v3/objects/${objectType}`,
        json: associations ? { properties, associations } : { properties },
        schema: crmObjectSchema,
        operation: `${objectType}.create`,
        signal: options.signal,
      });
      return data;
    },

    async get(id: string, options: GetOptions = {}): Promise<CrmObject> {
      const { data } = await http.request({
        method: 'GET',
        path: recordPath(objectType, id),
        query: { properties: options.properties?.join(','), idProperty: options.idProperty },
        schema: crmObjectSchema,
        operation: `${objectType}.get`,
        signal: options.signal,
      });
      return data;
    },

    /** Updates properties. Marked idempotent: writing the same values twice leaves the same state. */
    async update(
      id: string,
      properties: PropertyValues,
      options: CallOptions & { idProperty?: string } = {},
    ): Promise<CrmObject> {
      const { data } = await http.request({
        method: 'PATCH',
        path: recordPath(objectType, id),
        query: { idProperty: options.idProperty },
        json: { properties: context.properties.serialize(objectType, properties) },
        schema: crmObjectSchema,
        idempotent: true,
        operation: `${objectType}.update`,
        signal: options.signal,
      });
      return data;
    },

    /** Moves a record to the recycle bin (HubSpot's archive). */
    async archive(id: string, options: CallOptions = {}): Promise<void> {
      await http.request({
        method: 'DELETE',
        path: recordPath(objectType, id),
        responseType: 'none',
        operation: `${objectType}.archive`,
        signal: options.signal,
      });
    },

    /** Lists every record of the type, page by page (`after` from `paging.next.after`). */
    list(options: ListOptions = {}) {
      return paginate(http, {
        request: {
          method: 'GET',
          path: `/crm/v3/objects/${objectType}`,
          query: { limit: options.limit ?? 100, properties: options.properties?.join(',') },
          schema: objectPageSchema,
          operation: `${objectType}.list`,
          signal: options.signal,
        },
        cursor: { in: 'query', name: 'after' },
        items: (page) => page.results,
        nextCursor: (page) => page.paging?.next?.after,
      });
    },

    /** One page of a search. */
    search: (request: SearchRequest, options?: CallOptions) => searchPage(http, objectType, request, options),
    /** Every result of a search up to HubSpot's 10,000 window, then a SearchWindowError if more matched. */
    searchAll: (request: SearchRequest, options?: CallOptions) =>
      searchAll(http, objectType, request, options),
    /** Every result of a search, past the 10,000 window, by walking `hs_object_id`. */
    searchById: (request: SearchRequest, options?: CallOptions) =>
      searchById(http, objectType, request, options),

    batch: createBatchApi(context, objectType),
  };
}

export type ObjectApi = ReturnType<typeof createObjectApi>;
