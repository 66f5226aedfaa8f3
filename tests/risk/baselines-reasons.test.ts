import { describe, expect, it } from 'vitest';
import { measureBaselines, relativeToBaseline, KIND_CODE } from '#src/risk/model/baselines';
import type { FeatureSpec } from '#src/risk/model/features';
import type { RenewalHistory } from '#src/risk/model/history';
import { reasonCodes, riskDriversText } from '#src/risk/model/reasons';
import type { RiskModel, SegmentModel } from '#src/risk/model/risk-model';

const meetings: FeatureSpec = {
  name: 'meetings',
  kind: 'engagement',
  label: 'meetings',
  group: 'engagement',
  defaultWeight: -0.3,
};

function history(rows: { segment: string; meetings: number | null; churned: 0 | 1 }[]): RenewalHistory {
  return {
    features: [meetings],
    rows: rows.length,
    values: Float64Array.from(rows, (r) => r.meetings ?? Number.NaN),
    segments: rows.map((r) => r.segment),
    customerIds: rows.map((_, i) => `c${i}`),
    churned: Uint8Array.from(rows, (r) => r.churned),
  };
}

describe('segment baselines among renewing accounts', () => {
  const rows = [
    ...[10, 12, 8, 10, 11].map((m) => ({ segment: 'small', meetings: m, churned: 0 as const })),
    ...[1000, 1200, 800, 1000, 1100].map((m) => ({ segment: 'large', meetings: m, churned: 0 as const })),
    ...[0, 0, 0].map((m) => ({ segment: 'small', meetings: m, churned: 1 as const })),
  ];
  const baselines = measureBaselines(history(rows), ['small', 'large', 'tiny']);

  it('takes the median of the segment’s renewing accounts, ignoring churned ones', () => {
    expect(baselines.get('small')!.centers[0]).toBe(10);
    expect(baselines.get('large')!.centers[0]).toBe(1000);
  });

  it('makes a small and a large customer comparable: half the baseline is −1 either way', () => {
    const engagement = KIND_CODE.engagement;
    expect(relativeToBaseline(engagement, 5, 10, 1)).toBe(-1);
    expect(relativeToBaseline(engagement, 500, 1000, 1)).toBe(-1);
  });

  it('floors no activity at ⅛ of the baseline and treats missing data as the baseline itself', () => {
    expect(relativeToBaseline(KIND_CODE.engagement, 0, 10, 1)).toBe(-3);
    expect(relativeToBaseline(KIND_CODE.engagement, Number.NaN, 10, 1)).toBe(0);
  });

  it('gives a segment with too few renewing accounts the global baseline', () => {
    // All ten renewing accounts: …, 12 | 800, … → (12 + 800) / 2.
    expect(baselines.get('tiny')!.centers[0]).toBe(406);
  });
});

describe('reason codes', () => {
  const features: FeatureSpec[] = [
    meetings,
    {
      name: 'emailsInbound',
      kind: 'engagement',
      label: 'emails from the customer',
      group: 'engagement',
      defaultWeight: -0.2,
    },
    { name: 'nps', kind: 'number', label: 'NPS', group: 'sentiment', defaultWeight: -0.4 },
    {
      name: 'championLeft',
      kind: 'flag',
      label: 'champion left',
      group: 'champion left',
      defaultWeight: 1.2,
    },
  ];
  const segment: SegmentModel = {
    centers: [10, 20, 8, 0],
    scales: [1, 1, 2, 1],
    intercept: -2,
    weights: [-0.5, -0.2, -0.4, 1.2],
    calibration: { slope: 1, intercept: 0 },
    cutPoints: { churnRisk: 0.4, belowAverage: 0.2, average: 0.1, aboveAverage: 0.05 },
    cutPointSource: 'test',
    renewals: 100,
    churned: 20,
    ownWeightShare: 0.5,
  };
  const model: RiskModel = { kind: 'learned', features, segments: { B: segment, all: segment }, notes: [] };

  it('says in plain words, with the numbers, what raises the risk, strongest first', () => {
    const reasons = reasonCodes(model, 'B', [3, 20, 4, 1], { championLeft: 'champion left on 2026-09-02' });
    expect(reasons.map((r) => [r.effect, r.text])).toEqual([
      ['raises_risk', 'champion left on 2026-09-02'],
      ['raises_risk', "meetings 70% below the segment's renewing accounts (3 vs 10)"],
      ['raises_risk', "NPS 4 vs 8 for the segment's renewing accounts"],
    ]);
  });

  it('gives one reason per group, in the direction of the group’s net effect', () => {
    // Meetings well below the baseline, emails above: engagement as a whole raises risk, worded by meetings.
    const reasons = reasonCodes(model, 'B', [2, 40, 8, 0]);
    const engagement = reasons.filter((r) => r.group === 'engagement');
    expect(engagement).toHaveLength(1);
    expect(engagement[0]).toMatchObject({ effect: 'raises_risk', feature: 'meetings' });
  });

  it('reports strengths too, and writes the drivers text from the risks and the data gaps', () => {
    const reasons = reasonCodes(model, 'B', [30, 40, 10, 0]);
    expect(reasons.every((r) => r.effect === 'lowers_risk')).toBe(true);
    expect(reasons[0]!.text).toBe("meetings 3× the segment's renewing accounts (30 vs 10)");
    expect(riskDriversText(reasons, ['no usage data'])).toBe(
      'No risk drivers stand out. Data gaps: no usage data',
    );
  });
});
