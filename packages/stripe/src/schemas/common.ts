import { z } from 'zod';

// Every object schema here is a loose object: fields Stripe adds in later API versions pass
// through untouched, and fields that differ between versions are optional or nullable. The
// fixtures test parses objects of API version 2026-07-29 and events of version 2020-08-27.

/** Key-value pairs stored on an object; values are strings. Source: docs.stripe.com/api/metadata. */
export const metadataSchema = z.record(z.string(), z.string());
export type Metadata = z.infer<typeof metadataSchema>;

/** Builds the schema of a field that is an id, or the object itself when the request expanded it. */
export function expandable<Schema extends z.ZodType>(schema: Schema) {
  return z.union([z.string(), schema]);
}

/** Any expanded object: only its id is read. */
export const expandedObjectSchema = z.looseObject({ id: z.string() });

/** Returns the id of an expandable field, whether it arrived as an id or as the expanded object. */
export function expandableId(value: string | { id: string } | null | undefined): string | undefined {
  if (value === null || value === undefined) return undefined;
  return typeof value === 'string' ? value : value.id;
}

/** Unix time in seconds. */
export const timestampSchema = z.number().int();

/** Builds the schema of a `list` envelope of items. Source: docs.stripe.com/api/pagination. */
export function listSchema<Item extends z.ZodType>(item: Item) {
  return z.looseObject({
    object: z.literal('list'),
    data: z.array(item),
    has_more: z.boolean(),
    url: z.string().optional(),
  });
}

/** Builds the schema of a `search_result` envelope. Source: docs.stripe.com/api/pagination/search. */
export function searchResultSchema<Item extends z.ZodType>(item: Item) {
  return z.looseObject({
    object: z.literal('search_result'),
    data: z.array(item),
    has_more: z.boolean(),
    next_page: z.string().nullable().optional(),
    url: z.string().optional(),
    total_count: z.number().int().optional(),
  });
}

export type StripeList<Item> = { object: 'list'; data: Item[]; has_more: boolean; url?: string | undefined };
export type StripeSearchResult<Item> = {
  object: 'search_result';
  data: Item[];
  has_more: boolean;
  next_page?: string | null | undefined;
  url?: string | undefined;
  total_count?: number | undefined;
};
