import type { ObjectTypeName } from '../hubspot/object-types.ts';
import type { Portal } from '../store/portal.ts';
import { parseValue } from '../store/values.ts';
import { invalidProperties, type PropertyProblem } from './errors.ts';
import { expectObject } from './input.ts';

/**
 * Checks a write's `properties` like HubSpot: every name must exist on the type, computed ones are
 * read-only, and values must fit the property's type and options. All problems are reported at once.
 */
export function validatedProperties(
  portal: Portal,
  type: ObjectTypeName,
  raw: unknown,
  path = 'properties',
): Record<string, string> {
  const input = raw === undefined ? {} : expectObject(raw, path);
  const schema = portal.schemas[type];
  const problems: PropertyProblem[] = [];
  const properties: Record<string, string> = {};
  for (const [name, value] of Object.entries(input)) {
    const property = schema.get(name);
    if (!property) {
      problems.push({
        isValid: false,
        message: `Property "${name}" does not exist`,
        error: 'PROPERTY_DOESNT_EXIST',
        name,
      });
      continue;
    }
    if (property.readOnlyValue) {
      problems.push({
        isValid: false,
        message: `${name} is a read only property; its value cannot be set.`,
        error: 'READ_ONLY_VALUE',
        name,
      });
      continue;
    }
    const parsed = parseValue(property, value);
    if (!parsed.ok) problems.push(parsed.problem);
    else properties[name] = value === null ? '' : String(value);
  }
  if (problems.length > 0) throw invalidProperties(problems);
  return properties;
}

/** The pipeline and stage properties of the types that have pipelines, and HubSpot's default pipeline. */
const PIPELINE_PROPERTIES = {
  deals: { pipeline: 'pipeline', stage: 'dealstage', defaultPipeline: 'default' },
  tickets: { pipeline: 'hs_pipeline', stage: 'hs_pipeline_stage', defaultPipeline: '0' },
} as const;

/**
 * A stage must belong to the object's pipeline (the one written, else the one it has, else the
 * default), not just to some pipeline of the portal: HubSpot refuses a deal in its renewal
 * pipeline moved to the sales pipeline's "closedwon". `current` reads the object's stored value.
 */
export function checkStageInPipeline(
  portal: Portal,
  type: ObjectTypeName,
  properties: Record<string, string>,
  current: (name: string) => string | undefined = () => undefined,
): void {
  if (type !== 'deals' && type !== 'tickets') return;
  const names = PIPELINE_PROPERTIES[type];
  if (!(names.stage in properties) && !(names.pipeline in properties)) return;
  const pipelineId = properties[names.pipeline] || current(names.pipeline) || names.defaultPipeline;
  const stage = properties[names.stage] ?? current(names.stage);
  const pipeline = portal.pipelines[type].get(pipelineId);
  if (!stage || !pipeline || pipeline.stages.some((s) => s.id === stage)) return;
  throw invalidProperties([
    {
      isValid: false,
      message: `${stage} is not a stage of pipeline ${pipelineId} (${pipeline.label}); its stages are: [${pipeline.stages.map((s) => s.id).join(', ')}]`,
      error: 'INVALID_OPTION',
      name: names.stage,
    },
  ]);
}
