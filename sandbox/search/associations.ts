import type { SearchableObject, SearchSource } from './source';
import type { ParsedFilter } from './request';
import { SearchRequestError } from './request-error';

const PREFIX = 'associations.';

/** HubSpot's singular names for `associations.<type>` (e.g. `associations.company`), mapped to the plural API name the store uses. */
const PLURAL_BY_SINGULAR: Readonly<Record<string, string>> = {
  contact: 'contacts',
  company: 'companies',
  deal: 'deals',
  ticket: 'tickets',
  call: 'calls',
  email: 'emails',
  meeting: 'meetings',
  note: 'notes',
  task: 'tasks',
  line_item: 'line_items',
  product: 'products',
  quote: 'quotes',
};
const PLURALS = new Set(Object.values(PLURAL_BY_SINGULAR));

export function isAssociationFilter(propertyName: string): boolean {
  return propertyName.startsWith(PREFIX);
}

/**
 * `associations.company EQ 42`: objects associated with company 42. IN matches any of the ids,
 * HAS_PROPERTY any association of that type. NEQ/NOT_IN match objects associated with none of the
 * ids, including objects with no association of that type (assumption: HubSpot documents only EQ).
 */
export function compileAssociationFilter(
  filter: ParsedFilter,
  source: SearchSource,
): (object: SearchableObject) => boolean {
  const toObjectType = pluralObjectType(filter);
  const associatedWithAny = (object: SearchableObject, ids: ReadonlySet<string> | undefined): boolean => {
    for (const id of source.associatedIds(object.id, toObjectType)) {
      if (ids === undefined || ids.has(id)) return true;
    }
    return false;
  };
  switch (filter.operator) {
    case 'EQ':
    case 'NEQ': {
      const ids = new Set([filter.value]);
      const wanted = filter.operator === 'EQ';
      return (object) => associatedWithAny(object, ids) === wanted;
    }
    case 'IN':
    case 'NOT_IN': {
      const ids = new Set(filter.values);
      const wanted = filter.operator === 'IN';
      return (object) => associatedWithAny(object, ids) === wanted;
    }
    case 'HAS_PROPERTY':
      return (object) => associatedWithAny(object, undefined);
    case 'NOT_HAS_PROPERTY':
      return (object) => !associatedWithAny(object, undefined);
    default:
      throw new SearchRequestError(
        `${filter.path}.operator ${filter.operator} is not supported for ${filter.propertyName}; use EQ, NEQ, IN, NOT_IN, HAS_PROPERTY or NOT_HAS_PROPERTY`,
      );
  }
}

function pluralObjectType(filter: ParsedFilter): string {
  const name = filter.propertyName.slice(PREFIX.length).toLowerCase();
  const plural = PLURAL_BY_SINGULAR[name] ?? (PLURALS.has(name) ? name : undefined);
  if (plural === undefined) {
    throw new SearchRequestError(
      `${filter.path}.propertyName: "${filter.propertyName}" names no object type; use e.g. associations.company or associations.contact`,
    );
  }
  return plural;
}
