import { ConflictError } from '@patchbay/core';
import type { AssociationsApi } from '../associations/associations-api.js';
import { HubSpotValidationError } from '../errors/hubspot-validation-error.js';
import type { PropertyValues } from '../properties/property-definition.js';
import { type ContactHistory, type ContactHistoryOptions, readContactHistory } from './contact-history.js';
import type { CallOptions, CrmObject } from './crm-object.js';
import { createObjectApi, type GetOptions, type ObjectContext } from './object-api.js';

/** The record and whether this call created it. */
export interface CreateOrUpdateResult {
  record: CrmObject;
  created: boolean;
}

/** Creates the contact operations: the common object operations plus lookups and writes by email. */
export function createContactsApi(context: ObjectContext, associations: AssociationsApi) {
  const base = createObjectApi(context, 'contacts');

  return {
    ...base,

    /** Reads a contact by email address (`idProperty=email`). */
    getByEmail(email: string, options: Omit<GetOptions, 'idProperty'> = {}): Promise<CrmObject> {
      return base.get(email, { ...options, idProperty: 'email' });
    },

    /**
     * Creates a contact, or updates the one that has this email. It sends the create first; on a
     * 409 naming the existing id it updates that record (two requests, no search). When the 409
     * names no id, it falls back to a batch upsert by email.
     */
    async createOrUpdateByEmail(
      email: string,
      properties: PropertyValues,
      options: CallOptions = {},
    ): Promise<CreateOrUpdateResult> {
      try {
        const record = await base.create({ properties: { ...properties, email } }, options);
        return { record, created: true };
      } catch (error) {
        if (!ConflictError.isInstance(error)) throw error;
        if (error.existingId !== undefined) {
          const record = await base.update(error.existingId, properties, options);
          return { record, created: false };
        }
      }
      const outcome = await base.batch.upsert([{ id: email, properties: { ...properties, email } }], {
        idProperty: 'email',
        signal: options.signal,
      });
      const [first] = outcome.results;
      if (first) return { record: first.value, created: first.value.new === true };
      const failure = outcome.errors[0]?.error;
      if (failure instanceof Error) throw failure;
      throw new HubSpotValidationError(
        `HubSpot did not upsert the contact ${email}: ${failure?.message ?? 'no result and no error returned'}.`,
        { field: 'email', code: failure?.category ?? 'UPSERT_FAILED' },
      );
    },

    /** Reads a contact with its most recent notes, emails, calls, meetings, deals and companies. */
    getWithHistory(id: string, options: ContactHistoryOptions = {}): Promise<ContactHistory> {
      return readContactHistory({ contacts: base, associations, context }, id, options);
    },
  };
}

export type ContactsApi = ReturnType<typeof createContactsApi>;
