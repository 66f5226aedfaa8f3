import type { Pipeline, PipelineStage, PropertyChange } from '#src/crm/records';

/**
 * Won, lost and open stages, read from stage metadata. Custom pipelines use numeric stage ids, so
 * `closedwon` is never assumed.
 */
export const isWonStage = (stage: PipelineStage) =>
  stage.metadata.isClosed === 'true' && Number(stage.metadata.probability) === 1;

export const isLostStage = (stage: PipelineStage) =>
  stage.metadata.isClosed === 'true' && Number(stage.metadata.probability) === 0;

export const isOpenStage = (stage: PipelineStage) => stage.metadata.isClosed !== 'true';

/** Every won stage id across the given pipelines. */
export function wonStageIds(pipelines: readonly Pipeline[]): ReadonlySet<string> {
  return new Set(pipelines.flatMap((p) => p.stages.filter(isWonStage).map((s) => s.id)));
}

export function lostStageIds(pipelines: readonly Pipeline[]): ReadonlySet<string> {
  return new Set(pipelines.flatMap((p) => p.stages.filter(isLostStage).map((s) => s.id)));
}

export function openStageIds(pipelines: readonly Pipeline[]): ReadonlySet<string> {
  return new Set(pipelines.flatMap((p) => p.stages.filter(isOpenStage).map((s) => s.id)));
}

const newestFirst = (history: readonly PropertyChange[]) =>
  [...history].sort((a, b) => Date.parse(b.timestamp) - Date.parse(a.timestamp));

/**
 * When the deal entered the won stage it is in now: the oldest entry of the run of won stages at the
 * top of its history. Identifies one "won-stage entry", so a violation is reported once per entry.
 */
export function wonStageEntry(
  dealstageHistory: readonly PropertyChange[],
  wonStages: ReadonlySet<string>,
): PropertyChange | null {
  let entry: PropertyChange | null = null;
  for (const change of newestFirst(dealstageHistory)) {
    if (!wonStages.has(change.value)) break;
    entry = change;
  }
  return entry;
}

/**
 * The stage to move a deal back to: the open stage of this pipeline it held most recently before
 * entering the won stage; without one in its history, the pipeline's last open stage.
 */
export function stageBeforeWon(
  dealstageHistory: readonly PropertyChange[],
  wonStages: ReadonlySet<string>,
  pipeline: Pipeline,
): string | null {
  const open = new Set(pipeline.stages.filter(isOpenStage).map((s) => s.id));
  const earlier = newestFirst(dealstageHistory);
  const firstNotWon = earlier.findIndex((c) => !wonStages.has(c.value));
  const fromHistory = firstNotWon < 0 ? undefined : earlier.slice(firstNotWon).find((c) => open.has(c.value));
  if (fromHistory) return fromHistory.value;
  const lastOpen = pipeline.stages.filter(isOpenStage).sort((a, b) => b.displayOrder - a.displayOrder)[0];
  return lastOpen?.id ?? null;
}

export function stageLabel(pipeline: Pipeline, stageId: string): string {
  return pipeline.stages.find((s) => s.id === stageId)?.label ?? stageId;
}
