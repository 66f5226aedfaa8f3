import {
  enumOptions,
  type PropertyDefinition,
  type PropertyGroupDefinition,
  type PropertyType,
  type FieldType,
} from '#src/hubspot/catalog/index';
import type { ObjectTypeName } from '../hubspot/object-types.ts';

/**
 * The HubSpot-defined properties every portal has, for the properties the app and the demo read.
 * Not HubSpot's full list (a real portal has hundreds per type), but the same names, types and
 * enumeration values.
 */
type Shape = { type: PropertyType; fieldType: FieldType; options?: PropertyDefinition['options'] };

const text: Shape = { type: 'string', fieldType: 'text' };
const textarea: Shape = { type: 'string', fieldType: 'textarea' };
const number: Shape = { type: 'number', fieldType: 'number' };
const datetime: Shape = { type: 'datetime', fieldType: 'date' };
const owner: Shape = { type: 'enumeration', fieldType: 'select', options: [] };
const select = (values: readonly string[], labels?: Record<string, string>): Shape => ({
  type: 'enumeration',
  fieldType: 'select',
  options: enumOptions(values, labels),
});

function define(groupName: string, list: [string, string, Shape][]): PropertyDefinition[] {
  return list.map(([name, label, shape]) => ({ name, label, groupName, description: '', ...shape }));
}

const LIFECYCLE = select(
  [
    'subscriber',
    'lead',
    'marketingqualifiedlead',
    'salesqualifiedlead',
    'opportunity',
    'customer',
    'evangelist',
    'other',
  ],
  {
    marketingqualifiedlead: 'Marketing Qualified Lead',
    salesqualifiedlead: 'Sales Qualified Lead',
  },
);

/** System properties HubSpot maintains; every type has them. */
function system(createdate: string, lastModified: string, group: string): PropertyDefinition[] {
  return define(group, [
    ['hs_object_id', 'Record ID', number],
    [createdate, 'Create Date', datetime],
    [lastModified, 'Last Modified Date', datetime],
    ['hubspot_owner_id', 'Owner', owner],
  ]);
}

function engagement(group: string, list: [string, string, Shape][]): PropertyDefinition[] {
  return [
    ...system('hs_createdate', 'hs_lastmodifieddate', group),
    ...define(group, [['hs_timestamp', 'Activity date', datetime], ...list]),
  ];
}

export const STANDARD_GROUPS: Record<ObjectTypeName, PropertyGroupDefinition[]> = {
  contacts: [{ name: 'contactinformation', label: 'Contact information', displayOrder: 0 }],
  companies: [{ name: 'companyinformation', label: 'Company information', displayOrder: 0 }],
  deals: [{ name: 'dealinformation', label: 'Deal information', displayOrder: 0 }],
  tickets: [{ name: 'ticketinformation', label: 'Ticket information', displayOrder: 0 }],
  emails: [{ name: 'email', label: 'Email information', displayOrder: 0 }],
  meetings: [{ name: 'meeting', label: 'Meeting information', displayOrder: 0 }],
  calls: [{ name: 'call', label: 'Call information', displayOrder: 0 }],
  notes: [{ name: 'note', label: 'Note information', displayOrder: 0 }],
  tasks: [{ name: 'task', label: 'Task information', displayOrder: 0 }],
};

export const STANDARD_PROPERTIES: Record<ObjectTypeName, PropertyDefinition[]> = {
  companies: [
    ...system('createdate', 'hs_lastmodifieddate', 'companyinformation'),
    ...define('companyinformation', [
      ['name', 'Company name', text],
      ['domain', 'Company Domain Name', text],
      ['industry', 'Industry', text],
      ['numberofemployees', 'Number of Employees', number],
      ['annualrevenue', 'Annual Revenue', number],
      ['city', 'City', text],
      ['country', 'Country/Region', text],
      ['phone', 'Phone Number', text],
      ['lifecyclestage', 'Lifecycle Stage', LIFECYCLE],
      ['notes_last_contacted', 'Last Contacted', datetime],
      ['notes_last_updated', 'Last Activity Date', datetime],
      ['hs_last_sales_activity_timestamp', 'Last Engagement Date', datetime],
      ['num_associated_contacts', 'Number of Associated Contacts', number],
      ['num_associated_deals', 'Number of Associated Deals', number],
      ['hs_num_open_deals', 'Number of open deals', number],
      ['description', 'Description', textarea],
      ['type', 'Type', select(['PROSPECT', 'PARTNER', 'RESELLER', 'VENDOR', 'OTHER'])],
    ]),
  ],
  contacts: [
    ...system('createdate', 'lastmodifieddate', 'contactinformation'),
    ...define('contactinformation', [
      ['email', 'Email', text],
      ['firstname', 'First Name', text],
      ['lastname', 'Last Name', text],
      ['jobtitle', 'Job Title', text],
      ['phone', 'Phone Number', text],
      ['company', 'Company Name', text],
      ['lifecyclestage', 'Lifecycle Stage', LIFECYCLE],
      [
        'hs_lead_status',
        'Lead Status',
        select([
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
      ['notes_last_contacted', 'Last Contacted', datetime],
      ['notes_last_updated', 'Last Activity Date', datetime],
      ['associatedcompanyid', 'Primary Associated Company ID', number],
    ]),
  ],
  deals: [
    ...system('createdate', 'hs_lastmodifieddate', 'dealinformation'),
    ...define('dealinformation', [
      ['dealname', 'Deal Name', text],
      ['amount', 'Amount', number],
      ['dealstage', 'Deal Stage', { type: 'enumeration', fieldType: 'radio', options: [] }],
      ['pipeline', 'Pipeline', { type: 'enumeration', fieldType: 'select', options: [] }],
      ['closedate', 'Close Date', datetime],
      [
        'dealtype',
        'Deal Type',
        select(['newbusiness', 'existingbusiness'], {
          newbusiness: 'New Business',
          existingbusiness: 'Existing Business',
        }),
      ],
      ['description', 'Deal Description', textarea],
      [
        'hs_is_closed_won',
        'Is Closed Won',
        { type: 'bool', fieldType: 'booleancheckbox', options: enumOptions(['true', 'false']) },
      ],
      ['hs_acv', 'Annual contract value', number],
      ['hs_arr', 'Annual recurring revenue', number],
      ['closed_lost_reason', 'Closed Lost Reason', textarea],
      ['closed_won_reason', 'Closed Won Reason', textarea],
    ]),
  ],
  tickets: [
    ...system('createdate', 'hs_lastmodifieddate', 'ticketinformation'),
    ...define('ticketinformation', [
      ['subject', 'Ticket name', text],
      ['content', 'Ticket description', textarea],
      ['hs_pipeline', 'Pipeline', { type: 'enumeration', fieldType: 'select', options: [] }],
      ['hs_pipeline_stage', 'Ticket status', { type: 'enumeration', fieldType: 'select', options: [] }],
      ['hs_ticket_priority', 'Priority', select(['LOW', 'MEDIUM', 'HIGH', 'URGENT'])],
      [
        'hs_ticket_category',
        'Category',
        select(['PRODUCT_ISSUE', 'BILLING_ISSUE', 'FEATURE_REQUEST', 'GENERAL_INQUIRY']),
      ],
      ['closed_date', 'Close date', datetime],
      ['source_type', 'Source', select(['CHAT', 'EMAIL', 'FORM', 'PHONE'])],
    ]),
  ],
  emails: engagement('email', [
    ['hs_email_direction', 'Email direction', select(['EMAIL', 'INCOMING_EMAIL', 'FORWARDED_EMAIL'])],
    ['hs_email_subject', 'Email subject', text],
    ['hs_email_text', 'Email body', textarea],
    ['hs_email_html', 'Email HTML body', textarea],
    ['hs_email_status', 'Email send status', select(['BOUNCED', 'FAILED', 'SCHEDULED', 'SENDING', 'SENT'])],
  ]),
  meetings: engagement('meeting', [
    ['hs_meeting_title', 'Meeting name', text],
    ['hs_meeting_body', 'Meeting description', textarea],
    ['hs_internal_meeting_notes', 'Internal notes', textarea],
    [
      'hs_meeting_outcome',
      'Meeting outcome',
      select(['SCHEDULED', 'COMPLETED', 'RESCHEDULED', 'NO_SHOW', 'CANCELED']),
    ],
    ['hs_meeting_start_time', 'Start time', datetime],
    ['hs_meeting_end_time', 'End time', datetime],
    ['hs_meeting_location', 'Location', text],
  ]),
  calls: engagement('call', [
    ['hs_call_direction', 'Call direction', select(['INBOUND', 'OUTBOUND'])],
    ['hs_call_body', 'Call notes', textarea],
    ['hs_call_duration', 'Call duration', number],
    [
      'hs_call_status',
      'Call status',
      select([
        'BUSY',
        'CALLING_CRM_USER',
        'CANCELED',
        'COMPLETED',
        'CONNECTING',
        'FAILED',
        'IN_PROGRESS',
        'NO_ANSWER',
        'QUEUED',
        'RINGING',
      ]),
    ],
    ['hs_call_title', 'Call title', text],
    ['hs_call_disposition', 'Call outcome', text],
  ]),
  notes: engagement('note', [['hs_note_body', 'Note body', textarea]]),
  tasks: engagement('task', [
    ['hs_task_subject', 'Task title', text],
    ['hs_task_body', 'Task notes', textarea],
    [
      'hs_task_status',
      'Task status',
      select(['NOT_STARTED', 'IN_PROGRESS', 'WAITING', 'COMPLETED', 'DEFERRED']),
    ],
    ['hs_task_priority', 'Priority', select(['NONE', 'LOW', 'MEDIUM', 'HIGH'])],
    [
      'hs_task_type',
      'Task type',
      select(['CALL', 'EMAIL', 'LINKED_IN', 'MEETING', 'LINKED_IN_CONNECT', 'LINKED_IN_MESSAGE', 'TODO']),
    ],
    ['hs_task_completion_date', 'Completed at', datetime],
  ]),
};

/** Properties HubSpot computes: writes through the API are refused with READ_ONLY_VALUE. */
export const READ_ONLY_PROPERTIES = new Set([
  'hs_object_id',
  'hs_lastmodifieddate',
  'lastmodifieddate',
  'num_associated_contacts',
  'num_associated_deals',
]);

export function isStandardProperty(objectType: ObjectTypeName, name: string): boolean {
  return STANDARD_PROPERTIES[objectType].some((property) => property.name === name);
}
