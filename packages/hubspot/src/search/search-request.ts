import { z } from 'zod';
import { crmObjectSchema, pagingSchema } from '../objects/crm-object.js';

/** Filter operators of the CRM search API (https://developers.hubspot.com/docs/guides/api/crm/search#filter-search-results). */
export type FilterOperator =
  | 'EQ'
  | 'NEQ'
  | 'LT'
  | 'LTE'
  | 'GT'
  | 'GTE'
  | 'BETWEEN'
  | 'IN'
  | 'NOT_IN'
  | 'HAS_PROPERTY'
  | 'NOT_HAS_PROPERTY'
  | 'CONTAINS_TOKEN'
  | 'NOT_CONTAINS_TOKEN';

export interface SearchFilter {
  propertyName: string;
  operator: FilterOperator;
  /** For single-value operators. */
  value?: string | number | boolean;
  /** Upper bound for `BETWEEN`. */
  highValue?: string | number;
  /** For `IN` and `NOT_IN`. */
  values?: Array<string | number>;
}

/** Filters in one group are ANDed; groups are ORed. */
export interface SearchFilterGroup {
  filters: SearchFilter[];
}

export interface SearchSort {
  propertyName: string;
  direction: 'ASCENDING' | 'DESCENDING';
}

export interface SearchRequest {
  filterGroups?: SearchFilterGroup[];
  /** Shorthand for one filter group. */
  filters?: SearchFilter[];
  sorts?: SearchSort[];
  /** Properties to return; HubSpot returns a small default set without it. */
  properties?: string[];
  /** Full-text query over the object's default searchable properties. */
  query?: string;
  /**
   * Results per page, at most 200.
   * @default 100
   */
  limit?: number;
  /** Offset cursor from `paging.next.after` of the previous page. */
  after?: string;
}

export const searchPageSchema = z.looseObject({
  total: z.number(),
  results: z.array(crmObjectSchema),
  paging: pagingSchema.optional(),
});

export type SearchPage = z.infer<typeof searchPageSchema>;

/** HubSpot pages a search through at most this many results. */
export const searchWindow = 10_000;

/** Largest `limit` HubSpot accepts on a search page. */
export const maxSearchLimit = 200;

/** Builds the JSON body HubSpot expects, with the `filters` shorthand expanded. */
export function searchBody(request: SearchRequest): Record<string, unknown> {
  const filterGroups = request.filterGroups ?? (request.filters ? [{ filters: request.filters }] : undefined);
  const body: Record<string, unknown> = { limit: request.limit ?? 100 };
  if (filterGroups) body.filterGroups = filterGroups;
  if (request.sorts) body.sorts = request.sorts;
  if (request.properties) body.properties = request.properties;
  if (request.query !== undefined) body.query = request.query;
  if (request.after !== undefined) body.after = request.after;
  return body;
}
