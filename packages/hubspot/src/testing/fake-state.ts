import type { Pipeline } from '../deals/pipeline-cache.js';
import { type ObjectType, objectTypes } from '../objects/object-types.js';
import type { FakeAssociation, FakeAssociationStore } from './fake-association-store.js';
import type { FaultKind } from './fake-faults.js';
import type { FakeRecord, FakeStore } from './fake-store.js';

/** One request the fake received. */
export interface FakeRequestRecord {
  method: string;
  path: string;
  query: string;
  body: unknown;
  /** The status sent, or `reset` when the connection was dropped. */
  status: number | 'reset';
  fault: FaultKind | undefined;
  correlationId: string;
  atMs: number;
}

/** Read-only views of the fake's records, links and request log, for assertions. */
export function createFakeState(
  store: FakeStore,
  associations: FakeAssociationStore,
  requests: FakeRequestRecord[],
) {
  const records = (type: ObjectType): FakeRecord[] =>
    [...store.table(type).values()].filter((record) => !record.archived);
  return {
    get contacts() {
      return records('contacts');
    },
    get companies() {
      return records('companies');
    },
    get deals() {
      return records('deals');
    },
    get lineItems() {
      return records('line_items');
    },
    get notes() {
      return records('notes');
    },
    /** Live (not archived) records of any type. */
    records,
    /** Every stored link, each in both directions. */
    get associations(): readonly FakeAssociation[] {
      return associations.links;
    },
    get requests(): readonly FakeRequestRecord[] {
      return requests;
    },
    get pipelines(): readonly Pipeline[] {
      return store.pipelines;
    },
    /** Live records per object type. */
    counts(): Record<ObjectType, number> {
      return Object.fromEntries(objectTypes.map((type) => [type, records(type).length])) as Record<
        ObjectType,
        number
      >;
    },
  };
}

export type FakeState = ReturnType<typeof createFakeState>;
