import type { ObjectType } from '../objects/object-types.js';
import { handleBatch } from './fake-batch-routes.js';
import {
  bodyObject,
  objectTypeFrom,
  present,
  type RouteContext,
  requestedProperties,
} from './fake-context.js';
import { createRecord } from './fake-create-record.js';
import { type FakeReply, notFound, reply, validationError } from './fake-responses.js';
import { runSearch } from './fake-search.js';

function list(context: RouteContext, type: ObjectType): FakeReply {
  const limit = Number(context.query.get('limit') ?? 10);
  if (!Number.isSafeInteger(limit) || limit < 1 || limit > 100) {
    throw validationError(`limit must be between 1 and 100; received ${limit}.`);
  }
  const after = Number(context.query.get('after') ?? 0);
  const live = [...context.store.table(type).values()].filter((record) => !record.archived);
  const page = live.slice(after, after + limit);
  const paging = after + limit < live.length ? { next: { after: String(after + limit) } } : undefined;
  return reply(200, {
    results: page.map((record) => present(record, requestedProperties(context.query))),
    paging,
  });
}

function search(context: RouteContext, type: ObjectType): FakeReply {
  const body = bodyObject(context.body);
  const { total, page, nextAfter } = runSearch(context.store.table(type).values(), body);
  const properties = Array.isArray(body.properties) ? (body.properties as string[]) : undefined;
  return reply(200, {
    total,
    results: page.map((record) => present(record, properties)),
    ...(nextAfter ? { paging: { next: { after: nextAfter } } } : {}),
  });
}

function single(context: RouteContext, type: ObjectType, id: string): FakeReply | undefined {
  const { method, store } = context;
  const record = store.find(type, id, context.query.get('idProperty') ?? undefined);
  if (!record) throw notFound('Object not found.  objectId are usually numeric.');
  if (method === 'GET') return reply(200, present(record, requestedProperties(context.query)));
  if (method === 'PATCH') {
    const properties = store.validate(type, bodyObject(context.body).properties ?? {});
    return reply(200, present(store.update(record, properties), 'all'));
  }
  if (method === 'DELETE') {
    store.archive(record);
    context.associations.removeRecord(type, record.id);
    return reply(204);
  }
  return undefined;
}

/** Routes under /crm/v3/objects. */
export function handleObjects(context: RouteContext): FakeReply {
  const [typeSegment, second, third] = context.segments;
  const type = objectTypeFrom(typeSegment);
  const { method } = context;

  let result: FakeReply | undefined;
  if (second === undefined && method === 'GET') result = list(context, type);
  else if (second === undefined && method === 'POST') {
    result = reply(201, present(createRecord(context, type, bodyObject(context.body)), 'all'));
  } else if (second === 'search' && method === 'POST') result = search(context, type);
  else if (second === 'batch' && method === 'POST') result = handleBatch(context, type, third);
  else if (second !== undefined && third === undefined)
    result = single(context, type, decodeURIComponent(second));
  if (result) return result;
  throw notFound(`No route for ${method} /crm/v3/objects/${context.segments.join('/')}.`);
}
