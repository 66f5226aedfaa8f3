import type { PropertyType } from '#src/hubspot/catalog/index';
import type { SearchSource } from '#sandbox/search/source';

export interface PlainPortal {
  properties: Record<string, PropertyType>;
  /** Objects by id, their values as HubSpot strings. */
  objects: Record<string, Record<string, string>>;
  /** objectId → toObjectType (plural) → associated ids. */
  associations?: Record<string, Record<string, string[]>>;
}

/** A SearchSource over plain values, standing in for the store in engine tests. */
export function plainSource({ properties, objects, associations = {} }: PlainPortal): SearchSource {
  const ordered = Object.keys(objects)
    .sort((a, b) => Number(a) - Number(b))
    .map((id) => ({ id, value: (property: string) => objects[id]?.[property] }));
  return {
    objects: () => ordered,
    propertyType: (name) => properties[name],
    associatedIds: (objectId, toObjectType) => associations[objectId]?.[toObjectType] ?? [],
  };
}
