import type { FilterOperatorEnum } from '@hubspot/api-client/lib/codegen/crm/objects/models/Filter';
import {
  DEFAULT_LIMIT,
  MAX_FILTER_GROUPS,
  MAX_FILTERS_PER_GROUP,
  MAX_FILTERS_TOTAL,
  MAX_LIMIT,
  MAX_RESULT_WINDOW,
} from './limits';
import { SearchRequestError } from './request-error';

export type FilterOperator = `${FilterOperatorEnum}`;

export type ComparisonOperator = 'EQ' | 'NEQ' | 'LT' | 'LTE' | 'GT' | 'GTE';

interface FilterBase {
  /** Where the filter sits in the request, e.g. `filterGroups[0].filters[1]`, for error messages. */
  path: string;
  propertyName: string;
}
export interface ComparisonFilter extends FilterBase {
  operator: ComparisonOperator;
  value: string;
}
export interface TokenFilter extends FilterBase {
  operator: 'CONTAINS_TOKEN' | 'NOT_CONTAINS_TOKEN';
  value: string;
}
export interface RangeFilter extends FilterBase {
  operator: 'BETWEEN';
  value: string;
  highValue: string;
}
export interface SetFilter extends FilterBase {
  operator: 'IN' | 'NOT_IN';
  values: string[];
}
export interface PresenceFilter extends FilterBase {
  operator: 'HAS_PROPERTY' | 'NOT_HAS_PROPERTY';
}
/** A filter checked for shape, not yet against the object type's properties. */
export type ParsedFilter = ComparisonFilter | TokenFilter | RangeFilter | SetFilter | PresenceFilter;

export interface ParsedSort {
  path: string;
  propertyName: string;
  descending: boolean;
}

export interface ParsedSearch {
  query?: string;
  limit: number;
  offset: number;
  sort?: ParsedSort;
  /** ORed groups of ANDed filters; empty when the request has no filters. */
  groups: ParsedFilter[][];
}

/** Operands each operator takes; typed against the client's enum so a new HubSpot operator fails to compile. */
const OPERANDS: Record<FilterOperator, 'value' | 'range' | 'values' | 'none'> = {
  EQ: 'value',
  NEQ: 'value',
  LT: 'value',
  LTE: 'value',
  GT: 'value',
  GTE: 'value',
  BETWEEN: 'range',
  IN: 'values',
  NOT_IN: 'values',
  HAS_PROPERTY: 'none',
  NOT_HAS_PROPERTY: 'none',
  CONTAINS_TOKEN: 'value',
  NOT_CONTAINS_TOKEN: 'value',
};

/**
 * Checks a search body that arrived as parsed JSON. Like HubSpot's JSON binding, numbers and
 * booleans are accepted where the contract says string (`value: 5000`); anything else of the
 * wrong type is rejected naming the field.
 */
export function parseSearchRequest(body: unknown): ParsedSearch {
  if (!isRecord(body)) throw new SearchRequestError('The request body must be a JSON object');
  const limit = parseLimit(body.limit);
  const offset = parseAfter(body.after);
  if (offset + limit > MAX_RESULT_WINDOW) {
    throw new SearchRequestError(
      `after (${offset}) + limit (${limit}) must be at most ${MAX_RESULT_WINDOW}: search cannot page past the first ${MAX_RESULT_WINDOW} results; narrow the filters instead`,
    );
  }
  const query = parseQuery(body.query);
  const sort = parseSorts(body.sorts);
  const groups = parseFilterGroups(body.filterGroups);
  return { limit, offset, groups, ...(query ? { query } : {}), ...(sort ? { sort } : {}) };
}

function parseQuery(raw: unknown): string | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (typeof raw !== 'string') throw new SearchRequestError(`query must be a string, got ${describe(raw)}`);
  return raw.trim() || undefined;
}

function parseLimit(raw: unknown): number {
  if (raw === undefined || raw === null) return DEFAULT_LIMIT;
  if (typeof raw !== 'number' || !Number.isInteger(raw) || raw < 0) {
    throw new SearchRequestError(`limit must be a non-negative integer, got ${JSON.stringify(raw)}`);
  }
  if (raw > MAX_LIMIT)
    throw new SearchRequestError(`limit must be less than or equal to ${MAX_LIMIT}, got ${raw}`);
  return raw;
}

/** `after` is the offset of the page's first result, as a string (the cursor HubSpot's search hands out). */
function parseAfter(raw: unknown): number {
  if (raw === undefined || raw === null || raw === '') return 0;
  const text = typeof raw === 'number' ? String(raw) : raw;
  if (typeof text !== 'string' || !/^\d+$/.test(text)) {
    throw new SearchRequestError(
      `after must be a paging cursor from paging.next.after (a non-negative integer string), got ${JSON.stringify(raw)}`,
    );
  }
  return Number(text);
}

/** HubSpot honours only the first sort; accepts `{ propertyName, direction }` and the string form `"-createdate"`. */
function parseSorts(raw: unknown): ParsedSort | undefined {
  if (raw === undefined || raw === null) return undefined;
  if (!Array.isArray(raw)) throw new SearchRequestError(`sorts must be an array, got ${describe(raw)}`);
  const sorts = raw.map((entry, index) => parseSort(entry, `sorts[${index}]`));
  return sorts[0];
}

function parseSort(raw: unknown, path: string): ParsedSort {
  if (typeof raw === 'string') {
    const descending = raw.startsWith('-');
    const propertyName = descending ? raw.slice(1) : raw;
    if (!propertyName)
      throw new SearchRequestError(`${path} must name a property, got ${JSON.stringify(raw)}`);
    return { path, propertyName, descending };
  }
  if (!isRecord(raw))
    throw new SearchRequestError(`${path} must be an object or a string, got ${describe(raw)}`);
  const propertyName = expectString(raw.propertyName, `${path}.propertyName`);
  const direction = raw.direction ?? 'ASCENDING';
  if (direction !== 'ASCENDING' && direction !== 'DESCENDING') {
    throw new SearchRequestError(
      `${path}.direction must be ASCENDING or DESCENDING, got ${JSON.stringify(direction)}`,
    );
  }
  return { path, propertyName, descending: direction === 'DESCENDING' };
}

function parseFilterGroups(raw: unknown): ParsedFilter[][] {
  if (raw === undefined || raw === null) return [];
  if (!Array.isArray(raw))
    throw new SearchRequestError(`filterGroups must be an array, got ${describe(raw)}`);
  if (raw.length > MAX_FILTER_GROUPS) {
    throw new SearchRequestError(
      `Too many filter groups: ${raw.length} were given, the maximum is ${MAX_FILTER_GROUPS}`,
    );
  }
  const groups = raw.map((group: unknown, index) => parseFilterGroup(group, `filterGroups[${index}]`));
  const total = groups.reduce((sum, group) => sum + group.length, 0);
  if (total > MAX_FILTERS_TOTAL) {
    throw new SearchRequestError(
      `Too many filters: ${total} were given across all filterGroups, the maximum is ${MAX_FILTERS_TOTAL}`,
    );
  }
  return groups;
}

function parseFilterGroup(raw: unknown, path: string): ParsedFilter[] {
  if (!isRecord(raw))
    throw new SearchRequestError(`${path} must be an object with filters, got ${describe(raw)}`);
  const filters = raw.filters;
  if (!Array.isArray(filters)) {
    throw new SearchRequestError(`${path}.filters must be an array, got ${describe(filters)}`);
  }
  if (filters.length > MAX_FILTERS_PER_GROUP) {
    throw new SearchRequestError(
      `Too many filters in ${path}: ${filters.length} were given, the maximum is ${MAX_FILTERS_PER_GROUP}`,
    );
  }
  return filters.map((filter: unknown, index) => parseFilter(filter, `${path}.filters[${index}]`));
}

function parseFilter(raw: unknown, path: string): ParsedFilter {
  if (!isRecord(raw)) throw new SearchRequestError(`${path} must be an object, got ${describe(raw)}`);
  const propertyName = expectString(raw.propertyName, `${path}.propertyName`);
  const operator = raw.operator;
  if (typeof operator !== 'string' || !Object.hasOwn(OPERANDS, operator)) {
    throw new SearchRequestError(
      `${path}.operator ${JSON.stringify(operator)} is not a filter operator; expected one of ${Object.keys(OPERANDS).join(', ')}`,
    );
  }
  const op = operator as FilterOperator;
  const base = { path, propertyName };
  switch (op) {
    case 'BETWEEN':
      return {
        ...base,
        operator: op,
        value: expectScalar(raw.value, `${path}.value`, op),
        highValue: expectScalar(raw.highValue, `${path}.highValue`, op),
      };
    case 'IN':
    case 'NOT_IN':
      return { ...base, operator: op, values: expectValues(raw.values, `${path}.values`, op) };
    case 'HAS_PROPERTY':
    case 'NOT_HAS_PROPERTY':
      return { ...base, operator: op };
    default:
      return { ...base, operator: op, value: expectScalar(raw.value, `${path}.value`, op) };
  }
}

function expectValues(raw: unknown, path: string, operator: FilterOperator): string[] {
  if (!Array.isArray(raw) || raw.length === 0) {
    throw new SearchRequestError(
      `${path} must be a non-empty array for operator ${operator}, got ${describe(raw)}`,
    );
  }
  return raw.map((value: unknown, index) => expectScalar(value, `${path}[${index}]`, operator));
}

function expectScalar(raw: unknown, path: string, operator: FilterOperator): string {
  if (typeof raw === 'string') return raw;
  if ((typeof raw === 'number' && Number.isFinite(raw)) || typeof raw === 'boolean') return String(raw);
  throw new SearchRequestError(
    `${path} is required for operator ${operator} and must be a string, got ${describe(raw)}`,
  );
}

function expectString(raw: unknown, path: string): string {
  if (typeof raw !== 'string' || raw === '') {
    throw new SearchRequestError(`${path} must be a non-empty string, got ${describe(raw)}`);
  }
  return raw;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function describe(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  return JSON.stringify(value);
}
