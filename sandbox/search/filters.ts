import type { PropertyType } from '#src/hubspot/catalog/index';
import type { SearchableObject, SearchSource } from './source';
import type { ParsedFilter, PresenceFilter, TokenFilter } from './request';
import { compileNumericTest, compileTextTest, type ValueTest } from './comparisons';
import { compileAssociationFilter, isAssociationFilter } from './associations';
import { resolveProperty } from './properties';
import { SearchRequestError } from './request-error';
import { tokenPattern } from './tokens';
import { comparesAsNumber } from './values';

export type Predicate = (object: SearchableObject) => boolean;

/**
 * Groups are ORed, the filters within a group ANDed. No groups match everything, and so does a group
 * with no filters (an assumption: HubSpot's answer to an empty group is undocumented).
 */
export function compileFilterGroups(groups: ParsedFilter[][], source: SearchSource): Predicate | undefined {
  if (groups.length === 0) return undefined;
  return anyOf(groups.map((filters) => allOf(filters.map((filter) => compileFilter(filter, source)))));
}

export function allOf(predicates: Predicate[]): Predicate {
  const [only] = predicates;
  if (predicates.length === 1 && only) return only;
  return (object) => {
    for (let i = 0; i < predicates.length; i++) if (!predicates[i]!(object)) return false;
    return true;
  };
}

function anyOf(predicates: Predicate[]): Predicate {
  const [only] = predicates;
  if (predicates.length === 1 && only) return only;
  return (object) => {
    for (let i = 0; i < predicates.length; i++) if (predicates[i]!(object)) return true;
    return false;
  };
}

/**
 * One filter, compiled once per request for its property's type. Only HAS_PROPERTY and
 * NOT_HAS_PROPERTY match unset values: NEQ, NOT_IN and NOT_CONTAINS_TOKEN do not (HubSpot's
 * behaviour; combine with NOT_HAS_PROPERTY in another group to include unset ones).
 */
function compileFilter(filter: ParsedFilter, source: SearchSource): Predicate {
  if (isAssociationFilter(filter.propertyName)) return compileAssociationFilter(filter, source);
  const { type, read } = resolveProperty(filter.propertyName, `${filter.path}.propertyName`, source);
  switch (filter.operator) {
    case 'HAS_PROPERTY':
      return (object) => read(object) !== undefined;
    case 'NOT_HAS_PROPERTY':
      return (object) => read(object) === undefined;
    default: {
      const test = compileValueTest(filter, type);
      return (object) => {
        const text = read(object);
        return text !== undefined && test(text);
      };
    }
  }
}

type ValueFilter = Exclude<ParsedFilter, PresenceFilter>;

function compileValueTest(filter: ValueFilter, type: PropertyType): ValueTest {
  switch (filter.operator) {
    case 'CONTAINS_TOKEN':
    case 'NOT_CONTAINS_TOKEN':
      return compileTokenTest(filter);
    default:
      return comparesAsNumber(type) ? compileNumericTest(filter, type) : compileTextTest(filter);
  }
}

function compileTokenTest(filter: TokenFilter): ValueTest {
  if (filter.value.trim() === '') {
    throw new SearchRequestError(`${filter.path}.value must not be empty for operator ${filter.operator}`);
  }
  const pattern = tokenPattern(filter.value);
  const wanted = filter.operator === 'CONTAINS_TOKEN';
  return (text) => pattern.test(text) === wanted;
}
