import type { BatchResponseSimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/objects/models/BatchResponseSimplePublicObject';
import type { BatchResponseSimplePublicObjectWithErrors } from '@hubspot/api-client/lib/codegen/crm/objects/models/BatchResponseSimplePublicObjectWithErrors';
import type { CollectionResponseSimplePublicObjectWithAssociationsForwardPaging } from '@hubspot/api-client/lib/codegen/crm/objects/models/CollectionResponseSimplePublicObjectWithAssociationsForwardPaging';
import type { SimplePublicObject } from '@hubspot/api-client/lib/codegen/crm/objects/models/SimplePublicObject';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { objectTypeOrThrow, type ObjectTypeName } from '../hubspot/object-types.ts';
import { notFound, validationError } from '../http/errors.ts';
import {
  batchInputs,
  expectArray,
  expectInteger,
  expectObject,
  expectString,
  optionalStringList,
  queryBoolean,
  queryLimit,
  queryList,
  queryString,
} from '../http/input.ts';
import { checkStageInPipeline, validatedProperties } from '../http/object-input.ts';
import { objectOnTheWire } from '../http/serialize.ts';
import type { SandboxState } from '../state.ts';
import type { Mutation } from '../store/mutations.ts';
import { parseId } from '../store/object-table.ts';

export const BATCH_LIMIT = 100;
const LIST_MAX = 100;

type Params = { objectType: string; objectId?: string };

/** CRM objects v3: single-object reads and writes, list paging and the batch endpoints. */
export function registerObjectRoutes(app: FastifyInstance, state: SandboxState): void {
  const base = '/crm/v3/objects/:objectType';

  app.get<{ Params: Params }>(base, async (request) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const table = state.portal.tables[type];
    const limit = queryLimit(request.query, 10, LIST_MAX);
    const after = queryString(request.query, 'after');
    const from = after === undefined ? -Infinity : parseId(after);
    if (from === undefined)
      throw validationError(`Invalid input: after must be a paging cursor, found ${JSON.stringify(after)}.`);
    const options = readOptions(request.query);
    const results = [];
    let next: string | undefined;
    for (const row of table.liveRows(from)) {
      if (results.length === limit) {
        next = table.idOf(row);
        break;
      }
      results.push(objectOnTheWire(state.portal, type, row, options));
    }
    const body: CollectionResponseSimplePublicObjectWithAssociationsForwardPaging = { results };
    if (next !== undefined) {
      body.paging = {
        next: {
          after: next,
          link: `${request.protocol}://${request.host}${base.replace(':objectType', request.params.objectType)}?after=${next}`,
        },
      };
    }
    return body;
  });

  app.get<{ Params: Params }>(`${base}/:objectId`, async (request) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const row = state.portal.tables[type].rowOf(
      request.params.objectId ?? '',
      queryBoolean(request.query, 'archived'),
    );
    if (row === undefined) throw notFound();
    return objectOnTheWire(state.portal, type, row, readOptions(request.query));
  });

  app.post<{ Params: Params }>(base, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const [created] = createObjects(state, request, type, [request.body]);
    reply.code(201);
    return created;
  });

  app.patch<{ Params: Params }>(`${base}/:objectId`, async (request) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const body = expectObject(request.body, 'body');
    const [updated] = updateObjects(
      state,
      request,
      type,
      [{ id: request.params.objectId, properties: body.properties }],
      true,
    );
    return updated;
  });

  app.delete<{ Params: Params }>(`${base}/:objectId`, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const id = parseId(request.params.objectId ?? '');
    if (id !== undefined && state.portal.tables[type].rowOf(id) !== undefined) {
      state.commit([{ op: 'archive', type, id, at: Date.now(), actor: request.actor }]);
    }
    reply.code(204);
  });

  app.post<{ Params: Params }>(`${base}/batch/read`, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const inputs = batchInputs(request.body, BATCH_LIMIT);
    const body = expectObject(request.body, 'body');
    if (body.idProperty !== undefined && body.idProperty !== 'hs_object_id') {
      throw validationError(
        `Invalid input: idProperty ${JSON.stringify(body.idProperty)} is not a unique property of ${type}.`,
      );
    }
    const options = {
      properties: optionalStringList(body.properties, 'properties') ?? [],
      propertiesWithHistory: optionalStringList(body.propertiesWithHistory, 'propertiesWithHistory') ?? [],
    };
    const startedAt = new Date();
    const table = state.portal.tables[type];
    const results: SimplePublicObject[] = [];
    const missing: string[] = [];
    for (const [index, input] of inputs.entries()) {
      const id = expectString(expectObject(input, `inputs[${index}]`).id, `inputs[${index}].id`);
      const row = table.rowOf(id, body.archived === true);
      if (row === undefined) missing.push(id);
      else results.push(objectOnTheWire(state.portal, type, row, options));
    }
    if (missing.length === 0) {
      const ok: BatchResponseSimplePublicObject = {
        status: 'COMPLETE' as BatchResponseSimplePublicObject['status'],
        results,
        startedAt,
        completedAt: new Date(),
      };
      return ok;
    }
    const partial: BatchResponseSimplePublicObjectWithErrors = {
      status: 'COMPLETE' as BatchResponseSimplePublicObjectWithErrors['status'],
      results,
      numErrors: 1,
      errors: [
        {
          status: 'error',
          category: 'OBJECT_NOT_FOUND',
          message: `Could not get some ${type} objects, they may be deleted or not exist. Check that ids are valid.`,
          context: { ids: missing },
          links: {},
          errors: [],
        },
      ],
      startedAt,
      completedAt: new Date(),
    };
    reply.code(207);
    return partial;
  });

  app.post<{ Params: Params }>(`${base}/batch/create`, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const startedAt = new Date();
    const results = createObjects(state, request, type, batchInputs(request.body, BATCH_LIMIT));
    reply.code(201);
    return batchResponse(results, startedAt);
  });

  app.post<{ Params: Params }>(`${base}/batch/update`, async (request) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const startedAt = new Date();
    const inputs = batchInputs(request.body, BATCH_LIMIT).map((input, index) => {
      const object = expectObject(input, `inputs[${index}]`);
      return { id: expectString(object.id, `inputs[${index}].id`), properties: object.properties };
    });
    return batchResponse(updateObjects(state, request, type, inputs, false), startedAt);
  });

  app.post<{ Params: Params }>(`${base}/batch/archive`, async (request, reply) => {
    const type = objectTypeOrThrow(request.params.objectType).name;
    const table = state.portal.tables[type];
    const at = Date.now();
    const mutations: Mutation[] = [];
    for (const [index, input] of batchInputs(request.body, BATCH_LIMIT).entries()) {
      const id = parseId(expectString(expectObject(input, `inputs[${index}]`).id, `inputs[${index}].id`));
      if (
        id !== undefined &&
        table.rowOf(id) !== undefined &&
        !mutations.some((m) => m.op === 'archive' && m.id === id)
      ) {
        mutations.push({ op: 'archive', type, id, at, actor: request.actor });
      }
    }
    state.commit(mutations);
    reply.code(204);
  });
}

function readOptions(query: unknown) {
  return {
    properties: queryList(query, 'properties') ?? [],
    propertiesWithHistory: queryList(query, 'propertiesWithHistory') ?? [],
    associations: queryList(query, 'associations') ?? [],
  };
}

function batchResponse(results: SimplePublicObject[], startedAt: Date): BatchResponseSimplePublicObject {
  return {
    status: 'COMPLETE' as BatchResponseSimplePublicObject['status'],
    results,
    startedAt,
    completedAt: new Date(),
  };
}

/** Validates every input (properties and inline associations) before creating any object. */
function createObjects(
  state: SandboxState,
  request: FastifyRequest,
  type: ObjectTypeName,
  inputs: unknown[],
): SimplePublicObject[] {
  const portal = state.portal;
  const table = portal.tables[type];
  const at = Date.now();
  const mutations: Mutation[] = [];
  let nextId = table.nextId();
  for (const [index, raw] of inputs.entries()) {
    const path = inputs.length === 1 && !Array.isArray(raw) ? '' : `inputs[${index}].`;
    const input = expectObject(raw, path ? `inputs[${index}]` : 'body');
    const properties = validatedProperties(portal, type, input.properties ?? {}, `${path}properties`);
    checkStageInPipeline(portal, type, properties);
    const id = nextId++;
    mutations.push({ op: 'create', type, id, at, actor: request.actor, properties });
    mutations.push(...inlineAssociations(state, type, id, input.associations, `${path}associations`));
  }
  state.commit(mutations);
  return answerWrites(state, type, mutations);
}

/** HubSpot answers a write with the properties it wrote plus its own three. */
function answerWrites(
  state: SandboxState,
  type: ObjectTypeName,
  mutations: Mutation[],
): SimplePublicObject[] {
  const table = state.portal.tables[type];
  return mutations.flatMap((m) => {
    if (m.op !== 'create' && m.op !== 'update') return [];
    const row = table.rowOf(m.id);
    return row === undefined
      ? []
      : [objectOnTheWire(state.portal, type, row, { properties: Object.keys(m.properties) })];
  });
}

function inlineAssociations(
  state: SandboxState,
  type: ObjectTypeName,
  id: number,
  raw: unknown,
  path: string,
): Mutation[] {
  if (raw === undefined || raw === null) return [];
  return expectArray(raw, path).map((item, index) => {
    const association = expectObject(item, `${path}[${index}]`);
    const toId = expectString(
      expectObject(association.to, `${path}[${index}].to`).id,
      `${path}[${index}].to.id`,
    );
    const typeIds = expectArray(association.types, `${path}[${index}].types`).map((spec, typeIndex) => {
      const at = `${path}[${index}].types[${typeIndex}]`;
      return expectInteger(expectObject(spec, at).associationTypeId, `${at}.associationTypeId`);
    });
    if (typeIds.length === 0)
      throw validationError(
        `Invalid input: ${path}[${index}].types must name at least one association type.`,
      );
    const first = state.portal.labels.get(typeIds[0]!);
    if (
      !first ||
      first.from !== type ||
      typeIds.some((typeId) => state.portal.labels.get(typeId)?.to !== first.to)
    ) {
      throw validationError(
        `${path}[${index}]: association type ${typeIds.join(', ')} is not valid from ${type}.`,
      );
    }
    const toNumeric = parseId(toId);
    if (toNumeric === undefined || state.portal.tables[first.to].rowOf(toNumeric) === undefined) {
      throw validationError(`${path}[${index}].to.id: ${first.to} ${toId} does not exist.`);
    }
    return { op: 'associate' as const, from: type, fromId: id, to: first.to, toId: toNumeric, add: typeIds };
  });
}

/** Validates every input (ids exist, no duplicates, properties) before changing any object. */
function updateObjects(
  state: SandboxState,
  request: FastifyRequest,
  type: ObjectTypeName,
  inputs: { id: string | undefined; properties: unknown }[],
  single: boolean,
): SimplePublicObject[] {
  const portal = state.portal;
  const table = portal.tables[type];
  const at = Date.now();
  const seen = new Set<number>();
  const missing: string[] = [];
  const mutations: Mutation[] = [];
  for (const [index, input] of inputs.entries()) {
    const id = parseId(input.id ?? '');
    if (id === undefined || table.rowOf(id) === undefined) {
      missing.push(String(input.id));
      continue;
    }
    if (seen.has(id))
      throw validationError(`Duplicate IDs found in batch input: [${id}]. IDs must be unique`);
    seen.add(id);
    const path = single ? 'properties' : `inputs[${index}].properties`;
    const properties = validatedProperties(portal, type, input.properties, path);
    const row = table.rowOf(id)!;
    checkStageInPipeline(portal, type, properties, (name) => table.wireValue(row, name));
    mutations.push({ op: 'update', type, id, at, actor: request.actor, properties });
  }
  if (missing.length > 0) {
    if (single) throw notFound();
    throw validationError(
      `Could not update some ${type}: ids ${missing.join(', ')} do not exist. Nothing was updated.`,
      {
        context: { ids: missing },
      },
    );
  }
  state.commit(mutations);
  return answerWrites(state, type, mutations);
}
