import { describe, expect, it } from 'vitest';
import { cutPointsByQuantile, cutPointsFromHistory, reachableShare } from '#src/risk/model/cut-points';
import { seededRandom } from '#src/random/seeded-random';
import { DEFAULT_RISK_SETTINGS } from '#src/risk/settings';

const shares = DEFAULT_RISK_SETTINGS.tiers;

function tierShares(probabilities: number[], cuts: ReturnType<typeof cutPointsFromHistory>) {
  const count = (test: (p: number) => boolean) => probabilities.filter(test).length / probabilities.length;
  return {
    bottomTwo: count((p) => p >= cuts.belowAverage),
    churnRisk: count((p) => p >= cuts.churnRisk),
    average: count((p) => p >= cuts.average && p < cuts.belowAverage),
    aboveAverage: count((p) => p >= cuts.aboveAverage && p < cuts.average),
    likely: count((p) => p < cuts.aboveAverage),
  };
}

describe('tier cut points from past renewals', () => {
  const random = seededRandom(3);
  const probabilities = Array.from({ length: 1000 }, () => random());
  const churned = probabilities.map((p) => (random() < p * 0.4 ? 1 : 0));

  it('puts 20–25% of accounts in the bottom two tiers', () => {
    const share = tierShares(probabilities, cutPointsFromHistory(probabilities, churned, shares)).bottomTwo;
    expect(share).toBeGreaterThanOrEqual(0.2);
    expect(share).toBeLessThanOrEqual(0.25);
  });

  it('chooses, within that band less its sampling margin, the cut that catches the most churn', () => {
    const cuts = cutPointsFromHistory(probabilities, churned, shares);
    const caught = (threshold: number) =>
      probabilities.reduce((a, p, i) => a + (p >= threshold ? churned[i]! : 0), 0);
    const sorted = [...probabilities].sort((a, b) => b - a);
    // 25% less 1.645 standard errors of a 25% share on 1,000 accounts: 22.7%.
    const highest = Math.floor(reachableShare(shares, 1000) * 1000);
    expect(highest).toBe(227);
    for (let k = 200; k <= highest; k++)
      expect(caught(cuts.belowAverage)).toBeGreaterThanOrEqual(caught(sorted[k - 1]!));
    expect(tierShares(probabilities, cuts).bottomTwo).toBeLessThanOrEqual(0.227);
  });

  it('keeps most new samples of the same population inside the band, where the top of the band would not', () => {
    let over = 0;
    let overAtTheTop = 0;
    for (let sample = 0; sample < 200; sample++) {
      const past = Array.from({ length: 1000 }, () => random());
      const outcomes = past.map((p) => (random() < p * 0.4 ? 1 : 0));
      const next = Array.from({ length: 1000 }, () => random());
      const share = (threshold: number) => next.filter((p) => p >= threshold).length / next.length;
      if (share(cutPointsFromHistory(past, outcomes, shares).belowAverage) > 0.25) over++;
      const top = [...past].sort((a, b) => b - a);
      if (share((top[249]! + top[250]!) / 2) > 0.25) overAtTheTop++;
    }
    // The margin covers the history's sampling error; the new sample's own error remains, so about
    // one in ten goes over, against about half at the top of the band.
    expect(over).toBeLessThanOrEqual(25);
    expect(overAtTheTop).toBeGreaterThanOrEqual(80);
  });

  it('prefers the cut nearest 22.5% when the churn caught is the same', () => {
    const noChurn = probabilities.map(() => 0);
    const share = tierShares(probabilities, cutPointsFromHistory(probabilities, noChurn, shares)).bottomTwo;
    expect(share).toBeCloseTo(0.225, 3);
  });

  it('splits the bottom two in halves and the rest in thirds', () => {
    const s = tierShares(probabilities, cutPointsFromHistory(probabilities, churned, shares));
    expect(s.churnRisk).toBeCloseTo(s.bottomTwo / 2, 2);
    for (const third of [s.average, s.aboveAverage, s.likely])
      expect(third).toBeCloseTo((1 - s.bottomTwo) / 3, 2);
  });

  it('falls back to score quantiles when there are no outcomes', () => {
    const s = tierShares(probabilities, cutPointsByQuantile(probabilities, shares));
    expect(s.bottomTwo).toBeCloseTo(0.225, 3);
  });
});
