import type { Pipeline } from '../deals/pipeline-cache.js';
import type { ObjectType } from '../objects/object-types.js';
import type { PropertyDefinition } from '../properties/property-definition.js';

function text(name: string, extra: Partial<PropertyDefinition> = {}): PropertyDefinition {
  return { name, label: name, type: 'string', fieldType: 'text', ...extra };
}

function datetime(name: string): PropertyDefinition {
  return { name, label: name, type: 'datetime', fieldType: 'date' };
}

function number(name: string): PropertyDefinition {
  return { name, label: name, type: 'number', fieldType: 'number' };
}

function enumeration(name: string, values: string[]): PropertyDefinition {
  return {
    name,
    label: name,
    type: 'enumeration',
    fieldType: 'select',
    options: values.map((value, index) => ({ label: value, value, displayOrder: index })),
  };
}

const common = [number('hs_object_id'), datetime('createdate'), datetime('hs_lastmodifieddate')];

/** The stages of HubSpot's default deal pipeline, with its real ids and labels. */
export const defaultSalesPipeline: Pipeline = {
  id: 'default',
  label: 'Sales Pipeline',
  displayOrder: 0,
  stages: [
    ['appointmentscheduled', 'Appointment Scheduled', '0.2'],
    ['qualifiedtobuy', 'Qualified To Buy', '0.4'],
    ['presentationscheduled', 'Presentation Scheduled', '0.6'],
    ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
    ['contractsent', 'Contract Sent', '0.9'],
    ['closedwon', 'Closed Won', '1.0'],
    ['closedlost', 'Closed Lost', '0.0'],
  ].map(([id, label, probability], index) => ({
    id: id as string,
    label: label as string,
    displayOrder: index,
    metadata: {
      isClosed: String(id === 'closedwon' || id === 'closedlost'),
      probability: probability as string,
    },
  })),
};

/** Returns a subset of HubSpot's default properties per object type, enough for this package's flows. */
export function defaultPropertyDefinitions(): Record<ObjectType, PropertyDefinition[]> {
  return {
    contacts: [
      ...common,
      text('email', { hasUniqueValue: true }),
      text('firstname'),
      text('lastname'),
      text('phone'),
      text('company'),
      text('jobtitle'),
      text('website'),
      text('city'),
      datetime('lastmodifieddate'),
      { name: 'date_of_birth', label: 'Date of birth', type: 'date', fieldType: 'date' },
      enumeration('lifecyclestage', [
        'subscriber',
        'lead',
        'marketingqualifiedlead',
        'salesqualifiedlead',
        'opportunity',
        'customer',
        'evangelist',
        'other',
      ]),
      enumeration('hs_lead_status', [
        'NEW',
        'OPEN',
        'IN_PROGRESS',
        'OPEN_DEAL',
        'UNQUALIFIED',
        'ATTEMPTED_TO_CONTACT',
        'CONNECTED',
        'BAD_TIMING',
      ]),
    ],
    companies: [...common, text('name'), text('domain'), text('industry'), text('city'), text('phone')],
    deals: [
      ...common,
      text('dealname'),
      number('amount'),
      { name: 'closedate', label: 'Close date', type: 'datetime', fieldType: 'date' },
      enumeration('pipeline', ['default']),
      enumeration(
        'dealstage',
        defaultSalesPipeline.stages.map((stage) => stage.id),
      ),
      enumeration('dealtype', ['newbusiness', 'existingbusiness']),
      text('description'),
      text('hubspot_owner_id'),
    ],
    tickets: [...common, text('subject'), text('content')],
    line_items: [
      ...common,
      text('name'),
      number('quantity'),
      number('price'),
      number('amount'),
      text('hs_product_id'),
    ],
    notes: [...common, text('hs_note_body'), datetime('hs_timestamp'), text('hubspot_owner_id')],
    emails: [
      ...common,
      text('hs_email_subject'),
      text('hs_email_text'),
      enumeration('hs_email_direction', ['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL']),
      datetime('hs_timestamp'),
    ],
    calls: [
      ...common,
      text('hs_call_title'),
      text('hs_call_body'),
      enumeration('hs_call_direction', ['INBOUND', 'OUTBOUND']),
      number('hs_call_duration'),
      datetime('hs_timestamp'),
    ],
    meetings: [
      ...common,
      text('hs_meeting_title'),
      text('hs_meeting_body'),
      datetime('hs_meeting_start_time'),
      datetime('hs_meeting_end_time'),
      datetime('hs_timestamp'),
    ],
    tasks: [
      ...common,
      text('hs_task_subject'),
      text('hs_task_body'),
      enumeration('hs_task_status', ['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']),
      datetime('hs_timestamp'),
    ],
  };
}

/** Properties HubSpot returns on reads when the request names none. */
export const defaultReadProperties: Record<string, string[]> = {
  contacts: ['createdate', 'email', 'firstname', 'hs_object_id', 'lastmodifieddate', 'lastname'],
  companies: ['createdate', 'domain', 'hs_lastmodifieddate', 'hs_object_id', 'name'],
  deals: [
    'amount',
    'closedate',
    'createdate',
    'dealname',
    'dealstage',
    'hs_lastmodifieddate',
    'hs_object_id',
    'pipeline',
  ],
};
