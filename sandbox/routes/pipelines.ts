import type { CollectionResponsePipelineNoPaging } from '@hubspot/api-client/lib/codegen/crm/pipelines/models/CollectionResponsePipelineNoPaging';
import type { CollectionResponsePipelineStageNoPaging } from '@hubspot/api-client/lib/codegen/crm/pipelines/models/CollectionResponsePipelineStageNoPaging';
import type { Pipeline } from '@hubspot/api-client/lib/codegen/crm/pipelines/models/Pipeline';
import type { PipelineStage } from '@hubspot/api-client/lib/codegen/crm/pipelines/models/PipelineStage';
import type { FastifyInstance } from 'fastify';
import { findObjectType } from '../hubspot/object-types.ts';
import { notFound, validationError } from '../http/errors.ts';
import { expectArray, expectObject, expectString } from '../http/input.ts';
import type { SeedPipeline } from '../seed/records.ts';
import type { SandboxState } from '../state.ts';
import type { PipelineObjectType, StoredPipeline } from '../store/portal.ts';

type Params = { objectType: string; pipelineId?: string; stageId?: string };

/** Pipelines API v3 for deals and tickets: read, and create pipelines with custom (numeric) stage ids. */
export function registerPipelineRoutes(app: FastifyInstance, state: SandboxState): void {
  const base = '/crm/v3/pipelines/:objectType';
  const pipelinesOf = (objectType: string) => state.portal.pipelines[pipelineType(objectType)];
  const pipelineOf = (params: Params) => {
    const pipeline = pipelinesOf(params.objectType).get(params.pipelineId ?? '');
    if (!pipeline) throw notFound(`Unable to find pipeline ${params.pipelineId}`);
    return pipeline;
  };

  app.get<{ Params: Params }>(base, async (request) => {
    const pipelines = [...pipelinesOf(request.params.objectType).values()].sort(
      (a, b) => a.displayOrder - b.displayOrder,
    );
    const body: CollectionResponsePipelineNoPaging = { results: pipelines.map(pipelineOnTheWire) };
    return body;
  });

  app.get<{ Params: Params }>(`${base}/:pipelineId`, async (request) =>
    pipelineOnTheWire(pipelineOf(request.params)),
  );

  app.get<{ Params: Params }>(`${base}/:pipelineId/stages`, async (request) => {
    const pipeline = pipelineOf(request.params);
    const body: CollectionResponsePipelineStageNoPaging = { results: stagesOnTheWire(pipeline) };
    return body;
  });

  app.get<{ Params: Params }>(`${base}/:pipelineId/stages/:stageId`, async (request) => {
    const stage = stagesOnTheWire(pipelineOf(request.params)).find((s) => s.id === request.params.stageId);
    if (!stage) throw notFound(`Unable to find stage ${request.params.stageId}`);
    return stage;
  });

  app.post<{ Params: Params }>(base, async (request, reply) => {
    const objectType = pipelineType(request.params.objectType);
    const pipeline = newPipeline(state, objectType, request.body);
    state.commit([{ op: 'putPipeline', objectType, pipeline, at: Date.now() }]);
    reply.code(201);
    return pipelineOnTheWire(state.portal.pipelines[objectType].get(pipeline.id)!);
  });
}

function pipelineType(objectType: string): PipelineObjectType {
  const name = findObjectType(objectType)?.name;
  if (name !== 'deals' && name !== 'tickets') {
    throw validationError(
      `Unable to infer object type from: ${objectType}. Pipelines exist for deals and tickets.`,
    );
  }
  return name;
}

/** HubSpot gives custom pipelines and stages numeric ids. */
function newPipeline(state: SandboxState, objectType: PipelineObjectType, raw: unknown): SeedPipeline {
  const body = expectObject(raw, 'body');
  const existing = [...Object.values(state.portal.pipelines)].flatMap((map) => [...map.values()]);
  const used = existing
    .flatMap((p) => [p.id, ...p.stages.map((s) => s.id)])
    .map(Number)
    .filter(Number.isFinite);
  let nextId = Math.max(1_000_000, ...used) + 1;
  const stages = expectArray(body.stages, 'stages').map((item, index) => {
    const stage = expectObject(item, `stages[${index}]`);
    const metadata =
      stage.metadata === undefined ? {} : expectObject(stage.metadata, `stages[${index}].metadata`);
    if (objectType === 'deals' && (metadata.probability === undefined || metadata.isClosed === undefined)) {
      throw validationError(
        `Invalid input: stages[${index}].metadata needs probability and isClosed for a deal stage.`,
      );
    }
    return {
      id: String(nextId++),
      label: expectString(stage.label, `stages[${index}].label`),
      displayOrder: typeof stage.displayOrder === 'number' ? stage.displayOrder : index,
      metadata: Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, String(value)])),
    };
  });
  if (stages.length === 0) throw validationError('Invalid input: a pipeline needs at least one stage.');
  return {
    id: String(nextId++),
    label: expectString(body.label, 'label'),
    displayOrder: typeof body.displayOrder === 'number' ? body.displayOrder : existing.length,
    stages,
  };
}

function stagesOnTheWire(pipeline: StoredPipeline): PipelineStage[] {
  return pipeline.stages.map((stage) => ({
    id: stage.id,
    label: stage.label,
    displayOrder: stage.displayOrder,
    metadata: { ...stage.metadata },
    createdAt: new Date(pipeline.createdAt),
    updatedAt: new Date(pipeline.updatedAt),
    archived: false,
    writePermissions: 'CRM_PERMISSIONS_ENFORCEMENT' as PipelineStage['writePermissions'],
  }));
}

function pipelineOnTheWire(pipeline: StoredPipeline): Pipeline {
  return {
    id: pipeline.id,
    label: pipeline.label,
    displayOrder: pipeline.displayOrder,
    stages: stagesOnTheWire(pipeline),
    createdAt: new Date(pipeline.createdAt),
    updatedAt: new Date(pipeline.updatedAt),
    archived: false,
  };
}
