import type { PropertyValues } from '../properties/property-definition.js';
import type { AssociateWith } from './association-input.js';
import type { CallOptions, CrmObject } from './crm-object.js';
import { createObjectApi, type ObjectContext } from './object-api.js';

export interface CreateNoteInput {
  /** Note text (`hs_note_body`); HubSpot accepts HTML and up to 65,536 characters. */
  body: string;
  /**
   * When the note appears on the timeline (`hs_timestamp`, required by HubSpot).
   * @default now
   */
  timestamp?: Date;
  /** Records to show the note on, such as a contact and a deal. */
  associateWith?: AssociateWith[];
  /** Further note properties, such as `hubspot_owner_id`. */
  properties?: PropertyValues;
}

/** Creates the note (engagement) operations. */
export function createNotesApi(context: ObjectContext) {
  const base = createObjectApi(context, 'notes');
  return {
    ...base,
    /**
     * Creates a note linked to the given records in one request
     * (https://developers.hubspot.com/docs/guides/api/crm/engagements/notes).
     */
    createNote(input: CreateNoteInput, options: CallOptions = {}): Promise<CrmObject> {
      return base.create(
        {
          properties: {
            ...input.properties,
            hs_note_body: input.body,
            hs_timestamp: input.timestamp ?? new Date(),
          },
          associateWith: input.associateWith,
        },
        options,
      );
    },
  };
}

export type NotesApi = ReturnType<typeof createNotesApi>;
