import type { PropertyDefinition } from '../properties/property-definition.js';
import { bodyObject, objectTypeFrom, type RouteContext } from './fake-context.js';
import { conflict, type FakeReply, notFound, reply, validationError } from './fake-responses.js';

/** Routes under /crm/v3/properties. */
export function handleProperties(context: RouteContext): FakeReply {
  const [typeSegment, name] = context.segments;
  const type = objectTypeFrom(typeSegment);
  const definitions = context.store.definitions.get(type) as Map<string, PropertyDefinition>;
  if (context.method === 'GET' && name === undefined)
    return reply(200, { results: [...definitions.values()] });
  if (context.method === 'GET' && name !== undefined) {
    const definition = definitions.get(decodeURIComponent(name));
    if (!definition) throw notFound(`Unable to find property ${name} for ${type}.`);
    return reply(200, definition);
  }
  if (context.method === 'POST' && name === undefined) {
    const body = bodyObject(context.body);
    if (typeof body.name !== 'string' || typeof body.type !== 'string')
      throw validationError('A property needs name and type.');
    if (definitions.has(body.name)) throw conflict(`A property named '${body.name}' already exists.`);
    const definition = { ...body, name: body.name, type: body.type } as PropertyDefinition;
    definitions.set(body.name, definition);
    return reply(201, definition);
  }
  throw notFound(`No route for ${context.method} /crm/v3/properties/${context.segments.join('/')}.`);
}

/** Routes under /crm/v3/pipelines; only deals have pipelines in the fake. */
export function handlePipelines(context: RouteContext): FakeReply {
  const type = objectTypeFrom(context.segments[0]);
  if (context.method !== 'GET') throw notFound(`No route for ${context.method} /crm/v3/pipelines.`);
  return reply(200, { results: type === 'deals' ? context.store.pipelines : [] });
}
