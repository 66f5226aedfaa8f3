import type { PropertyType } from '#src/hubspot/catalog/index';
import type { SearchableObject, SearchSource } from './source';
import { SearchRequestError } from './request-error';

/** HubSpot's id property: filterable and sortable on every object type (the way to page past 10,000). */
const OBJECT_ID = 'hs_object_id';

export interface ResolvedProperty {
  type: PropertyType;
  /** The value, or undefined when unset; HubSpot treats an empty string as unset. */
  read: (object: SearchableObject) => string | undefined;
}

/** Looks a filtered or sorted property up once per request; `path` names the request field for the error. */
export function resolveProperty(name: string, path: string, source: SearchSource): ResolvedProperty {
  if (name === OBJECT_ID) return { type: 'number', read: (object) => object.id };
  const type = source.propertyType(name);
  if (type === undefined) throw new SearchRequestError(`${path}: property "${name}" does not exist`);
  return {
    type,
    read: (object) => {
      const value = object.value(name);
      return value === '' ? undefined : value;
    },
  };
}
