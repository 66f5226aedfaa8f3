import { validationError } from '../http/errors.ts';

/** The CRM object types the sandbox serves, with what HubSpot does differently per type. */
export interface ObjectTypeInfo {
  /** Plural API name. */
  name: ObjectTypeName;
  /** HubSpot's object type id. */
  typeId: string;
  /** Singular, as webhooks and association type names say it (`deal_to_contact`). */
  singular: string;
  /** The property holding the creation time: engagements say `hs_createdate`. */
  createdateProperty: string;
  /** The property holding the last change: contacts say `lastmodifieddate`. */
  lastModifiedProperty: string;
  /** What a read returns when it names no `properties`, besides the three kept by the store. */
  defaultProperties: readonly string[];
  isEngagement: boolean;
}

export const OBJECT_TYPE_NAMES = [
  'contacts',
  'companies',
  'deals',
  'tickets',
  'emails',
  'meetings',
  'calls',
  'notes',
  'tasks',
] as const;
export type ObjectTypeName = (typeof OBJECT_TYPE_NAMES)[number];

function crm(
  name: ObjectTypeName,
  typeId: string,
  singular: string,
  defaultProperties: readonly string[],
  lastModifiedProperty = 'hs_lastmodifieddate',
): ObjectTypeInfo {
  return {
    name,
    typeId,
    singular,
    createdateProperty: 'createdate',
    lastModifiedProperty,
    defaultProperties,
    isEngagement: false,
  };
}

function engagement(name: ObjectTypeName, typeId: string, singular: string): ObjectTypeInfo {
  return {
    name,
    typeId,
    singular,
    createdateProperty: 'hs_createdate',
    lastModifiedProperty: 'hs_lastmodifieddate',
    defaultProperties: [],
    isEngagement: true,
  };
}

export const OBJECT_TYPES: Record<ObjectTypeName, ObjectTypeInfo> = {
  contacts: crm('contacts', '0-1', 'contact', ['email', 'firstname', 'lastname'], 'lastmodifieddate'),
  companies: crm('companies', '0-2', 'company', ['domain', 'name']),
  deals: crm('deals', '0-3', 'deal', ['amount', 'closedate', 'dealname', 'dealstage', 'pipeline']),
  tickets: crm('tickets', '0-5', 'ticket', [
    'content',
    'hs_pipeline',
    'hs_pipeline_stage',
    'hs_ticket_category',
    'hs_ticket_priority',
    'subject',
  ]),
  emails: engagement('emails', '0-49', 'email'),
  meetings: engagement('meetings', '0-47', 'meeting'),
  calls: engagement('calls', '0-48', 'call'),
  notes: engagement('notes', '0-46', 'note'),
  tasks: engagement('tasks', '0-27', 'task'),
};

const BY_ALIAS = new Map<string, ObjectTypeInfo>();
for (const info of Object.values(OBJECT_TYPES)) {
  BY_ALIAS.set(info.name, info);
  BY_ALIAS.set(info.typeId, info);
  BY_ALIAS.set(info.singular, info);
}

/** Resolves a path segment (`deals`, `deal`, `0-3`) the way HubSpot does; undefined for unknown types. */
export function findObjectType(nameOrId: string): ObjectTypeInfo | undefined {
  return BY_ALIAS.get(nameOrId.toLowerCase());
}

/** Like `findObjectType`, but answers an unknown type with HubSpot's 400. */
export function objectTypeOrThrow(nameOrId: string): ObjectTypeInfo {
  const info = findObjectType(nameOrId);
  if (!info) throw validationError(`Unable to infer object type from: ${nameOrId}`);
  return info;
}
