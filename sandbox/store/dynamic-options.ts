import type { PropertyOption } from '#src/hubspot/catalog/index';
import type { Portal } from './portal.ts';

/**
 * Owner, pipeline and stage properties are enumerations whose options HubSpot derives from the
 * owners and pipelines of the portal. Re-derives them after either changes.
 */
export function syncDynamicOptions(portal: Portal): void {
  const owners = [...portal.owners.values()].map((owner, displayOrder) =>
    option(owner.id, `${owner.firstName} ${owner.lastName}`.trim() || owner.email, displayOrder),
  );
  for (const schema of Object.values(portal.schemas)) setOptions(schema, 'hubspot_owner_id', owners);
  for (const [objectType, pipelineProperty, stageProperty] of [
    ['deals', 'pipeline', 'dealstage'],
    ['tickets', 'hs_pipeline', 'hs_pipeline_stage'],
  ] as const) {
    const pipelines = [...portal.pipelines[objectType].values()].sort(
      (a, b) => a.displayOrder - b.displayOrder,
    );
    setOptions(
      portal.schemas[objectType],
      pipelineProperty,
      pipelines.map((p, i) => option(p.id, p.label, i)),
    );
    const stages = pipelines.flatMap((pipeline) => pipeline.stages.map((stage) => ({ pipeline, stage })));
    setOptions(
      portal.schemas[objectType],
      stageProperty,
      stages.map(({ pipeline, stage }, i) => option(stage.id, `${stage.label} (${pipeline.label})`, i)),
    );
  }
}

function option(value: string, label: string, displayOrder: number): PropertyOption {
  return { value, label, displayOrder, hidden: false };
}

function setOptions(
  schema: Portal['schemas'][keyof Portal['schemas']],
  name: string,
  options: PropertyOption[],
): void {
  const property = schema.get(name);
  if (property) schema.put({ ...property, options });
}
