import type { CollectionResponseWithTotalSimplePublicObjectForwardPaging } from '@hubspot/api-client/lib/codegen/crm/objects/models/CollectionResponseWithTotalSimplePublicObjectForwardPaging';
import type { PublicObjectSearchRequest } from '@hubspot/api-client/lib/codegen/crm/objects/models/PublicObjectSearchRequest';
import type { FastifyInstance } from 'fastify';
import { findObjectType, objectTypeOrThrow, type ObjectTypeName } from '../hubspot/object-types.ts';
import { validationError } from '../http/errors.ts';
import { expectObject } from '../http/input.ts';
import { objectOnTheWire, propertiesToReturn } from '../http/serialize.ts';
import { SearchRequestError } from '../search/request-error.ts';
import { searchObjects } from '../search/engine.ts';
import type { SearchPage, SearchSource } from '../search/source.ts';
import type { SandboxState } from '../state.ts';
import type { Portal } from '../store/portal.ts';
import { readWireValue } from '../store/read-value.ts';

/** CRM search: the search engine (sandbox/search/engine.ts) over the store's objects. */
export function registerSearchRoutes(app: FastifyInstance, state: SandboxState): void {
  app.post<{ Params: { objectType: string } }>('/crm/v3/objects/:objectType/search', async (request) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const body = expectObject(request.body, 'body') as PublicObjectSearchRequest;
    let page: SearchPage;
    try {
      page = searchObjects(storeSource(state.portal, type), body);
    } catch (error) {
      if (error instanceof SearchRequestError) throw validationError(error.message);
      throw error;
    }
    const names = propertiesToReturn(state.portal, type, body.properties);
    const table = state.portal.tables[type];
    const results = page.ids.flatMap((id) => {
      const row = table.rowOf(id);
      return row === undefined ? [] : [objectOnTheWire(state.portal, type, row, {}, names)];
    });
    const response: CollectionResponseWithTotalSimplePublicObjectForwardPaging = {
      total: page.total,
      results,
    };
    if (page.nextAfter !== undefined) response.paging = { next: { after: page.nextAfter } };
    return response;
  });
}

/** The store seen by the search engine: live objects in id order, wire values, associations. */
export function storeSource(portal: Portal, type: ObjectTypeName): SearchSource {
  const table = portal.tables[type];
  return {
    *objects() {
      for (const row of table.liveRows()) {
        yield {
          id: table.idOf(row),
          value: (property: string) => readWireValue(portal, type, row, property),
        };
      }
    },
    propertyType: (name) => table.schema.get(name)?.type,
    *associatedIds(objectId, toObjectType) {
      const row = table.rowOf(objectId);
      const to = findObjectType(toObjectType)?.name;
      if (row === undefined || !to) return;
      for (const link of portal.associations.links(type, row, to)) yield portal.tables[to].idOf(link.toRow);
    },
  };
}
