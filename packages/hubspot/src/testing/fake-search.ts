import { maxSearchLimit, searchWindow } from '../search/search-request.js';
import { validationError } from './fake-responses.js';
import type { FakeRecord } from './fake-store.js';

interface Filter {
  propertyName?: unknown;
  operator?: unknown;
  value?: unknown;
  highValue?: unknown;
  values?: unknown;
}

const operators = new Set([
  'EQ',
  'NEQ',
  'LT',
  'LTE',
  'GT',
  'GTE',
  'BETWEEN',
  'IN',
  'NOT_IN',
  'HAS_PROPERTY',
  'NOT_HAS_PROPERTY',
  'CONTAINS_TOKEN',
  'NOT_CONTAINS_TOKEN',
]);

// Search limits: https://developers.hubspot.com/docs/guides/api/crm/search#limitations
const maxFilterGroups = 5;
const maxFiltersPerGroup = 6;
const maxFilters = 18;

function compare(left: string, right: string): number {
  const a = Number(left);
  const b = Number(right);
  if (left !== '' && right !== '' && Number.isFinite(a) && Number.isFinite(b)) return a - b;
  return left.toLowerCase().localeCompare(right.toLowerCase());
}

function tokens(value: string): string[] {
  return value
    .toLowerCase()
    .split(/[^a-z0-9@.*_-]+/)
    .filter(Boolean);
}

/** Matches a token pattern (`*` is a wildcard) against the whole value or any of its words. */
function matchesToken(value: string, pattern: string): boolean {
  const escaped = pattern
    .toLowerCase()
    .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\*/g, '.*');
  const regex = new RegExp(`^${escaped}$`);
  return regex.test(value.toLowerCase()) || tokens(value).some((token) => regex.test(token));
}

function matchesFilter(record: FakeRecord, filter: Filter): boolean {
  const actual = record.properties[String(filter.propertyName)] ?? '';
  const value = filter.value === undefined ? '' : String(filter.value);
  switch (filter.operator) {
    case 'EQ':
      return actual !== '' && compare(actual, value) === 0;
    case 'NEQ':
      return compare(actual, value) !== 0;
    case 'LT':
      return actual !== '' && compare(actual, value) < 0;
    case 'LTE':
      return actual !== '' && compare(actual, value) <= 0;
    case 'GT':
      return actual !== '' && compare(actual, value) > 0;
    case 'GTE':
      return actual !== '' && compare(actual, value) >= 0;
    case 'BETWEEN':
      return actual !== '' && compare(actual, value) >= 0 && compare(actual, String(filter.highValue)) <= 0;
    case 'IN':
      return (filter.values as unknown[]).some((entry) => compare(actual, String(entry)) === 0);
    case 'NOT_IN':
      return !(filter.values as unknown[]).some((entry) => compare(actual, String(entry)) === 0);
    case 'HAS_PROPERTY':
      return actual !== '';
    case 'NOT_HAS_PROPERTY':
      return actual === '';
    case 'CONTAINS_TOKEN':
      return actual !== '' && matchesToken(actual, value);
    case 'NOT_CONTAINS_TOKEN':
      return actual === '' || !matchesToken(actual, value);
    default:
      return false;
  }
}

function checkFilter(filter: Filter): void {
  if (typeof filter.propertyName !== 'string' || !operators.has(String(filter.operator))) {
    throw validationError(
      `Invalid filter: ${JSON.stringify(filter)}; each filter needs propertyName and a known operator.`,
    );
  }
  const needsValues = filter.operator === 'IN' || filter.operator === 'NOT_IN';
  if (needsValues && !Array.isArray(filter.values)) {
    throw validationError(
      `The ${filter.operator} operator needs "values" (an array) for ${filter.propertyName}.`,
    );
  }
  const needsValue =
    !needsValues && filter.operator !== 'HAS_PROPERTY' && filter.operator !== 'NOT_HAS_PROPERTY';
  if (needsValue && filter.value === undefined) {
    throw validationError(`The ${filter.operator} operator needs "value" for ${filter.propertyName}.`);
  }
}

/** Runs a search body against records the way the CRM search endpoint does, including its limits. */
export function runSearch(records: Iterable<FakeRecord>, body: Record<string, unknown>) {
  const limit = body.limit === undefined ? 10 : Number(body.limit);
  if (!Number.isSafeInteger(limit) || limit < 0 || limit > maxSearchLimit) {
    throw validationError(`limit must be between 0 and ${maxSearchLimit}; received ${String(body.limit)}.`);
  }
  const after = body.after === undefined ? 0 : Number(body.after);
  if (!Number.isSafeInteger(after) || after < 0)
    throw validationError(`after must be a non-negative integer; received ${String(body.after)}.`);
  if (after >= searchWindow) {
    throw validationError(
      `Paging past ${searchWindow} results is not supported for search; received after=${after}.`,
    );
  }

  const groups = (Array.isArray(body.filterGroups) ? body.filterGroups : []) as Array<{ filters?: Filter[] }>;
  const filterCount = groups.reduce((sum, group) => sum + (group.filters?.length ?? 0), 0);
  if (
    groups.length > maxFilterGroups ||
    groups.some((group) => (group.filters?.length ?? 0) > maxFiltersPerGroup) ||
    filterCount > maxFilters
  ) {
    throw validationError(
      `A search allows at most ${maxFilterGroups} filter groups, ${maxFiltersPerGroup} filters per group and ${maxFilters} filters in all.`,
    );
  }
  for (const group of groups) for (const filter of group.filters ?? []) checkFilter(filter);
  const sorts = (Array.isArray(body.sorts) ? body.sorts : []) as Array<{
    propertyName?: string;
    direction?: string;
  }>;
  if (sorts.length > 1) throw validationError('A search accepts one sort rule.');
  const query = typeof body.query === 'string' ? body.query.toLowerCase() : undefined;

  let matched = [...records].filter((record) => !record.archived);
  if (groups.length > 0) {
    matched = matched.filter((record) =>
      groups.some((group) => (group.filters ?? []).every((filter) => matchesFilter(record, filter))),
    );
  }
  if (query)
    matched = matched.filter((record) =>
      Object.values(record.properties).some((value) => value.toLowerCase().includes(query)),
    );

  const sort = sorts[0] ?? { propertyName: 'hs_object_id', direction: 'ASCENDING' };
  const sign = sort.direction === 'DESCENDING' ? -1 : 1;
  matched.sort(
    (a, b) =>
      sign *
      compare(a.properties[sort.propertyName ?? ''] ?? '', b.properties[sort.propertyName ?? ''] ?? ''),
  );

  const end = Math.min(after + limit, searchWindow, matched.length);
  const page = matched.slice(after, end);
  const nextAfter = after + limit < matched.length ? String(after + limit) : undefined;
  return { total: matched.length, page, nextAfter };
}
