import type { FakeContext } from './fake-context.js';
import { checkSearchFields, matchesQuery, parseSearchQuery, type SearchFields } from './fake-search-query.js';
import { invalidParam, noSuch } from './fake-stripe-error.js';

function pageSize(context: FakeContext): number {
  const limit = context.params.integer('limit') ?? 10;
  if (limit < 1 || limit > 100) {
    throw invalidParam('limit', `Invalid limit: must be between 1 and 100. You passed ${limit}.`);
  }
  return limit;
}

function newestFirst<T extends { id: string }>(context: FakeContext, items: T[]): T[] {
  return items.sort(
    (a, b) => (context.account.order.get(b.id) ?? 0) - (context.account.order.get(a.id) ?? 0),
  );
}

function createdFilter(context: FakeContext): (created: number) => boolean {
  const raw = context.params.raw('created');
  if (raw === undefined) return () => true;
  if (typeof raw === 'string') {
    const exact = context.params.integer('created');
    return (created) => created === exact;
  }
  const range = context.params.object('created');
  const bounds = {
    gt: range?.integer('gt'),
    gte: range?.integer('gte'),
    lt: range?.integer('lt'),
    lte: range?.integer('lte'),
  };
  return (created) =>
    (bounds.gt === undefined || created > bounds.gt) &&
    (bounds.gte === undefined || created >= bounds.gte) &&
    (bounds.lt === undefined || created < bounds.lt) &&
    (bounds.lte === undefined || created <= bounds.lte);
}

/**
 * Builds the response to a list request the way Stripe does: newest first, `limit` 1 to 100 (default 10),
 * `starting_after` or `ending_before` cursors, `created` ranges, and `has_more`.
 * Source: docs.stripe.com/api/pagination.
 */
export function listResponse<T extends { id: string; created?: number }>(
  context: FakeContext,
  url: string,
  kind: string,
  collection: Map<string, T>,
  filter: (item: T) => boolean = () => true,
) {
  const limit = pageSize(context);
  const startingAfter = context.params.string('starting_after');
  const endingBefore = context.params.string('ending_before');
  if (startingAfter && endingBefore) {
    throw invalidParam(
      'ending_before',
      'Received both starting_after and ending_before parameters. Please pass in only one.',
    );
  }
  const inRange = createdFilter(context);
  const items = newestFirst(
    context,
    [...collection.values()].filter((item) => filter(item) && inRange(item.created ?? 0)),
  );

  let start = 0;
  let end = items.length;
  const cursor = startingAfter ?? endingBefore;
  if (cursor !== undefined) {
    if (!collection.has(cursor))
      throw noSuch(kind, cursor, startingAfter ? 'starting_after' : 'ending_before');
    const position = items.findIndex((item) => item.id === cursor);
    if (startingAfter) start = position + 1;
    else end = Math.max(position, 0);
  }
  const window = endingBefore
    ? items.slice(Math.max(start, end - limit), end)
    : items.slice(start, start + limit);
  const hasMore = endingBefore ? end - limit > start : start + limit < end;
  return { object: 'list', url, has_more: hasMore, data: window.map((item) => structuredClone(item)) };
}

function encodePage(offset: number): string {
  return `page_${btoa(`offset:${offset}`)}`;
}

function decodePage(page: string): number {
  let offset = Number.NaN;
  try {
    const decoded = page.startsWith('page_') ? atob(page.slice(5)) : '';
    if (decoded.startsWith('offset:')) offset = Number(decoded.slice(7));
  } catch {
    offset = Number.NaN;
  }
  if (!Number.isSafeInteger(offset) || offset < 0) throw invalidParam('page', `Invalid page: ${page}`);
  return offset;
}

/**
 * Builds the response to a search request: Stripe's query language over what the index contains at this moment,
 * which lags writes by the fake's `searchIndexLagMs`. Pages use an opaque `next_page` token.
 * Source: docs.stripe.com/search.
 */
export function searchResponse(context: FakeContext, url: string, fields: SearchFields) {
  const query = context.params.string('query');
  if (query === undefined || query.trim() === '')
    throw invalidParam('query', 'Missing required param: query.', 'parameter_missing');
  const clauses = parseSearchQuery(query);
  checkSearchFields(clauses, fields);
  const limit = pageSize(context);
  const page = context.params.string('page');
  const offset = page === undefined ? 0 : decodePage(page);

  const visible: Array<{ id: string; value: Record<string, unknown> }> = [];
  for (const [id, versions] of context.account.searchVersions) {
    const latest = versions.filter((version) => version.visibleAtMs <= context.nowMs).at(-1);
    const value = latest?.snapshot as Record<string, unknown> | undefined;
    if (value && value.object === fields.object && matchesQuery(clauses, value)) visible.push({ id, value });
  }
  visible.sort((a, b) => (context.account.order.get(b.id) ?? 0) - (context.account.order.get(a.id) ?? 0));

  const data = visible.slice(offset, offset + limit).map((entry) => structuredClone(entry.value));
  const hasMore = offset + limit < visible.length;
  return {
    object: 'search_result',
    url,
    has_more: hasMore,
    next_page: hasMore ? encodePage(offset + limit) : null,
    data,
  };
}
