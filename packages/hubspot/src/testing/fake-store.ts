import type { Pipeline } from '../deals/pipeline-cache.js';
import { type ObjectType, objectTypes } from '../objects/object-types.js';
import type { PropertyDefinition } from '../properties/property-definition.js';
import { defaultPropertyDefinitions, defaultSalesPipeline } from './fake-defaults.js';
import { normalizeValue } from './fake-property-values.js';
import { conflict, invalidProperty, validationError } from './fake-responses.js';

/** A record as the fake stores it: every property value is a string, as in HubSpot. */
export interface FakeRecord {
  id: string;
  objectType: ObjectType;
  properties: Record<string, string>;
  createdAt: string;
  updatedAt: string;
  archived: boolean;
}

/** A change the store made, for webhook events. */
export interface StoreChange {
  kind: 'creation' | 'propertyChange' | 'deletion';
  record: FakeRecord;
  propertyName?: string;
  propertyValue?: string;
}

const readOnly = new Set(['hs_object_id', 'createdate', 'hs_lastmodifieddate', 'lastmodifieddate']);

/** The fake's records, property definitions and pipelines. */
export class FakeStore {
  readonly records = new Map<ObjectType, Map<string, FakeRecord>>();
  readonly definitions = new Map<string, Map<string, PropertyDefinition>>();
  readonly pipelines: Pipeline[];
  readonly changes: StoreChange[] = [];
  #nextId = 1001;

  constructor(options: {
    pipelines?: Pipeline[];
    properties?: Partial<Record<ObjectType, PropertyDefinition[]>>;
  }) {
    const defaults = defaultPropertyDefinitions();
    for (const type of objectTypes) {
      this.records.set(type, new Map());
      const all = [...defaults[type], ...(options.properties?.[type] ?? [])];
      this.definitions.set(type, new Map(all.map((definition) => [definition.name, definition])));
    }
    this.pipelines = [defaultSalesPipeline, ...(options.pipelines ?? [])];
    const deals = this.definitions.get('deals') as Map<string, PropertyDefinition>;
    deals.set('pipeline', {
      ...(deals.get('pipeline') as PropertyDefinition),
      options: this.pipelines.map((p) => ({ label: p.label, value: p.id })),
    });
    const stageIds = this.pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => stage.id));
    deals.set('dealstage', {
      ...(deals.get('dealstage') as PropertyDefinition),
      options: stageIds.map((id) => ({ label: id, value: id })),
    });
  }

  table(type: ObjectType): Map<string, FakeRecord> {
    return this.records.get(type) as Map<string, FakeRecord>;
  }

  definition(type: ObjectType, name: string): PropertyDefinition | undefined {
    return this.definitions.get(type)?.get(name);
  }

  /** Checks and normalizes written properties the way HubSpot validates them. */
  validate(type: ObjectType, properties: unknown): Record<string, string> {
    if (properties === null || typeof properties !== 'object' || Array.isArray(properties)) {
      throw validationError('Invalid input JSON: "properties" must be an object.');
    }
    const result: Record<string, string> = {};
    for (const [name, raw] of Object.entries(properties as Record<string, unknown>)) {
      const definition = this.definition(type, name);
      if (!definition)
        throw invalidProperty(name, 'PROPERTY_DOESNT_EXIST', `Property "${name}" does not exist`);
      if (readOnly.has(name))
        throw invalidProperty(
          name,
          'READ_ONLY_VALUE',
          `${name} is a read only property; its value cannot be set.`,
        );
      result[name] = normalizeValue(definition, raw);
    }
    return result;
  }

  /** Finds a live record by id, or by a unique property's value. */
  find(type: ObjectType, id: string, idProperty?: string): FakeRecord | undefined {
    const table = this.table(type);
    if (!idProperty || idProperty === 'hs_object_id') {
      const record = table.get(id);
      return record && !record.archived ? record : undefined;
    }
    const value = idProperty === 'email' ? id.toLowerCase() : id;
    for (const record of table.values())
      if (!record.archived && record.properties[idProperty] === value) return record;
    return undefined;
  }

  #checkUnique(type: ObjectType, properties: Record<string, string>, selfId?: string): void {
    for (const [name, value] of Object.entries(properties)) {
      if (value === '' || !this.definition(type, name)?.hasUniqueValue) continue;
      const existing = this.find(type, value, name);
      if (!existing || existing.id === selfId) continue;
      if (type === 'contacts' && name === 'email')
        throw conflict(`Contact already exists. Existing ID: ${existing.id}`);
      throw conflict(`A ${type} record with ${name} "${value}" already exists. Existing ID: ${existing.id}`);
    }
  }

  #checkDealStage(type: ObjectType, properties: Record<string, string>): void {
    if (type !== 'deals' || properties.dealstage === undefined || properties.dealstage === '') return;
    const pipelineId = properties.pipeline || 'default';
    const pipeline = this.pipelines.find((candidate) => candidate.id === pipelineId);
    if (!pipeline?.stages.some((stage) => stage.id === properties.dealstage)) {
      throw invalidProperty(
        'dealstage',
        'INVALID_OPTION',
        `${properties.dealstage} is not a valid stage of the pipeline ${pipelineId}.`,
      );
    }
  }

  create(type: ObjectType, properties: Record<string, string>): FakeRecord {
    this.#checkUnique(type, properties);
    if (type === 'deals') properties.pipeline ||= 'default';
    this.#checkDealStage(type, properties);
    const id = String(this.#nextId++);
    const now = new Date().toISOString();
    const nowMs = String(Date.parse(now));
    const record: FakeRecord = {
      id,
      objectType: type,
      properties: { ...properties, hs_object_id: id, createdate: nowMs, hs_lastmodifieddate: nowMs },
      createdAt: now,
      updatedAt: now,
      archived: false,
    };
    if (type === 'contacts') record.properties.lastmodifieddate = nowMs;
    this.table(type).set(id, record);
    this.changes.push({ kind: 'creation', record });
    return record;
  }

  update(record: FakeRecord, properties: Record<string, string>): FakeRecord {
    this.#checkUnique(record.objectType, properties, record.id);
    this.#checkDealStage(record.objectType, { ...record.properties, ...properties });
    const now = new Date().toISOString();
    for (const [name, value] of Object.entries(properties)) {
      if (record.properties[name] === value) continue;
      record.properties[name] = value;
      this.changes.push({ kind: 'propertyChange', record, propertyName: name, propertyValue: value });
    }
    record.updatedAt = now;
    record.properties.hs_lastmodifieddate = String(Date.parse(now));
    if (record.objectType === 'contacts')
      record.properties.lastmodifieddate = record.properties.hs_lastmodifieddate;
    return record;
  }

  archive(record: FakeRecord): void {
    record.archived = true;
    this.changes.push({ kind: 'deletion', record });
  }
}
