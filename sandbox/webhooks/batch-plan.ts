import type { DeliveryOptions } from './config';
import type { PendingEvent } from './payload';
import { shuffle, type Random } from '#src/random/seeded-random';

/** HubSpot sends at most this many events in one request. */
export const MAX_EVENTS_PER_REQUEST = 100;

export interface PlannedBatch {
  events: PendingEvent[];
  /** A second copy of a batch, sent by the duplicateRate fault switch. */
  duplicate: boolean;
}

export interface BatchPlan {
  batches: PlannedBatch[];
  /** Events the dropRate fault switch never sends. */
  dropped: PendingEvent[];
}

type FaultSwitches = Pick<DeliveryOptions, 'dropRate' | 'shuffle' | 'duplicateRate'>;

/**
 * Cuts the events collected in one batch window into requests, applying the fault switches: drop a
 * fraction of events, shuffle events within and across batches, and send a fraction of batches twice.
 */
export function planBatches(
  events: readonly PendingEvent[],
  faults: FaultSwitches,
  random: Random,
): BatchPlan {
  const dropped: PendingEvent[] = [];
  const kept: PendingEvent[] = [];
  for (const event of events)
    (faults.dropRate > 0 && random() < faults.dropRate ? dropped : kept).push(event);
  if (faults.shuffle) shuffle(kept, random);

  const batches: PlannedBatch[] = [];
  for (let start = 0; start < kept.length; start += MAX_EVENTS_PER_REQUEST) {
    const batch = { events: kept.slice(start, start + MAX_EVENTS_PER_REQUEST), duplicate: false };
    batches.push(batch);
    if (faults.duplicateRate > 0 && random() < faults.duplicateRate)
      batches.push({ ...batch, duplicate: true });
  }
  if (faults.shuffle) shuffle(batches, random);
  return { batches, dropped };
}
