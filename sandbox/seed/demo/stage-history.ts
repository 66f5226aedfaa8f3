import type { SeedHistoryEntry } from '../records';

/**
 * `dealstage` history as HubSpot keeps it: one entry per stage the deal passed, oldest first,
 * each set by the deal owner in the CRM; the last entry is the current stage.
 */
export function stageHistory(
  stages: readonly string[],
  from: number,
  to: number,
  userId: number,
): SeedHistoryEntry[] {
  const step = stages.length > 1 ? (to - from) / (stages.length - 1) : 0;
  return stages.map((value, i) => ({
    value,
    timestamp: Math.round(from + step * i),
    sourceType: 'CRM_UI',
    sourceId: `userId:${userId}`,
  }));
}
