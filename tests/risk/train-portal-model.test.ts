import { describe, expect, it } from 'vitest';
import { seededRandom } from '#src/random/seeded-random';
import { DEFAULT_RISK_SETTINGS } from '#src/risk/settings';
import { trainPortalModel } from '#src/risk/sync/train-portal-model';
import { syntheticRenewals } from './synthetic-renewals';

function shuffled<T>(items: readonly T[], seed: number): T[] {
  const random = seededRandom(seed);
  const copy = [...items];
  for (let i = copy.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [copy[i], copy[j]] = [copy[j]!, copy[i]!];
  }
  return copy;
}

describe('training on the portal’s history', () => {
  // The sync reads pages concurrently, so rows arrive in a different order on every run; a model
  // that followed the order would rewrite every company's probability on a second sync.
  it('learns the same model, held-out check and cut points whatever order the rows arrive in', () => {
    const rows = syntheticRenewals(1200);
    const now = new Date('2026-06-01T00:00:00Z');
    const first = trainPortalModel(rows, [], DEFAULT_RISK_SETTINGS, now, true);
    const again = trainPortalModel(shuffled(rows, 3), [], DEFAULT_RISK_SETTINGS, now, true);

    expect(first.stored.model.kind).toBe('learned');
    expect(again.stored).toEqual(first.stored);
    expect(again.history).toEqual(first.history);
  });
});
