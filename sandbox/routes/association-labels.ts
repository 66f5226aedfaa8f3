import type { CollectionResponseAssociationSpecWithLabelNoPaging } from '@hubspot/api-client/lib/codegen/crm/associations/v4/schema/models/CollectionResponseAssociationSpecWithLabelNoPaging';
import type { FastifyInstance } from 'fastify';
import { objectTypeOrThrow } from '../hubspot/object-types.ts';
import { conflict, notFound, validationError } from '../http/errors.ts';
import { expectInteger, expectObject, expectString } from '../http/input.ts';
import type { SandboxState } from '../state.ts';
import { specWithLabel } from './associations.ts';

type Params = { fromObjectType: string; toObjectType: string; associationTypeId?: string };

/** Association labels (v4 definitions): HubSpot's types of a pair plus user-defined labels like "Champion". */
export function registerAssociationLabelRoutes(app: FastifyInstance, state: SandboxState): void {
  const base = '/crm/v4/associations/:fromObjectType/:toObjectType/labels';
  const pair = (params: Params) => ({
    from: objectTypeOrThrow(params.fromObjectType).name,
    to: objectTypeOrThrow(params.toObjectType).name,
  });

  app.get<{ Params: Params }>(base, async (request) => {
    const { from, to } = pair(request.params);
    const body: CollectionResponseAssociationSpecWithLabelNoPaging = {
      results: state.portal.labels.between(from, to).map((type) => specWithLabel(state.portal, type.typeId)),
    };
    return body;
  });

  app.post<{ Params: Params }>(base, async (request) => {
    const { from, to } = pair(request.params);
    const body = expectObject(request.body, 'body');
    const label = expectString(body.label, 'label');
    const name = expectString(body.name, 'name');
    const inverseLabel =
      body.inverseLabel === undefined ? undefined : expectString(body.inverseLabel, 'inverseLabel');
    if (state.portal.labels.between(from, to).some((type) => type.name === name || type.label === label)) {
      throw conflict(`An association label named ${name} (${label}) already exists from ${from} to ${to}.`);
    }
    const typeIds = state.portal.labels.peekNewTypeIds(from === to && inverseLabel === undefined);
    state.commit([
      { op: 'addLabel', from, to, typeIds, label, name, ...(inverseLabel ? { inverseLabel } : {}) },
    ]);
    const result: CollectionResponseAssociationSpecWithLabelNoPaging = {
      results: [...new Set(typeIds)].map((typeId) => specWithLabel(state.portal, typeId)),
    };
    return result;
  });

  app.put<{ Params: Params }>(base, async (request, reply) => {
    const { from, to } = pair(request.params);
    const body = expectObject(request.body, 'body');
    const typeId = expectInteger(body.associationTypeId, 'associationTypeId');
    const type = state.portal.labels.get(typeId);
    if (!type || type.from !== from || type.to !== to)
      throw notFound(`No association type ${typeId} from ${from} to ${to}.`);
    if (type.category !== 'USER_DEFINED')
      throw validationError(`Association type ${typeId} is HubSpot-defined and cannot be relabelled.`);
    const label = expectString(body.label, 'label');
    const inverseLabel =
      body.inverseLabel === undefined ? undefined : expectString(body.inverseLabel, 'inverseLabel');
    state.commit([{ op: 'relabel', typeId, label, ...(inverseLabel ? { inverseLabel } : {}) }]);
    reply.code(204);
  });

  app.delete<{ Params: Params }>(`${base}/:associationTypeId`, async (request, reply) => {
    const { from, to } = pair(request.params);
    const typeId = expectInteger(request.params.associationTypeId, 'associationTypeId');
    const type = state.portal.labels.get(typeId);
    if (!type || type.from !== from || type.to !== to)
      throw notFound(`No association type ${typeId} from ${from} to ${to}.`);
    if (type.category !== 'USER_DEFINED')
      throw validationError(`Association type ${typeId} is HubSpot-defined and cannot be deleted.`);
    state.commit([{ op: 'removeLabel', typeId }]);
    reply.code(204);
  });
}
