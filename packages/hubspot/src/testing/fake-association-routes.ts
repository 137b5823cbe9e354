import { defaultAssociationTypeId } from '../associations/association-types.js';
import { type ObjectType, objectTypeIds } from '../objects/object-types.js';
import type { AssociationTypeSpec, FakeAssociation } from './fake-association-store.js';
import { bodyObject, inputsOf, objectTypeFrom, type RouteContext } from './fake-context.js';
import { type FakeReply, notFound, reply, validationError } from './fake-responses.js';

function requireRecord(context: RouteContext, type: ObjectType, id: string): void {
  if (!context.store.find(type, id)) throw notFound(`No ${type} with id ${id} exists.`);
}

function defaultSpec(from: ObjectType, to: ObjectType): AssociationTypeSpec {
  const typeId = defaultAssociationTypeId(from, to);
  if (typeId === undefined)
    throw validationError(`There is no default association type from ${from} to ${to}.`);
  return { associationCategory: 'HUBSPOT_DEFINED', associationTypeId: typeId };
}

function describeLinks(links: FakeAssociation[]) {
  return links.map((link) => ({ category: link.category, typeId: link.typeId, label: null }));
}

function created(from: ObjectType, fromId: string, to: ObjectType, toId: string) {
  return {
    fromObjectTypeId: objectTypeIds[from],
    fromObjectId: Number(fromId),
    toObjectTypeId: objectTypeIds[to],
    toObjectId: Number(toId),
    labels: [],
  };
}

/** Routes under /crm/v4/objects: single-record links. */
export function handleRecordAssociations(context: RouteContext): FakeReply {
  const [fromSegment, fromId = '', marker, third, fourth, fifth] = context.segments;
  const from = objectTypeFrom(fromSegment);
  if (marker !== 'associations')
    throw notFound(`No route for /crm/v4/objects/${context.segments.join('/')}.`);
  requireRecord(context, from, fromId);

  if (third === 'default' && context.method === 'PUT') {
    const to = objectTypeFrom(fourth);
    const toId = fifth ?? '';
    requireRecord(context, to, toId);
    const spec = defaultSpec(from, to);
    context.associations.add(from, fromId, to, toId, spec);
    const inverse = defaultSpec(to, from);
    return reply(200, {
      status: 'COMPLETE',
      results: [
        { from: { id: fromId }, to: { id: toId }, associationSpec: spec },
        { from: { id: toId }, to: { id: fromId }, associationSpec: inverse },
      ],
    });
  }

  const to = objectTypeFrom(third);
  if (fourth === undefined && context.method === 'GET') {
    const grouped = [...context.associations.from(from, fromId, to)];
    const limit = Number(context.query.get('limit') ?? 500);
    const after = Number(context.query.get('after') ?? 0);
    const page = grouped.slice(after, after + limit);
    return reply(200, {
      results: page.map(([toId, links]) => ({
        toObjectId: Number(toId),
        associationTypes: describeLinks(links),
      })),
      ...(after + limit < grouped.length ? { paging: { next: { after: String(after + limit) } } } : {}),
    });
  }
  if (fourth !== undefined && context.method === 'PUT') {
    requireRecord(context, to, fourth);
    if (!Array.isArray(context.body) || context.body.length === 0) {
      throw validationError('The request body must be a non-empty array of association types.');
    }
    for (const spec of context.body as AssociationTypeSpec[])
      context.associations.add(from, fromId, to, fourth, spec);
    return reply(201, created(from, fromId, to, fourth));
  }
  throw notFound(`No route for ${context.method} /crm/v4/objects/${context.segments.join('/')}.`);
}

/** Routes under /crm/v4/associations: batch links. */
export function handleBatchAssociations(context: RouteContext): FakeReply {
  const [fromSegment, toSegment, marker, operation, variant] = context.segments;
  const from = objectTypeFrom(fromSegment);
  const to = objectTypeFrom(toSegment);
  if (marker !== 'batch' || context.method !== 'POST')
    throw notFound(`No route for /crm/v4/associations/${context.segments.join('/')}.`);
  bodyObject(context.body);

  if (operation === 'read') {
    const inputs = inputsOf(context.body, 1000);
    const results = inputs.map((input) => {
      const id = String(input.id);
      const grouped = [...context.associations.from(from, id, to)];
      return {
        from: { id },
        to: grouped.map(([toId, links]) => ({
          toObjectId: Number(toId),
          associationTypes: describeLinks(links),
        })),
      };
    });
    return reply(200, { status: 'COMPLETE', results });
  }

  const isDefault = operation === 'associate' && variant === 'default';
  if (operation !== 'create' && !isDefault)
    throw notFound(`Unknown batch association operation ${operation ?? ''}.`);
  const inputs = inputsOf(context.body, 2000);
  const results: unknown[] = [];
  const missing: string[] = [];
  for (const input of inputs) {
    const fromId = String((input.from as { id?: unknown } | undefined)?.id ?? '');
    const toId = String((input.to as { id?: unknown } | undefined)?.id ?? '');
    if (!context.store.find(from, fromId) || !context.store.find(to, toId)) {
      missing.push(`${fromId}->${toId}`);
      continue;
    }
    const specs = isDefault
      ? [defaultSpec(from, to)]
      : ((input.types as AssociationTypeSpec[] | undefined) ?? []);
    if (specs.length === 0) throw validationError('Each input needs at least one association type.');
    for (const spec of specs) context.associations.add(from, fromId, to, toId, spec);
    results.push(created(from, fromId, to, toId));
  }
  const errors =
    missing.length === 0
      ? []
      : [
          {
            status: 'error',
            category: 'OBJECT_NOT_FOUND',
            message: 'One or more records do not exist.',
            context: { pairs: missing },
          },
        ];
  return reply(errors.length > 0 ? 207 : 201, {
    status: 'COMPLETE',
    results,
    ...(errors.length ? { numErrors: errors.length, errors } : {}),
  });
}
