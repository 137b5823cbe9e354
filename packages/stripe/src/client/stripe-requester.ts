import { type Client, type HttpMethod, type Paginator, paginate, type ResponseSchema } from '@patchbay/core';
import type { z } from 'zod';
import { encodeForm, type FormParams } from '../form/encode-form.js';
import {
  listSchema,
  type StripeList,
  type StripeSearchResult,
  searchResultSchema,
} from '../schemas/common.js';
import type { StripeBucket } from './rate-limit-presets.js';
import { requireId } from './require-id.js';
import type { StripeCallOptions } from './stripe-call-options.js';

interface SendOptions<T> {
  method: HttpMethod;
  path: string;
  params: FormParams | undefined;
  schema: ResponseSchema<T>;
  call: StripeCallOptions | undefined;
  operation: string;
  bucket: StripeBucket;
}

/** Builds a path from a template's fixed parts and checked, URL-encoded ids. */
export function stripePath(strings: TemplateStringsArray, ...ids: string[]): string {
  return strings.reduce(
    (path, part, index) => path + part + (index < ids.length ? encodeURIComponent(ids[index] as string) : ''),
    '',
  );
}

/**
 * Sends Stripe requests through the core pipeline: parameters are form-encoded (in the query for
 * GET and DELETE, in the body for POST), `expand` and `Stripe-Account` are applied per call, and
 * each request uses the read, write or search limiter bucket.
 */
export class StripeRequester {
  constructor(readonly client: Client) {}

  get<T>(
    path: string,
    params: FormParams | undefined,
    schema: ResponseSchema<T>,
    call: StripeCallOptions | undefined,
    operation: string,
  ): Promise<T> {
    return this.#send({ method: 'GET', path, params, schema, call, operation, bucket: 'read' });
  }

  post<T>(
    path: string,
    params: FormParams | undefined,
    schema: ResponseSchema<T>,
    call: StripeCallOptions | undefined,
    operation: string,
  ): Promise<T> {
    return this.#send({ method: 'POST', path, params, schema, call, operation, bucket: 'write' });
  }

  delete<T>(
    path: string,
    schema: ResponseSchema<T>,
    call: StripeCallOptions | undefined,
    operation: string,
  ): Promise<T> {
    return this.#send({
      method: 'DELETE',
      path,
      params: undefined,
      schema,
      call,
      operation,
      bucket: 'write',
    });
  }

  /**
   * Walks a list endpoint with `starting_after`, or backwards with `ending_before` when `params`
   * contains it. Every page repeats the original parameters with only the cursor changed.
   */
  list<Item extends { id: string }>(
    path: string,
    params: FormParams,
    item: z.ZodType<Item>,
    call: StripeCallOptions | undefined,
    operation: string,
  ): Paginator<StripeList<Item>, Item> {
    const backward = params.ending_before !== undefined && params.ending_before !== null;
    const schema = listSchema(item) as unknown as ResponseSchema<StripeList<Item>>;
    return paginate<StripeList<Item>, Item>(this.client, {
      request: this.#options({ method: 'GET', path, params, schema, call, operation, bucket: 'read' }),
      cursor: { in: 'query', name: backward ? 'ending_before' : 'starting_after' },
      items: (page) => page.data,
      nextCursor: (page, items) => {
        if (!page.has_more) return undefined;
        return backward ? items[0]?.id : items.at(-1)?.id;
      },
    });
  }

  /** Walks a search endpoint with its `page` token, repeating the query and every other parameter. */
  search<Item>(
    path: string,
    params: FormParams,
    item: z.ZodType<Item>,
    call: StripeCallOptions | undefined,
    operation: string,
  ): Paginator<StripeSearchResult<Item>, Item> {
    const schema = searchResultSchema(item) as unknown as ResponseSchema<StripeSearchResult<Item>>;
    return paginate<StripeSearchResult<Item>, Item>(this.client, {
      request: this.#options({ method: 'GET', path, params, schema, call, operation, bucket: 'search' }),
      cursor: { in: 'query', name: 'page' },
      items: (page) => page.data,
      nextCursor: (page) => (page.has_more && page.next_page ? page.next_page : undefined),
    });
  }

  async #send<T>(options: SendOptions<T>): Promise<T> {
    const response = await this.client.request(this.#options(options));
    return response.data;
  }

  #options<T>(options: SendOptions<T>) {
    const { call } = options;
    const params: FormParams = call?.expand?.length
      ? { ...options.params, expand: [...call.expand] }
      : (options.params ?? {});
    const encoded = encodeForm(params);
    const inBody = options.method === 'POST';
    const stripeAccount =
      call?.stripeAccount === undefined ? undefined : requireId(call.stripeAccount, 'stripeAccount', 'acct_');
    return {
      method: options.method,
      path: options.path,
      query: inBody || encoded === '' ? undefined : encoded,
      form: inBody ? encoded : undefined,
      schema: options.schema,
      idempotencyKey: inBody ? call?.idempotencyKey : undefined,
      headers: stripeAccount === undefined ? undefined : { 'stripe-account': stripeAccount },
      signal: call?.signal,
      retry: call?.retry,
      timeout: call?.timeout,
      bucket: options.bucket,
      operation: options.operation,
    };
  }
}
