import type { AssociationsApi } from '../associations/associations-api.js';
import type { CallOptions, CrmObject } from './crm-object.js';
import { createObjectApi, type ObjectApi, type ObjectContext } from './object-api.js';

/** The related types a contact history contains, with the property that orders each by recency. */
const historyTypes = {
  notes: { orderBy: 'hs_timestamp', properties: ['hs_note_body', 'hs_timestamp'] },
  emails: { orderBy: 'hs_timestamp', properties: ['hs_email_subject', 'hs_email_direction', 'hs_timestamp'] },
  calls: {
    orderBy: 'hs_timestamp',
    properties: ['hs_call_title', 'hs_call_direction', 'hs_call_duration', 'hs_timestamp'],
  },
  meetings: {
    orderBy: 'hs_timestamp',
    properties: ['hs_meeting_title', 'hs_meeting_start_time', 'hs_timestamp'],
  },
  deals: {
    orderBy: 'createdate',
    properties: ['dealname', 'amount', 'dealstage', 'pipeline', 'closedate', 'createdate'],
  },
  companies: { orderBy: 'createdate', properties: ['name', 'domain', 'createdate'] },
} as const;

export type HistoryType = keyof typeof historyTypes;

export interface ContactHistoryOptions extends CallOptions {
  /**
   * Most recent records kept per related type.
   * @default 10
   */
  limit?: number;
  /** Contact properties to read. */
  properties?: string[];
  /** Properties to read per related type, replacing the defaults (the ordering property is always added). */
  relatedProperties?: Partial<Record<HistoryType, string[]>>;
}

export type ContactHistory = { contact: CrmObject } & Record<HistoryType, CrmObject[]>;

function recency(record: CrmObject, property: string): number {
  const raw = record.properties[property] ?? record.createdAt;
  if (!raw) return 0;
  const asNumber = Number(raw);
  return Number.isFinite(asNumber) ? asNumber : Date.parse(raw) || 0;
}

/**
 * Reads a contact and its related records with batch requests only: one v4 associations batch
 * read per related type, then object batch reads (100 ids per request) for the linked ids. The
 * cost is 1 + 6 + one per 100 linked records of each type, however many records there are.
 */
export async function readContactHistory(
  apis: { contacts: ObjectApi; associations: AssociationsApi; context: ObjectContext },
  id: string,
  options: ContactHistoryOptions = {},
): Promise<ContactHistory> {
  const limit = options.limit ?? 10;
  const { signal } = options;
  const types = Object.keys(historyTypes) as HistoryType[];

  const [contact, ...related] = await Promise.all([
    apis.contacts.get(id, { properties: options.properties, signal }),
    ...types.map(async (type) => {
      // NOTE: only the first page of links per record is read. HubSpot does not document the
      // batch-read page size, so a contact with very many links of one type may lose the rest.
      const links = await apis.associations.batchRead('contacts', type, [id], { signal });
      const ids = [...new Set((links.get(id) ?? []).map((link) => link.toObjectId))];
      if (ids.length === 0) return [];

      const { orderBy, properties } = historyTypes[type];
      const requested = [...new Set([...(options.relatedProperties?.[type] ?? properties), orderBy])];
      const outcome = await createObjectApi(apis.context, type).batch.read(ids, {
        properties: requested,
        signal,
      });
      const failed = outcome.failedChunks[0];
      if (failed) throw failed.error;
      return outcome.results
        .map((entry) => entry.value as CrmObject)
        .sort((a, b) => recency(b, orderBy) - recency(a, orderBy))
        .slice(0, limit);
    }),
  ]);

  const history = { contact } as ContactHistory;
  types.forEach((type, index) => {
    history[type] = related[index] ?? [];
  });
  return history;
}
