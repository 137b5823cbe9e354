import type { Client } from '@patchbay/core';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import { type PropertyDefinition, type PropertyValues, propertyListSchema } from './property-definition.js';
import { serializePropertyValue } from './serialize-property.js';

/**
 * Known property definitions per object type, given up front or loaded once from HubSpot. Writes
 * are checked against them before any request; object types with none known are converted
 * without checks.
 */
export class PropertyRegistry {
  readonly #definitions = new Map<string, Map<string, PropertyDefinition>>();
  readonly #loading = new Map<string, Promise<PropertyDefinition[]>>();
  readonly #http: Client;

  constructor(http: Client, initial: Record<string, readonly PropertyDefinition[]> = {}) {
    this.#http = http;
    for (const [objectType, definitions] of Object.entries(initial)) this.define(objectType, definitions);
  }

  /** Replaces the known definitions of one object type. */
  define(objectType: string, definitions: readonly PropertyDefinition[]): void {
    this.#definitions.set(
      objectType,
      new Map(definitions.map((definition) => [definition.name, definition])),
    );
  }

  /** Returns the known definitions of one object type, or `undefined` when none were given or loaded. */
  get(objectType: string): PropertyDefinition[] | undefined {
    const known = this.#definitions.get(objectType);
    return known ? [...known.values()] : undefined;
  }

  /** Fetches an object type's definitions once (GET /crm/v3/properties/{objectType}) and keeps them. */
  load(
    objectType: string,
    options: { refresh?: boolean; signal?: AbortSignal } = {},
  ): Promise<PropertyDefinition[]> {
    const cached = this.get(objectType);
    if (cached && !options.refresh) return Promise.resolve(cached);
    const pending = this.#loading.get(objectType);
    if (pending && !options.refresh) return pending;

    const loading = this.#http
      .request({
        method: 'GET',
        path: `/crm/v3/properties/${objectType}`,
        schema: propertyListSchema,
        operation: 'properties.list',
        signal: options.signal,
      })
      .then(({ data }) => {
        this.define(objectType, data.results);
        return data.results;
      })
      .finally(() => this.#loading.delete(objectType));
    this.#loading.set(objectType, loading);
    return loading;
  }

  /** Serializes values for a write, checking them against the known definitions. */
  serialize(objectType: string, values: PropertyValues): Record<string, string> {
    const known = this.#definitions.get(objectType);
    const serialized: Record<string, string> = {};
    for (const [name, value] of Object.entries(values)) {
      if (value === undefined) continue;
      const definition = known?.get(name);
      if (known && !definition) {
        throw new HubSpotValidationError(
          `${objectType} has no property "${name}"; create it in HubSpot or check the name (internal names are lower case).`,
          { field: `properties.${name}`, code: 'PROPERTY_DOESNT_EXIST' },
        );
      }
      serialized[name] = serializePropertyValue(name, value, definition);
    }
    return serialized;
  }
}
