import type { Client } from './client.js';
import type { QueryValue, RequestOptions } from './request-options.js';

export interface PaginateOptions<TPage, TItem> {
  /** The first page's request; every later page repeats it with the cursor added. */
  request: RequestOptions<TPage>;
  /**
   * Where the cursor goes: a query parameter (such as `starting_after` or `after`) or a field of
   * the JSON body (HubSpot search sends `after` in the body).
   */
  cursor: { in: 'query'; name: string } | { in: 'json'; name: string };
  /** The next page's cursor, or `undefined` on the last page. */
  nextCursor: (page: TPage, items: readonly TItem[]) => string | number | undefined;
  /** The items of one page. */
  items: (page: TPage) => readonly TItem[];
  /** Cursor of the first page, to resume a walk. */
  startCursor?: string | number;
  /** Stops after this many pages. */
  maxPages?: number;
}

function withCursor<TPage>(
  request: RequestOptions<TPage>,
  cursor: PaginateOptions<TPage, unknown>['cursor'],
  value: string | number | undefined,
): RequestOptions<TPage> {
  if (value === undefined) return request;
  if (cursor.in === 'json') {
    return { ...request, json: { ...(request.json as Record<string, unknown>), [cursor.name]: value } };
  }
  const query = request.query;
  const encoded = `${encodeURIComponent(cursor.name)}=${encodeURIComponent(String(value))}`;
  if (query === undefined) return { ...request, query: encoded };
  if (typeof query === 'string') {
    // Keep the caller's pre-encoded parameters in their order, replacing any earlier cursor.
    const kept = query
      .replace(/^\?/, '')
      .split('&')
      .filter((pair) => pair !== '' && decodeURIComponent(pair.split('=')[0] ?? '') !== cursor.name);
    return { ...request, query: [...kept, encoded].join('&') };
  }
  if (query instanceof URLSearchParams) {
    const copy = new URLSearchParams(query);
    copy.set(cursor.name, String(value));
    return { ...request, query: copy };
  }
  return { ...request, query: { ...(query as Record<string, QueryValue>), [cursor.name]: String(value) } };
}

/** An async iterable of items that can also walk page by page. */
export interface Paginator<TPage, TItem> extends AsyncIterable<TItem> {
  pages(): AsyncIterable<TPage>;
  /** Collects every item; mind memory on large result sets. */
  toArray(): Promise<TItem[]>;
}

/**
 * Walks a cursor-paginated endpoint. Every page repeats the original request (query, body,
 * headers, schema) with only the cursor changed, and the walk stops when the request's signal
 * aborts, between pages as well as during a request.
 */
export function paginate<TPage, TItem>(
  client: Client,
  options: PaginateOptions<TPage, TItem>,
): Paginator<TPage, TItem> {
  async function* pages(): AsyncGenerator<TPage> {
    let cursor = options.startCursor;
    let count = 0;
    const signal = options.request.signal;
    for (;;) {
      signal?.throwIfAborted();
      const response = await client.request(withCursor(options.request, options.cursor, cursor));
      count += 1;
      yield response.data;
      const next = options.nextCursor(response.data, options.items(response.data));
      if (next === undefined || next === '' || next === cursor) return;
      if (options.maxPages !== undefined && count >= options.maxPages) return;
      cursor = next;
    }
  }

  async function* items(): AsyncGenerator<TItem> {
    const signal = options.request.signal;
    for await (const page of pages()) {
      for (const item of options.items(page)) {
        signal?.throwIfAborted();
        yield item;
      }
    }
  }

  return {
    [Symbol.asyncIterator]: () => items(),
    pages,
    async toArray() {
      const all: TItem[] = [];
      for await (const item of items()) all.push(item);
      return all;
    },
  };
}
