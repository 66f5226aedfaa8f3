import { describe, expect, it } from 'vitest';
import { auc } from '#src/risk/backtest/auc';
import { runBacktest } from '#src/risk/backtest/backtest';
import { featureOfColumn } from '#src/risk/backtest/csv-renewals';
import { groupedFolds } from '#src/risk/model/folds';
import { DEFAULT_RISK_SETTINGS } from '#src/risk/settings';
import { SIGNAL_FEATURES } from '#src/risk/signal-features';
import { syntheticRenewals } from './synthetic-renewals';

const features = SIGNAL_FEATURES.filter((f) =>
  ['meetingsCompleted', 'emailsInbound', 'emailsOutbound', 'nps', 'championLeft'].includes(f.name),
);

describe('AUC', () => {
  it('is 1 for a perfect ranking, 0.5 for ties, and counts tied pairs as half', () => {
    expect(auc([0.1, 0.2, 0.8, 0.9], [0, 0, 1, 1])).toBe(1);
    expect(auc([0.5, 0.5, 0.5, 0.5], [0, 1, 0, 1])).toBe(0.5);
    expect(auc([0.1, 0.5, 0.5, 0.9], [0, 0, 1, 1])).toBe(0.875);
    expect(auc([0.1, 0.2], [0, 0])).toBeNull();
  });
});

describe('grouped folds', () => {
  it('keep all renewals of one customer in the same fold and spread churn across folds', () => {
    const customers = Array.from({ length: 300 }, (_, i) => `c${i % 100}`);
    const churned = customers.map((_, i) => (i % 100 < 20 ? 1 : 0));
    const fold = groupedFolds(customers, churned, 5);
    const foldOf = new Map<string, number>();
    customers.forEach((c, i) => {
      expect(foldOf.get(c) ?? fold[i]).toBe(fold[i]);
      foldOf.set(c, fold[i]!);
    });
    for (let f = 0; f < 5; f++) expect(churned.filter((y, i) => y && fold[i] === f).length).toBe(12);
  });
});

describe('backtest on synthetic renewals', () => {
  const report = runBacktest(
    syntheticRenewals(2000, { outboundMatters: true }),
    features,
    DEFAULT_RISK_SETTINGS,
  );

  it('scores every renewal held out and reports AUC, calibration deciles and tiers', () => {
    expect(report.evaluated).toBe(2000);
    expect(report.calibration).toHaveLength(10);
    expect(report.tiers.map((t) => t.tier)).toEqual([
      'likely_to_renew',
      'above_average',
      'average',
      'below_average',
      'churn_risk',
    ]);
    expect(report.segments.map((s) => s.segment)).toEqual(['A', 'B', 'C', 'D', 'I']);
  });

  it('learns what the rules miss: the learned model beats the rules-based default', () => {
    expect(report.auc!).toBeGreaterThan(report.rulesAuc! + 0.03);
    expect(report.bottomTwo.churnShare).toBeGreaterThan(report.rulesBottomTwo.churnShare);
  });

  it('puts about a fifth to a quarter of accounts in the bottom two tiers, holding far more than their share of churn', () => {
    expect(report.bottomTwo.accountShare).toBeGreaterThan(0.18);
    expect(report.bottomTwo.accountShare).toBeLessThan(0.27);
    expect(report.bottomTwo.churnShare).toBeGreaterThan(0.4);
  });

  it('is calibrated: predicted churn tracks observed churn from the lowest to the highest decile', () => {
    const first = report.calibration[0]!;
    const last = report.calibration[9]!;
    expect(last.observedChurn).toBeGreaterThan(first.observedChurn + 0.3);
    for (const bin of report.calibration)
      expect(Math.abs(bin.meanPredicted - bin.observedChurn)).toBeLessThan(0.12);
  });

  it('renews less often in each worse tier', () => {
    const rates = report.tiers.map((t) => t.renewalRate!);
    expect(rates[0]!).toBeGreaterThan(rates[2]!);
    expect(rates[2]!).toBeGreaterThan(rates[4]!);
  });

  it('names the factors that matter most per segment, and raises no leak warning on honest data', () => {
    expect(report.drivers['B']![0]!.feature).toBe('emailsOutbound');
    expect(report.drivers['B']![0]!.direction).toBe('more means less risk');
    expect(report.leakWarnings).toEqual([]);
  });

  it('warns when a single feature predicts the outcome too well to be honest', () => {
    const leaky = [...features, featureOfColumn({ column: 'cancellationNotice', kind: 'flag' })];
    const leak = runBacktest(syntheticRenewals(600, { leak: true }), leaky, DEFAULT_RISK_SETTINGS, {
      folds: 3,
    });
    expect(leak.leakWarnings.map((w) => w.feature)).toEqual(['cancellationNotice']);
    expect(leak.leakWarnings[0]!.message).toMatch(
      /cancellationNotice alone predicts the outcome with AUC 1\.000/,
    );
  });

  it('can train only on earlier renewals (time-ordered folds)', () => {
    const timed = runBacktest(syntheticRenewals(800), features, DEFAULT_RISK_SETTINGS, {
      split: 'time',
      folds: 4,
    });
    expect(timed.split).toEqual({ kind: 'time', folds: 4 });
    expect(timed.evaluated).toBeLessThan(800);
    expect(timed.auc!).toBeGreaterThan(0.6);
  });
});
