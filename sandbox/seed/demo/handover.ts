import { HANDOVER_PROPERTIES, NO_COMMITMENTS_MARKER, type HandoverProperty } from '#src/handover/fields';
import { COMMITMENTS, CRITERIA, OUTCOMES, PLACEHOLDERS, WEAK_CRITERIA, WEAK_OUTCOMES } from './handover-text';
import type { Random } from './random';
import { DAY_MS, isoDate } from './time';

export interface HandoverContext {
  createdAt: number;
  /** Closed or expected close. */
  closeAt: number;
  championId: string;
}

/** All five fields pass DESIGN.md §1's rules. */
export function completeHandover(random: Random, deal: HandoverContext): Record<HandoverProperty, string> {
  const first = random.int(0, CRITERIA.length - 1);
  const lines = random.int(1, 3);
  const criteria = Array.from({ length: lines }, (_, i) => CRITERIA[(first + i) % CRITERIA.length]).join(
    '\n',
  );
  return {
    rg_desired_outcome: random.pick(OUTCOMES),
    rg_success_criteria: criteria,
    rg_champion_contact_id: deal.championId,
    rg_first_value_date: isoDate(deal.closeAt + random.int(21, 180) * DAY_MS),
    rg_commitments: random.chance(0.25) ? NO_COMMITMENTS_MARKER : random.pick(COMMITMENTS),
  };
}

/** One field as an AE leaves it when nobody checks: missing, a placeholder, or too thin to pass. */
function weakValue(random: Random, property: HandoverProperty): string | undefined {
  if (random.chance(0.45)) return undefined;
  if (property === 'rg_desired_outcome' && random.chance(0.5)) return random.pick(WEAK_OUTCOMES);
  if (property === 'rg_success_criteria' && random.chance(0.5)) return random.pick(WEAK_CRITERIA);
  if (property === 'rg_champion_contact_id' || property === 'rg_first_value_date') return undefined;
  return random.pick(PLACEHOLDERS);
}

/**
 * `goodFields` of the five pass (chosen at random), the others are weak or missing, so the
 * handover is never complete. Returned without the missing ones.
 */
export function partialHandover(
  random: Random,
  deal: HandoverContext,
  goodFields: number,
): Record<string, string> {
  const good = completeHandover(random, deal);
  const keep = new Set<HandoverProperty>();
  while (keep.size < Math.min(goodFields, HANDOVER_PROPERTIES.length - 1))
    keep.add(random.pick(HANDOVER_PROPERTIES));
  const fields: Record<string, string> = {};
  for (const property of HANDOVER_PROPERTIES) {
    const value = keep.has(property) ? good[property] : (weakValue(random, property) ?? '');
    if (value !== '') fields[property] = value;
  }
  return fields;
}
