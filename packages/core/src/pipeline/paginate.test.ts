import { describe, expect, it } from 'vitest';
import { handlerTransport } from '../../test/handler-transport.js';
import { AbortError } from '../errors/request-errors.js';
import { createClient } from './client.js';
import { paginate } from './paginate.js';

interface Page {
  data: Array<{ id: string }>;
  has_more: boolean;
}

function listServer(total: number, pageSize: number) {
  const ids = Array.from({ length: total }, (_, index) => `cus_${index + 1}`);
  return handlerTransport((request) => {
    const after = request.url.searchParams.get('starting_after') ?? JSON.parse(request.body || '{}').after;
    const from = after ? ids.indexOf(after) + 1 : 0;
    const data = ids.slice(from, from + pageSize).map((id) => ({ id }));
    return { status: 200, json: { data, has_more: from + pageSize < total } };
  });
}

const pageOptions = {
  cursor: { in: 'query' as const, name: 'starting_after' },
  items: (page: Page) => page.data,
  nextCursor: (page: Page, items: readonly { id: string }[]) =>
    page.has_more ? items.at(-1)?.id : undefined,
};

describe('paginate', () => {
  it('walks every page keeping the original query', async () => {
    const { transport, requests } = listServer(7, 3);
    const client = createClient({ service: 'stripe', baseUrl: 'https://api.example.test', transport });
    const items = await paginate<Page, { id: string }>(client, {
      ...pageOptions,
      request: {
        method: 'GET',
        path: '/v1/customers',
        query: { limit: 3, email: 'a@b.test', 'expand[]': 'data.x' },
      },
    }).toArray();

    expect(items.map((item) => item.id)).toEqual([
      'cus_1',
      'cus_2',
      'cus_3',
      'cus_4',
      'cus_5',
      'cus_6',
      'cus_7',
    ]);
    expect(requests.map((request) => request.url.search)).toEqual([
      '?limit=3&email=a%40b.test&expand%5B%5D=data.x',
      '?limit=3&email=a%40b.test&expand%5B%5D=data.x&starting_after=cus_3',
      '?limit=3&email=a%40b.test&expand%5B%5D=data.x&starting_after=cus_6',
    ]);
  });

  it('keeps a pre-encoded query string in order', async () => {
    const { transport, requests } = listServer(4, 2);
    const client = createClient({ service: 'stripe', baseUrl: 'https://api.example.test', transport });
    await paginate<Page, { id: string }>(client, {
      ...pageOptions,
      request: { method: 'GET', path: '/v1/customers', query: 'limit=2&expand[]=data.a&expand[]=data.b' },
    }).toArray();
    expect(requests[1]?.url.search).toBe('?limit=2&expand[]=data.a&expand[]=data.b&starting_after=cus_2');
  });

  it('puts the cursor in the JSON body when asked', async () => {
    const { transport, requests } = listServer(3, 2);
    const client = createClient({ service: 'hubspot', baseUrl: 'https://api.example.test', transport });
    const pages = [];
    for await (const page of paginate<Page, { id: string }>(client, {
      ...pageOptions,
      cursor: { in: 'json', name: 'after' },
      request: { method: 'POST', path: '/search', json: { filterGroups: [], limit: 2 } },
    }).pages()) {
      pages.push(page);
    }
    expect(pages).toHaveLength(2);
    expect(JSON.parse(requests[1]!.body)).toEqual({ filterGroups: [], limit: 2, after: 'cus_2' });
  });

  it('stops when the signal aborts between pages', async () => {
    const { transport, requests } = listServer(10, 2);
    const client = createClient({ service: 'stripe', baseUrl: 'https://api.example.test', transport });
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = async () => {
      for await (const item of paginate<Page, { id: string }>(client, {
        ...pageOptions,
        request: { method: 'GET', path: '/v1/customers', signal: controller.signal },
      })) {
        seen.push(item.id);
        if (seen.length === 3) controller.abort();
      }
    };
    await expect(walk()).rejects.toBeDefined();
    expect(seen).toEqual(['cus_1', 'cus_2', 'cus_3']);
    expect(requests).toHaveLength(2);
  });

  it('reports an abort during a page request as an AbortError', async () => {
    const { transport } = listServer(10, 2);
    const client = createClient({ service: 'stripe', baseUrl: 'https://api.example.test', transport });
    const error = await paginate<Page, { id: string }>(client, {
      ...pageOptions,
      request: { method: 'GET', path: '/v1/customers', signal: AbortSignal.abort() },
    })
      .toArray()
      .catch((caught: unknown) => caught);
    expect(error).toBeDefined();
    expect(AbortError.isInstance(error) || (error as Error).name === 'AbortError').toBe(true);
  });
});
