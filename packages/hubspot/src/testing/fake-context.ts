import { isObjectType, type ObjectType } from '../objects/object-types.js';
import type { FakeAssociationStore } from './fake-association-store.js';
import { defaultReadProperties } from './fake-defaults.js';
import { notFound, validationError } from './fake-responses.js';
import type { FakeRecord, FakeStore } from './fake-store.js';

/** The parts of one request that a route handler reads. */
export interface RouteContext {
  store: FakeStore;
  associations: FakeAssociationStore;
  method: string;
  /** Path segments after the version, such as `['contacts', 'batch', 'read']`. */
  segments: string[];
  query: URLSearchParams;
  body: unknown;
}

export function objectTypeFrom(segment: string | undefined): ObjectType {
  if (segment !== undefined && isObjectType(segment)) return segment;
  throw notFound(`Unable to infer object type from: ${segment ?? ''}`);
}

export function bodyObject(body: unknown): Record<string, unknown> {
  if (body === null || typeof body !== 'object' || Array.isArray(body))
    throw validationError('Invalid input JSON on line 1: expected an object.');
  return body as Record<string, unknown>;
}

export function inputsOf(body: unknown, max = 100): Array<Record<string, unknown>> {
  const inputs = bodyObject(body).inputs;
  if (!Array.isArray(inputs)) throw validationError('Invalid input JSON: "inputs" must be an array.');
  if (inputs.length > max)
    throw validationError(`Batch input may not exceed ${max} inputs; received ${inputs.length}.`);
  return inputs as Array<Record<string, unknown>>;
}

/** A record as HubSpot returns it: every stored property for writes, else the requested or default ones. */
export function present(record: FakeRecord, requested?: string[] | 'all') {
  let names: string[];
  if (requested === 'all') names = Object.keys(record.properties);
  else if (requested && requested.length > 0)
    names = [...new Set([...requested, 'hs_object_id', 'createdate'])];
  else names = defaultReadProperties[record.objectType] ?? Object.keys(record.properties);
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = record.properties[name] ?? null;
  return {
    id: record.id,
    properties,
    createdAt: record.createdAt,
    updatedAt: record.updatedAt,
    archived: record.archived,
  };
}

export function requestedProperties(query: URLSearchParams): string[] | undefined {
  const values = query
    .getAll('properties')
    .flatMap((value) => value.split(','))
    .filter(Boolean);
  return values.length > 0 ? values : undefined;
}
