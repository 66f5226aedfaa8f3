import type { AssociationSpecWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/AssociationSpecWithLabel';
import type { BatchResponseLabelsBetweenObjectPair } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponseLabelsBetweenObjectPair';
import type { BatchResponsePublicAssociationMultiWithLabelWithErrors } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicAssociationMultiWithLabelWithErrors';
import type { BatchResponsePublicDefaultAssociation } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/BatchResponsePublicDefaultAssociation';
import type { CollectionResponseMultiAssociatedObjectWithLabelForwardPaging } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/CollectionResponseMultiAssociatedObjectWithLabelForwardPaging';
import type { LabelsBetweenObjectPair } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/LabelsBetweenObjectPair';
import type { MultiAssociatedObjectWithLabel } from '@hubspot/api-client/lib/codegen/crm/associations/v4/models/MultiAssociatedObjectWithLabel';
import type { FastifyInstance } from 'fastify';
import { OBJECT_TYPES, objectTypeOrThrow, type ObjectTypeName } from '../hubspot/object-types.ts';
import { notFound, validationError } from '../http/errors.ts';
import {
  batchInputs,
  expectArray,
  expectInteger,
  expectObject,
  expectString,
  queryLimit,
  queryString,
} from '../http/input.ts';
import type { OnTheWire } from '../http/wire.ts';
import type { SandboxState } from '../state.ts';
import { defaultAssociationTypeIds } from '../store/default-association.ts';
import type { Mutation } from '../store/mutations.ts';
import { parseId } from '../store/object-table.ts';
import type { Portal } from '../store/portal.ts';

/** Associations v4 batch read takes up to 1,000 ids; the other batch calls 100 (HubSpot's limits). */
export const ASSOCIATION_READ_LIMIT = 1000;
const ASSOCIATION_WRITE_LIMIT = 100;

type ObjectParams = { objectType: string; objectId: string; toObjectType: string; toObjectId?: string };
type PairParams = { fromObjectType: string; toObjectType: string };

/** Associations v4: single and batch reads and writes between objects, labelled or default. */
export function registerAssociationRoutes(app: FastifyInstance, state: SandboxState): void {
  const single = '/crm/v4/objects/:objectType/:objectId/associations';

  app.get<{ Params: ObjectParams }>(`${single}/:toObjectType`, async (request) => {
    const { from, fromRow, to } = resolve(state.portal, request.params);
    const limit = queryLimit(request.query, 500, 500);
    const after = Number(queryString(request.query, 'after') ?? 0);
    const all = associatedWithLabels(state.portal, from, fromRow, to);
    const body: CollectionResponseMultiAssociatedObjectWithLabelForwardPaging = {
      results: all.slice(after, after + limit),
    };
    if (after + limit < all.length) body.paging = { next: { after: String(after + limit) } };
    return body;
  });

  app.put<{ Params: ObjectParams }>(
    `/crm/v4/objects/:objectType/:objectId/associations/default/:toObjectType/:toObjectId`,
    async (request) => {
      const { from, fromRow, to, toRow, fromId, toId } = resolvePair(state.portal, request.params);
      const add = defaultAssociationTypeIds(state.portal, from, fromRow, to, toRow);
      if (add.length === 0) throw validationError(`${from} cannot be associated with ${to}.`);
      state.commit([{ op: 'associate', from, fromId, to, toId, add }]);
      const body: OnTheWire<BatchResponsePublicDefaultAssociation> = {
        status: 'COMPLETE' as BatchResponsePublicDefaultAssociation['status'],
        results: add.map((typeId) => ({
          from: { id: String(fromId) },
          to: { id: String(toId) },
          associationSpec: { associationCategory: category(state.portal, typeId), associationTypeId: typeId },
        })),
        startedAt: new Date(),
        completedAt: new Date(),
      };
      return body;
    },
  );

  app.put<{ Params: ObjectParams }>(`${single}/:toObjectType/:toObjectId`, async (request, reply) => {
    const { from, to, fromId, toId } = resolvePair(state.portal, request.params);
    const add = typeIdsFrom(state.portal, from, to, request.body, 'body');
    state.commit([{ op: 'associate', from, fromId, to, toId, add }]);
    reply.code(201);
    return labelsBetween(state.portal, from, fromId, to, toId);
  });

  app.delete<{ Params: ObjectParams }>(`${single}/:toObjectType/:toObjectId`, async (request, reply) => {
    const { from, to, fromId, toId } = resolvePair(state.portal, request.params);
    state.commit([{ op: 'associate', from, fromId, to, toId, remove: 'all' }]);
    reply.code(204);
  });

  const batch = '/crm/v4/associations/:fromObjectType/:toObjectType/batch';

  app.post<{ Params: PairParams }>(`${batch}/read`, async (request, reply) => {
    const { from, to } = pairTypes(request.params);
    const startedAt = new Date();
    const table = state.portal.tables[from];
    const results: OnTheWire<BatchResponsePublicAssociationMultiWithLabelWithErrors>['results'] = [];
    const missing: string[] = [];
    for (const [index, input] of batchInputs(request.body, ASSOCIATION_READ_LIMIT).entries()) {
      const id = expectString(expectObject(input, `inputs[${index}]`).id, `inputs[${index}].id`);
      const row = table.rowOf(id);
      const links = row === undefined ? [] : associatedWithLabels(state.portal, from, row, to);
      if (links.length === 0) missing.push(id);
      else results.push({ from: { id }, to: links });
    }
    const body: OnTheWire<BatchResponsePublicAssociationMultiWithLabelWithErrors> = {
      status: 'COMPLETE' as BatchResponsePublicAssociationMultiWithLabelWithErrors['status'],
      results,
      startedAt,
      completedAt: new Date(),
    };
    if (missing.length > 0) {
      body.numErrors = missing.length;
      body.errors = missing.map((id) => ({
        status: 'error',
        category: 'OBJECT_NOT_FOUND',
        subCategory: 'crm.associations.NO_ASSOCIATIONS_FOUND',
        message: `No ${to} is associated with ${OBJECT_TYPES[from].singular} ${id}.`,
        context: { fromObjectId: [id] },
        links: {},
        errors: [],
      }));
      reply.code(207);
    }
    return body;
  });

  app.post<{ Params: PairParams }>(`${batch}/create`, async (request, reply) => {
    const { from, to } = pairTypes(request.params);
    const inputs = batchInputs(request.body, ASSOCIATION_WRITE_LIMIT).map((input, index) => {
      const item = expectObject(input, `inputs[${index}]`);
      const { fromId, toId } = pairIds(state.portal, from, to, item, `inputs[${index}]`);
      return { fromId, toId, add: typeIdsFrom(state.portal, from, to, item.types, `inputs[${index}].types`) };
    });
    state.commit(inputs.map((input): Mutation => ({ op: 'associate', from, to, ...input })));
    const body: BatchResponseLabelsBetweenObjectPair = {
      status: 'COMPLETE' as BatchResponseLabelsBetweenObjectPair['status'],
      results: inputs.map((input) => labelsBetween(state.portal, from, input.fromId, to, input.toId)),
      startedAt: new Date(),
      completedAt: new Date(),
    };
    reply.code(201);
    return body;
  });

  app.post<{ Params: PairParams }>(`${batch}/associate/default`, async (request) => {
    const { from, to } = pairTypes(request.params);
    const mutations: Mutation[] = [];
    const results: OnTheWire<BatchResponsePublicDefaultAssociation>['results'] = [];
    for (const [index, input] of batchInputs(request.body, ASSOCIATION_WRITE_LIMIT).entries()) {
      const { fromId, toId } = pairIds(
        state.portal,
        from,
        to,
        expectObject(input, `inputs[${index}]`),
        `inputs[${index}]`,
      );
      const add = defaultAssociationTypeIds(
        state.portal,
        from,
        state.portal.tables[from].rowOf(fromId)!,
        to,
        state.portal.tables[to].rowOf(toId)!,
      );
      if (add.length === 0) throw validationError(`${from} cannot be associated with ${to}.`);
      mutations.push({ op: 'associate', from, fromId, to, toId, add });
      for (const typeId of add) {
        results.push({
          from: { id: String(fromId) },
          to: { id: String(toId) },
          associationSpec: { associationCategory: category(state.portal, typeId), associationTypeId: typeId },
        });
      }
    }
    state.commit(mutations);
    const body: OnTheWire<BatchResponsePublicDefaultAssociation> = {
      status: 'COMPLETE' as BatchResponsePublicDefaultAssociation['status'],
      results,
      startedAt: new Date(),
      completedAt: new Date(),
    };
    return body;
  });

  app.post<{ Params: PairParams }>(`${batch}/archive`, async (request, reply) => {
    const { from, to } = pairTypes(request.params);
    const mutations: Mutation[] = [];
    for (const [index, input] of batchInputs(request.body, ASSOCIATION_WRITE_LIMIT).entries()) {
      const item = expectObject(input, `inputs[${index}]`);
      const fromId = idOf(
        state.portal,
        from,
        expectObject(item.from, `inputs[${index}].from`).id,
        `inputs[${index}].from.id`,
      );
      for (const [toIndex, target] of expectArray(item.to, `inputs[${index}].to`).entries()) {
        const toId = idOf(
          state.portal,
          to,
          expectObject(target, `inputs[${index}].to[${toIndex}]`).id,
          `inputs[${index}].to[${toIndex}].id`,
        );
        mutations.push({ op: 'associate', from, fromId, to, toId, remove: 'all' });
      }
    }
    state.commit(mutations);
    reply.code(204);
  });

  app.post<{ Params: PairParams }>(`${batch}/labels/archive`, async (request, reply) => {
    const { from, to } = pairTypes(request.params);
    const mutations: Mutation[] = batchInputs(request.body, ASSOCIATION_WRITE_LIMIT).map((input, index) => {
      const item = expectObject(input, `inputs[${index}]`);
      const { fromId, toId } = pairIds(state.portal, from, to, item, `inputs[${index}]`);
      return {
        op: 'associate',
        from,
        fromId,
        to,
        toId,
        remove: typeIdsFrom(state.portal, from, to, item.types, `inputs[${index}].types`),
      };
    });
    state.commit(mutations);
    reply.code(204);
  });
}

function pairTypes(params: PairParams): { from: ObjectTypeName; to: ObjectTypeName } {
  return {
    from: objectTypeOrThrow(params.fromObjectType).name,
    to: objectTypeOrThrow(params.toObjectType).name,
  };
}

function resolve(portal: Portal, params: ObjectParams) {
  const from = objectTypeOrThrow(params.objectType).name;
  const to = objectTypeOrThrow(params.toObjectType).name;
  const fromRow = portal.tables[from].rowOf(params.objectId);
  if (fromRow === undefined) throw notFound();
  return { from, to, fromRow };
}

function resolvePair(portal: Portal, params: ObjectParams) {
  const { from, to, fromRow } = resolve(portal, params);
  const toRow = portal.tables[to].rowOf(params.toObjectId ?? '');
  if (toRow === undefined) throw notFound();
  return { from, to, fromRow, toRow, fromId: Number(params.objectId), toId: Number(params.toObjectId) };
}

function idOf(portal: Portal, type: ObjectTypeName, raw: unknown, path: string): number {
  const text = expectString(raw, path);
  const id = parseId(text);
  if (id === undefined || portal.tables[type].rowOf(id) === undefined) {
    throw validationError(`${path}: ${OBJECT_TYPES[type].singular} ${text} does not exist.`);
  }
  return id;
}

function pairIds(
  portal: Portal,
  from: ObjectTypeName,
  to: ObjectTypeName,
  item: Record<string, unknown>,
  path: string,
) {
  return {
    fromId: idOf(portal, from, expectObject(item.from, `${path}.from`).id, `${path}.from.id`),
    toId: idOf(portal, to, expectObject(item.to, `${path}.to`).id, `${path}.to.id`),
  };
}

/** Association specs from a body; each type id must join exactly this pair. */
function typeIdsFrom(
  portal: Portal,
  from: ObjectTypeName,
  to: ObjectTypeName,
  raw: unknown,
  path: string,
): number[] {
  const specs = expectArray(raw, path);
  if (specs.length === 0)
    throw validationError(`Invalid input: ${path} must name at least one association type.`);
  return specs.map((item, index) => {
    const spec = expectObject(item, `${path}[${index}]`);
    const typeId = expectInteger(spec.associationTypeId, `${path}[${index}].associationTypeId`);
    const type = portal.labels.get(typeId);
    if (!type || type.from !== from || type.to !== to) {
      throw validationError(`${path}[${index}]: association type ${typeId} does not join ${from} to ${to}.`);
    }
    if (spec.associationCategory !== undefined && spec.associationCategory !== type.category) {
      throw validationError(
        `${path}[${index}]: association type ${typeId} is ${type.category}, not ${String(spec.associationCategory)}.`,
      );
    }
    return typeId;
  });
}

function category(portal: Portal, typeId: number) {
  return (portal.labels.get(typeId)?.category ??
    'HUBSPOT_DEFINED') as AssociationSpecWithLabel['category'] as never;
}

function associatedWithLabels(
  portal: Portal,
  from: ObjectTypeName,
  fromRow: number,
  to: ObjectTypeName,
): MultiAssociatedObjectWithLabel[] {
  return portal.associations.links(from, fromRow, to).map((link) => ({
    toObjectId: portal.tables[to].idOf(link.toRow),
    associationTypes: link.typeIds.map((typeId) => specWithLabel(portal, typeId)),
  }));
}

export function specWithLabel(portal: Portal, typeId: number): AssociationSpecWithLabel {
  const type = portal.labels.get(typeId);
  const spec: AssociationSpecWithLabel = {
    category: (type?.category ?? 'HUBSPOT_DEFINED') as AssociationSpecWithLabel['category'],
    typeId,
  };
  if (type?.label) spec.label = type.label;
  return spec;
}

function labelsBetween(
  portal: Portal,
  from: ObjectTypeName,
  fromId: number,
  to: ObjectTypeName,
  toId: number,
): LabelsBetweenObjectPair {
  const fromRow = portal.tables[from].rowOf(fromId)!;
  const toRow = portal.tables[to].rowOf(toId)!;
  const typeIds = portal.associations.typesBetween(from, fromRow, to, toRow);
  return {
    fromObjectTypeId: OBJECT_TYPES[from].typeId,
    fromObjectId: String(fromId),
    toObjectTypeId: OBJECT_TYPES[to].typeId,
    toObjectId: String(toId),
    labels: typeIds
      .map((typeId) => portal.labels.get(typeId)?.label)
      .filter((label): label is string => !!label),
  };
}
