import type { Client } from '@patchbay/core';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import { SearchWindowError } from '../errors/search-window-error.js';
import type { CallOptions, CrmObject } from '../objects/crm-object.js';
import {
  maxSearchLimit,
  type SearchPage,
  type SearchRequest,
  searchBody,
  searchPageSchema,
  searchWindow,
} from './search-request.js';

function checkLimit(request: SearchRequest): void {
  const limit = request.limit ?? 100;
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > maxSearchLimit) {
    throw new HubSpotValidationError(
      `search limit must be a whole number from 1 to ${maxSearchLimit}; received ${limit}.`,
      {
        field: 'limit',
        code: 'INVALID_LIMIT',
      },
    );
  }
}

/**
 * Sends one search request. Searches run in the `search` limiter bucket, which HubSpot meters
 * per second apart from the ten-secondly limit, and are marked idempotent because they only read.
 */
export async function searchPage(
  http: Client,
  objectType: string,
  request: SearchRequest,
  options: CallOptions = {},
): Promise<SearchPage> {
  checkLimit(request);
  const { data } = await http.request({
    method: 'POST',
    path: `/crm/v3/objects/${objectType}/search`,
    json: searchBody(request),
    schema: searchPageSchema,
    bucket: 'search',
    idempotent: true,
    operation: `${objectType}.search`,
    signal: options.signal,
  });
  return data;
}

/**
 * Walks every page of a search with `after`. HubSpot serves only the first 10,000 results of a
 * search: when more matched, the walk yields those and then throws a {@link SearchWindowError}.
 */
export async function* searchAll(
  http: Client,
  objectType: string,
  request: SearchRequest,
  options: CallOptions = {},
): AsyncGenerator<CrmObject> {
  let after = request.after;
  let yielded = 0;
  for (;;) {
    const page = await searchPage(http, objectType, { ...request, after }, options);
    for (const record of page.results) {
      yielded += 1;
      yield record;
    }
    const next = page.paging?.next?.after;
    if (next === undefined || next === after) return;
    if (Number(next) >= searchWindow) throw new SearchWindowError(objectType, page.total, yielded);
    after = next;
  }
}

/**
 * Walks every result of a search, past the 10,000 window, by sorting on `hs_object_id` and adding
 * `hs_object_id > last id` to every filter group, so each page starts a fresh search. The
 * request's own sorts and `after` are not allowed, because the walk sets both.
 */
export async function* searchById(
  http: Client,
  objectType: string,
  request: SearchRequest,
  options: CallOptions = {},
): AsyncGenerator<CrmObject> {
  if (request.sorts?.length || request.after !== undefined) {
    throw new HubSpotValidationError(
      'searchById sorts by hs_object_id and pages by id itself; remove sorts and after.',
      {
        field: 'sorts',
        code: 'SORTS_NOT_ALLOWED',
      },
    );
  }
  const groups =
    request.filterGroups ?? (request.filters ? [{ filters: request.filters }] : [{ filters: [] }]);
  const limit = request.limit ?? maxSearchLimit;
  let lastId: string | undefined;
  for (;;) {
    const filterGroups =
      lastId === undefined
        ? groups
        : groups.map((group) => ({
            filters: [
              ...group.filters,
              { propertyName: 'hs_object_id', operator: 'GT' as const, value: lastId },
            ],
          }));
    const page = await searchPage(
      http,
      objectType,
      {
        properties: request.properties,
        query: request.query,
        limit,
        filterGroups: filterGroups.some((group) => group.filters.length > 0) ? filterGroups : undefined,
        sorts: [{ propertyName: 'hs_object_id', direction: 'ASCENDING' }],
      },
      options,
    );
    for (const record of page.results) yield record;
    if (page.results.length < limit || page.results.length === 0) return;
    lastId = page.results.at(-1)?.id;
  }
}
