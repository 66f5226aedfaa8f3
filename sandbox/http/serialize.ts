import type { AssociatedId } from '@hubspot/api-client/lib/codegen/crm/objects/models/AssociatedId';
import type { CollectionResponseAssociatedId } from '@hubspot/api-client/lib/codegen/crm/objects/models/CollectionResponseAssociatedId';
import type { SimplePublicObjectWithAssociations } from '@hubspot/api-client/lib/codegen/crm/objects/models/SimplePublicObjectWithAssociations';
import type { ValueWithTimestamp } from '@hubspot/api-client/lib/codegen/crm/objects/models/ValueWithTimestamp';
import { OBJECT_TYPES, findObjectType, type ObjectTypeName } from '../hubspot/object-types.ts';
import type { Portal } from '../store/portal.ts';
import { readWireValue } from '../store/read-value.ts';

export interface ReadOptions {
  /** Requested properties; absent or empty = the type's defaults, as HubSpot does. */
  properties?: readonly string[];
  propertiesWithHistory?: readonly string[];
  /** Object types whose associated ids to include (v3 `associations`). */
  associations?: readonly string[];
}

/** The properties a read returns: the requested ones (or the defaults) plus HubSpot's three. */
export function propertiesToReturn(
  portal: Portal,
  type: ObjectTypeName,
  requested?: readonly string[],
): string[] {
  const info = OBJECT_TYPES[type];
  const base = ['hs_object_id', info.createdateProperty, info.lastModifiedProperty];
  const wanted = requested && requested.length > 0 ? requested : info.defaultProperties;
  const schema = portal.schemas[type];
  return [...new Set([...base, ...wanted.filter((name) => schema.get(name) !== undefined)])];
}

/** An object as HubSpot's v3 objects API returns it. */
export function objectOnTheWire(
  portal: Portal,
  type: ObjectTypeName,
  row: number,
  options: ReadOptions,
  names = propertiesToReturn(portal, type, options.properties),
): SimplePublicObjectWithAssociations {
  const table = portal.tables[type];
  const properties: Record<string, string | null> = {};
  for (const name of names) properties[name] = readWireValue(portal, type, row, name) ?? null;
  const object: SimplePublicObjectWithAssociations = {
    id: table.idOf(row),
    properties,
    createdAt: new Date(table.createdAt(row)),
    updatedAt: new Date(table.updatedAt(row)),
    archived: table.isArchived(row),
  };
  const archivedAt = table.archivedAtOf(row);
  if (archivedAt !== undefined) object.archivedAt = new Date(archivedAt);
  if (options.propertiesWithHistory && options.propertiesWithHistory.length > 0) {
    object.propertiesWithHistory = historyOnTheWire(portal, type, row, options.propertiesWithHistory);
  }
  if (options.associations && options.associations.length > 0) {
    const associations = associationsOnTheWire(portal, type, row, options.associations);
    if (Object.keys(associations).length > 0) object.associations = associations;
  }
  return object;
}

function historyOnTheWire(
  portal: Portal,
  type: ObjectTypeName,
  row: number,
  names: readonly string[],
): Record<string, ValueWithTimestamp[]> {
  const table = portal.tables[type];
  const history: Record<string, ValueWithTimestamp[]> = {};
  for (const name of names) {
    if (!table.schema.get(name)) continue;
    history[name] = table.historyEntries(row, name).map((entry) => {
      const actor = portal.actors.get(entry.actor);
      const value: ValueWithTimestamp = {
        value: entry.value,
        timestamp: new Date(entry.timestamp),
        sourceType: actor.changeSource,
      };
      if (actor.sourceId !== undefined) value.sourceId = actor.sourceId;
      if (actor.changeSource === 'CRM_UI' && actor.sourceId?.startsWith('userId:')) {
        value.updatedByUserId = Number(actor.sourceId.slice('userId:'.length));
      }
      return value;
    });
  }
  return history;
}

function associationsOnTheWire(
  portal: Portal,
  type: ObjectTypeName,
  row: number,
  toTypes: readonly string[],
): Record<string, CollectionResponseAssociatedId> {
  const result: Record<string, CollectionResponseAssociatedId> = {};
  for (const toName of toTypes) {
    const to = findObjectType(toName)?.name;
    if (!to) continue;
    const results: AssociatedId[] = [];
    for (const link of portal.associations.links(type, row, to)) {
      const id = portal.tables[to].idOf(link.toRow);
      for (const typeId of link.typeIds) results.push({ id, type: associationTypeName(portal, typeId) });
    }
    if (results.length > 0) result[to] = { results };
  }
  return result;
}

/** v3's association type names: `deal_to_contact`, `deal_to_company_unlabeled`, or a label's name. */
export function associationTypeName(portal: Portal, typeId: number): string {
  const type = portal.labels.get(typeId);
  if (!type) return String(typeId);
  if (type.category === 'USER_DEFINED') return type.name ?? String(typeId);
  const base = `${OBJECT_TYPES[type.from].singular}_to_${OBJECT_TYPES[type.to].singular}`;
  const hasPrimary = portal.labels.primaryType(type.from, type.to) !== undefined;
  return type.label === null && hasPrimary ? `${base}_unlabeled` : base;
}
