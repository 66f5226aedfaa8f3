import type { RiskSettings } from '../settings';
import { measureBaselines } from './baselines';
import { fitPlatt, IDENTITY_CALIBRATION } from './calibration';
import type { FeatureSpec } from './features';
import type { RenewalHistory } from './history';
import { defaultCoefficients, type LinearFit } from './linear-fit';
import type { Calibration, RiskModel } from './risk-model';
import { compileModel, linearScore, segmentSlot } from './score';
import { segmentCutPoints } from './segment-cut-points';
import { probabilitiesOf, segmentsOf, toModel } from './model-assembly';

/** Today's accounts, without outcomes: enough to measure baselines and score quantiles. */
export interface AccountPopulation {
  values: Float64Array;
  segments: readonly string[];
}

/**
 * The rules-based model: documented default weights (signal-features.ts), no learning.
 * Baselines come from past renewals' renewing accounts when there are any, else from the
 * portal's current accounts (all of them stand in for "renewing"), else from the defaults.
 * With history, one global Platt calibration maps the rules' score to a churn probability and
 * cut points are chosen on it; without, the score is read as log-odds around a 12% churn rate and
 * the cut points are score quantiles of the current accounts (or the defaults).
 */
export function buildRulesModel(
  features: readonly FeatureSpec[],
  settings: RiskSettings,
  data: { history?: RenewalHistory; population?: AccountPopulation } = {},
): RiskModel {
  const reference: RenewalHistory = data.history ?? {
    features,
    rows: data.population ? data.population.segments.length : 0,
    values: data.population?.values ?? new Float64Array(0),
    segments: data.population?.segments ?? [],
    customerIds: data.population?.segments.map((_, i) => String(i)) ?? [],
    churned: new Uint8Array(data.population?.segments.length ?? 0),
  };
  const segments = segmentsOf(reference);
  const baselines = measureBaselines(reference, segments);
  const coefficients = defaultCoefficients({ features });
  const fit: LinearFit = { segments: new Map() };
  for (const segment of segments) {
    fit.segments.set(segment, {
      ...baselines.get(segment)!,
      intercept: coefficients[0]!,
      weights: Array.from(coefficients.subarray(1)),
      ownWeightShare: 0,
    });
  }
  const uncalibrated = toModel('rules', reference, fit, new Map(), new Map());
  const calibrations = new Map<string, Calibration>();
  if (data.history && data.history.rows > 0) {
    const compiled = compileModel(uncalibrated);
    const d = features.length;
    const scores = data.history.segments.map((s, i) =>
      linearScore(compiled, segmentSlot(compiled, s), data.history!.values, i * d),
    );
    const global = fitPlatt(scores, data.history.churned);
    for (const segment of segments) calibrations.set(segment, global);
  } else {
    for (const segment of segments) calibrations.set(segment, IDENTITY_CALIBRATION);
  }
  const calibratedModel = toModel('rules', reference, fit, calibrations, new Map());
  const probabilities = probabilitiesOf(calibratedModel, reference.values, reference.segments);
  const cuts = segmentCutPoints(
    probabilities,
    data.history ? data.history.churned : null,
    reference.segments,
    segments,
    settings,
  );
  const model = toModel('rules', reference, fit, calibrations, cuts);
  model.notes.push(
    data.history
      ? `Rules-based weights; baselines and calibration from ${data.history.rows} past renewals.`
      : data.population
        ? `Rules-based weights; baselines from ${reference.rows} current accounts (no renewal history).`
        : 'Rules-based weights and default baselines (no accounts measured).',
  );
  return model;
}
