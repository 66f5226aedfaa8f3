import type { PropertyType } from '#src/hubspot/catalog/index';

/**
 * What the search engine needs from the store for one object type. The store implements it; the
 * engine stays independent of how objects are kept in memory.
 */
export interface SearchSource {
  /** Live (not archived) objects of the type, in ascending numeric id order. */
  objects(): Iterable<SearchableObject>;
  /** The property's type, or undefined when the object type has no such property. */
  propertyType(name: string): PropertyType | undefined;
  /** Ids of objects of `toObjectType` associated with `objectId` (for `associations.<type>` filters). */
  associatedIds(objectId: string, toObjectType: string): Iterable<string>;
}

export interface SearchableObject {
  readonly id: string;
  /** The property's value as HubSpot puts it on the wire (a string), or undefined when unset. */
  value(property: string): string | undefined;
}

/** The engine's answer: matching ids in result order for one page, the total, and the next cursor. */
export interface SearchPage {
  ids: string[];
  total: number;
  /** `paging.next.after`; absent on the last page. */
  nextAfter?: string;
}
