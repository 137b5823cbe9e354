import type { ObjectType } from '../objects/object-types.js';
import { bodyObject, inputsOf, present, type RouteContext } from './fake-context.js';
import { createRecord } from './fake-create-record.js';
import { type FakeReply, notFound, reply, validationError } from './fake-responses.js';
import type { FakeRecord } from './fake-store.js';

type Inputs = Array<Record<string, unknown>>;

/** Builds a batch response, with status 207 Multi-Status when some inputs failed. */
function envelope(successStatus: number, results: unknown[], errors: unknown[]): FakeReply {
  const now = new Date().toISOString();
  return reply(errors.length > 0 ? 207 : successStatus, {
    status: 'COMPLETE',
    results,
    ...(errors.length > 0 ? { numErrors: errors.length, errors } : {}),
    startedAt: now,
    completedAt: now,
  });
}

function notFoundError(message: string, ids: string[]) {
  return ids.length === 0
    ? []
    : [{ status: 'error', category: 'OBJECT_NOT_FOUND', message, context: { ids } }];
}

function batchCreate(context: RouteContext, type: ObjectType, inputs: Inputs): FakeReply {
  // Every input is validated before any is created, so a 400 leaves the store unchanged.
  const checked = inputs.map((input) => context.store.validate(type, input.properties ?? {}));
  const results = inputs.map((input, index) => ({
    ...present(createRecord(context, type, input, checked[index]), 'all'),
    ...(input.objectWriteTraceId === undefined ? {} : { objectWriteTraceId: input.objectWriteTraceId }),
  }));
  return envelope(201, results, []);
}

function batchRead(context: RouteContext, type: ObjectType, inputs: Inputs): FakeReply {
  const body = bodyObject(context.body);
  const idProperty = typeof body.idProperty === 'string' ? body.idProperty : undefined;
  const properties = Array.isArray(body.properties) ? (body.properties as string[]) : [];
  const found: FakeRecord[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const record = context.store.find(type, String(input.id), idProperty);
    if (record) found.push(record);
    else missing.push(String(input.id));
  }
  const returned = properties.length > 0 ? [...properties, ...(idProperty ? [idProperty] : [])] : undefined;
  const message = `Could not get some ${type.toUpperCase()} objects, they may be deleted or not exist. Check that ids are valid.`;
  return envelope(
    200,
    found.map((record) => present(record, returned)),
    notFoundError(message, missing),
  );
}

function batchUpdate(context: RouteContext, type: ObjectType, inputs: Inputs): FakeReply {
  const checked = inputs.map((input) => ({
    input,
    properties: context.store.validate(type, input.properties ?? {}),
  }));
  const missing: string[] = [];
  const results: unknown[] = [];
  for (const { input, properties } of checked) {
    const idProperty = typeof input.idProperty === 'string' ? input.idProperty : undefined;
    const record = context.store.find(type, String(input.id), idProperty);
    if (!record) missing.push(String(input.id));
    else results.push(present(context.store.update(record, properties), 'all'));
  }
  return envelope(
    200,
    results,
    notFoundError('Could not update some objects, they may be deleted or not exist.', missing),
  );
}

function batchUpsert(context: RouteContext, type: ObjectType, inputs: Inputs): FakeReply {
  const { store } = context;
  const keys = new Set<string>();
  const checked = inputs.map((input) => {
    const idProperty = String(input.idProperty ?? '');
    if (!store.definition(type, idProperty)?.hasUniqueValue) {
      throw validationError(
        `${idProperty || '(missing)'} is not a property with unique values on ${type}, so it cannot be used as idProperty.`,
      );
    }
    const id = idProperty === 'email' ? String(input.id).toLowerCase() : String(input.id);
    if (keys.has(id)) throw validationError(`Duplicate IDs found in batch input: ${id}. IDs must be unique.`);
    keys.add(id);
    return { id, idProperty, properties: store.validate(type, input.properties ?? {}) };
  });
  const results = checked.map(({ id, idProperty, properties }) => {
    const existing = store.find(type, id, idProperty);
    if (existing) return { ...present(store.update(existing, properties), 'all'), new: false };
    return { ...present(store.create(type, { ...properties, [idProperty]: id }), 'all'), new: true };
  });
  return envelope(200, results, []);
}

function batchArchive(context: RouteContext, type: ObjectType, inputs: Inputs): FakeReply {
  for (const input of inputs) {
    const record = context.store.find(type, String(input.id));
    if (!record) continue;
    context.store.archive(record);
    context.associations.removeRecord(type, record.id);
  }
  return reply(204);
}

const operations = {
  create: batchCreate,
  read: batchRead,
  update: batchUpdate,
  upsert: batchUpsert,
  archive: batchArchive,
} as const;

/** Routes under /crm/v3/objects/{type}/batch; at most 100 inputs per request. */
export function handleBatch(
  context: RouteContext,
  type: ObjectType,
  operation: string | undefined,
): FakeReply {
  const run =
    operation !== undefined && Object.hasOwn(operations, operation)
      ? operations[operation as keyof typeof operations]
      : undefined;
  if (!run) throw notFound(`Unknown batch operation ${operation ?? ''}.`);
  return run(context, type, inputsOf(context.body));
}
