import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/models/PublicObjectSearchRequest';
import type { SearchPage, SearchSource } from './source';
import { allOf, compileFilterGroups, type Predicate } from './filters';
import { compileQuery } from './query';
import { parseSearchRequest } from './request';
import { compileSortKey, SortedWindow } from './sorting';

export { SearchRequestError } from './request-error';

/**
 * HubSpot's CRM search over one object type. The request arrives as parsed JSON and is checked
 * first (a bad one throws SearchRequestError, a 400 VALIDATION_ERROR); then every object is tested
 * once, because HubSpot always reports the total. Without a sort the order is ascending id (HubSpot
 * orders by hs_object_id, or by relevance with a `query`, which the sandbox does not model).
 */
export function searchObjects(source: SearchSource, request: PublicObjectSearchRequest): SearchPage {
  const search = parseSearchRequest(request);
  const matches = allOfDefined([
    compileFilterGroups(search.groups, source),
    search.query === undefined ? undefined : compileQuery(search.query, source),
  ]);
  const sort = search.sort && {
    key: compileSortKey(search.sort, source),
    descending: search.sort.descending,
  };
  const start = search.offset;
  const end = start + search.limit;

  let total = 0;
  let ids: string[] = [];
  if (sort) {
    const window = new SortedWindow(end, sort.descending);
    for (const object of source.objects()) {
      if (matches && !matches(object)) continue;
      total++;
      window.add(object.id, sort.key(object));
    }
    ids = window.inOrder().slice(start, end);
  } else {
    for (const object of source.objects()) {
      if (matches && !matches(object)) continue;
      if (total >= start && total < end) ids.push(object.id);
      total++;
    }
  }
  // limit 0 asks for the total only; a cursor that never advances would loop a pager forever.
  return end < total && search.limit > 0 ? { ids, total, nextAfter: String(end) } : { ids, total };
}

function allOfDefined(predicates: (Predicate | undefined)[]): Predicate | undefined {
  const defined = predicates.filter((predicate) => predicate !== undefined);
  return defined.length === 0 ? undefined : allOf(defined);
}
