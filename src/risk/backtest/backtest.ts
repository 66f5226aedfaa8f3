import type { RiskSettings } from '../settings';
import type { FeatureSpec } from '../model/features';
import { groupedFolds, timeOrderedFolds } from '../model/folds';
import { selectRows } from '../model/history';
import { fitLogistic } from '../model/logistic';
import { buildRulesModel } from '../model/rules-model';
import { KIND_CODE, relativeToBaseline } from '../model/baselines';
import { compileModel, calibrated, linearScore, segmentSlot, tierIndex } from '../model/score';
import { trainRiskModel } from '../model/train';
import { auc } from './auc';
import { historyFromRows, type BacktestRow } from './backtest-rows';
import { calibrationTable, type CalibrationBin } from './calibration-table';
import { driverImportance, type DriverImportance } from './driver-importance';
import { summariseTiers, type BottomTwoShares, type TierOutcome } from './tier-summary';

/** A single feature this predictive on held-out rows is more likely recorded after the outcome than before it. */
export const LEAK_AUC = 0.95;

export interface BacktestOptions {
  folds?: number;
  /** `grouped` (default): customers dealt into folds; `time`: trained on earlier renewals only. */
  split?: 'grouped' | 'time';
  seed?: number;
}

export interface SegmentResult {
  segment: string;
  renewals: number;
  churned: number;
  auc: number | null;
  rulesAuc: number | null;
  /** How far the learned model's weights moved from the global model toward the segment's own (0–1). */
  ownWeightShare: number;
}

export interface BacktestReport {
  renewals: number;
  churned: number;
  /** Rows scored by a model that never saw their customer. */
  evaluated: number;
  split: { kind: 'grouped' | 'time'; folds: number };
  auc: number | null;
  rulesAuc: number | null;
  segments: SegmentResult[];
  singleFeatures: { feature: string; auc: number | null }[];
  calibration: CalibrationBin[];
  tiers: TierOutcome[];
  bottomTwo: BottomTwoShares;
  rulesBottomTwo: BottomTwoShares;
  drivers: Record<string, DriverImportance[]>;
  leakWarnings: { feature: string; auc: number; message: string }[];
  notes: string[];
}

/**
 * Cross-validated backtest: every renewal is scored by models trained without its customer
 * (grouped folds) or only on earlier renewals (time folds); all figures come from held-out rows.
 * The rules-based default and each feature alone are scored on the same split.
 */
export function runBacktest(
  rows: readonly BacktestRow[],
  features: readonly FeatureSpec[],
  settings: RiskSettings,
  options: BacktestOptions = {},
): BacktestReport {
  const history = historyFromRows(rows, features);
  const kind = options.split ?? 'grouped';
  const folds = Math.max(2, Math.min(options.folds ?? 5, new Set(history.customerIds).size));
  const fold =
    kind === 'time'
      ? timeOrderedFolds(
          history.customerIds,
          rows.map((r) => Date.parse(r.renewalDate ?? '')),
          folds,
        )
      : groupedFolds(history.customerIds, history.churned, folds, options.seed ?? 1);

  const d = features.length;
  const n = history.rows;
  const learned = new Float64Array(n).fill(Number.NaN);
  const learnedTier = new Uint8Array(n);
  const rules = new Float64Array(n).fill(Number.NaN);
  const rulesTier = new Uint8Array(n);
  const single = features.map(() => new Float64Array(n).fill(Number.NaN));
  for (let f = kind === 'time' ? 1 : 0; f < folds; f++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < n; i++) {
      if (fold[i] === f) testRows.push(i);
      else if (kind === 'grouped' || fold[i]! < f) trainRows.push(i);
    }
    if (testRows.length === 0 || trainRows.length === 0) continue;
    const train = selectRows(history, trainRows);
    const score = (model: ReturnType<typeof trainRiskModel>, into: Float64Array, tiers: Uint8Array) => {
      const compiled = compileModel(model);
      for (const i of testRows) {
        const slot = segmentSlot(compiled, history.segments[i]!);
        into[i] = calibrated(compiled, slot, linearScore(compiled, slot, history.values, i * d));
        tiers[i] = tierIndex(compiled, slot, into[i]!);
      }
    };
    score(trainRiskModel(train, settings), learned, learnedTier);
    const rulesModel = buildRulesModel(features, settings, { history: train });
    score(rulesModel, rules, rulesTier);
    // Each feature alone: its direction learned on the training folds, judged on the held-out one.
    const baselineOf = (i: number) =>
      rulesModel.segments[history.segments[i]!] ?? rulesModel.segments['all']!;
    features.forEach((feature, j) => {
      const x = (i: number) =>
        relativeToBaseline(
          KIND_CODE[feature.kind],
          history.values[i * d + j]!,
          baselineOf(i).centers[j]!,
          baselineOf(i).scales[j]!,
        );
      const fit = fitLogistic(
        { rows: trainRows.length, columns: 1, values: Float64Array.from(trainRows, x) },
        train.churned,
        { mean: new Float64Array(2), penalty: Float64Array.of(1e-6, 1e-3) },
      );
      for (const i of testRows) single[j]![i] = fit.coefficients[1]! * x(i);
    });
  }

  const evaluated = Array.from({ length: n }, (_, i) => i).filter((i) => !Number.isNaN(learned[i]!));
  const pick = <T extends ArrayLike<number>>(values: T) => evaluated.map((i) => values[i]!);
  const y = pick(history.churned);
  const arr = evaluated.map((i) => rows[i]!.arr ?? 0);
  const finalModel = trainRiskModel(history, settings);
  const singleFeatures = features.map((feature, j) => ({
    feature: feature.name,
    auc: auc(pick(single[j]!), y),
  }));
  const segments = [...new Set(history.segments)].sort().map((segment): SegmentResult => {
    const inSegment = evaluated.filter((i) => history.segments[i] === segment);
    const ys = inSegment.map((i) => history.churned[i]!);
    return {
      segment,
      renewals: history.segments.filter((s) => s === segment).length,
      churned: history.segments.reduce((a, s, i) => a + (s === segment ? history.churned[i]! : 0), 0),
      auc: auc(
        inSegment.map((i) => learned[i]!),
        ys,
      ),
      rulesAuc: auc(
        inSegment.map((i) => rules[i]!),
        ys,
      ),
      ownWeightShare: finalModel.segments[segment]?.ownWeightShare ?? 0,
    };
  });
  const learnedTiers = summariseTiers(pick(learnedTier), y, arr);
  return {
    renewals: n,
    churned: history.churned.reduce((a, b) => a + b, 0),
    evaluated: evaluated.length,
    split: { kind, folds },
    auc: auc(pick(learned), y),
    rulesAuc: auc(pick(rules), y),
    segments,
    singleFeatures,
    calibration: calibrationTable(pick(learned), y),
    tiers: learnedTiers.tiers,
    bottomTwo: learnedTiers.bottomTwo,
    rulesBottomTwo: summariseTiers(pick(rulesTier), y, arr).bottomTwo,
    drivers: driverImportance(finalModel, history),
    leakWarnings: singleFeatures.flatMap(({ feature, auc: value }) =>
      value !== null && value > LEAK_AUC
        ? [
            {
              feature,
              auc: value,
              message: `${feature} alone predicts the outcome with AUC ${value.toFixed(3)}: check it is not recorded at or after the renewal (leakage).`,
            },
          ]
        : [],
    ),
    notes: finalModel.notes,
  };
}
