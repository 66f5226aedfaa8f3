import type { RiskSettings } from '../settings';
import { fitPlatt } from './calibration';
import { groupedFolds } from './folds';
import { countChurned, selectRows, type RenewalHistory } from './history';
import { fitLinear } from './linear-fit';
import { buildRulesModel } from './rules-model';
import type { Calibration, RiskModel } from './risk-model';
import { compileModel, linearScore, segmentSlot } from './score';
import { segmentsOf, toModel } from './model-assembly';
import { segmentCutPoints } from './segment-cut-points';

/** Fewer churn (or renewal) events than this and the learned model is not trusted: the rules apply. */
export const MIN_EVENTS_TO_LEARN = 10;

/**
 * Learns a model from past renewals: pooled weights on all of them; Platt calibration and tier cut
 * points on held-out scores from grouped internal folds (a customer never scores itself).
 */
export function trainRiskModel(history: RenewalHistory, settings: RiskSettings): RiskModel {
  const churned = countChurned(history);
  const renewed = history.rows - churned;
  if (churned < MIN_EVENTS_TO_LEARN || renewed < MIN_EVENTS_TO_LEARN) {
    const rules = buildRulesModel(history.features, settings, { history });
    rules.notes.push(
      `Too little history to learn from (${churned} churned, ${renewed} renewed; ${MIN_EVENTS_TO_LEARN} of each needed): rules-based weights.`,
    );
    return rules;
  }
  const segments = segmentsOf(history);
  const choice = choosePoolStrength(history, segments, settings);
  const chosen = withPoolStrength(settings, choice.poolStrength);
  const heldOut = choice.heldOut;
  const global = fitPlatt(heldOut, history.churned);
  const full = fitLinear(history, segments, chosen);

  const calibrations = new Map<string, Calibration>();
  for (const segment of segments) {
    const rows = rowsOf(history, segment);
    const events = rows.reduce((a, i) => a + history.churned[i]!, 0);
    calibrations.set(
      segment,
      rows.length === 0
        ? global
        : fitPlatt(
            rows.map((i) => heldOut[i]!),
            rows.map((i) => history.churned[i]!),
            { toward: global, interceptOnly: events < settings.model.calibrationSlopeMinEvents },
          ),
    );
  }
  const probabilities = heldOut.map((score, i) => {
    const c = calibrations.get(history.segments[i]!) ?? global;
    return 1 / (1 + Math.exp(-(c.slope * score + c.intercept)));
  });
  const cuts = segmentCutPoints(probabilities, history.churned, history.segments, segments, settings);
  const model = toModel('learned', history, full, calibrations, cuts);
  model.notes.push(
    `Learned from ${history.rows} renewals (${churned} churned) in ${segments.length - 1} segments.`,
    choice.note,
  );
  return model;
}

/**
 * How strongly segments are pooled toward the global model, chosen among
 * `model.poolStrengthChoices` by held-out log-loss on grouped folds (Platt-calibrated, so only
 * the ranking and spread count): a fixed strength fits some portals and overfits others. An empty
 * list keeps `model.poolStrength`. Returns the winner's held-out scores for calibration and cuts.
 */
function choosePoolStrength(
  history: RenewalHistory,
  segments: readonly string[],
  settings: RiskSettings,
): { poolStrength: number; heldOut: Float64Array; note: string } {
  const choices = settings.model.poolStrengthChoices.length
    ? settings.model.poolStrengthChoices
    : [settings.model.poolStrength];
  const tried = choices.map((poolStrength) => {
    const heldOut = heldOutScores(history, segments, withPoolStrength(settings, poolStrength));
    return { poolStrength, heldOut, loss: calibratedLogLoss(heldOut, history.churned) };
  });
  const best = tried.reduce((a, b) => (b.loss < a.loss ? b : a));
  const note =
    tried.length > 1
      ? `Pooling strength ${best.poolStrength} chosen by held-out log-loss (${tried.map((t) => `${t.poolStrength}: ${t.loss.toFixed(4)}`).join(', ')}).`
      : `Pooling strength ${best.poolStrength} (fixed).`;
  return { poolStrength: best.poolStrength, heldOut: best.heldOut, note };
}

const withPoolStrength = (settings: RiskSettings, poolStrength: number): RiskSettings => ({
  ...settings,
  model: { ...settings.model, poolStrength },
});

/** Mean log-loss of held-out scores after one Platt calibration. */
function calibratedLogLoss(scores: Float64Array, churned: Uint8Array): number {
  const c = fitPlatt(scores, churned);
  let loss = 0;
  for (let i = 0; i < scores.length; i++) {
    const z = c.slope * scores[i]! + c.intercept;
    // −log σ(z) for a churn, −log(1 − σ(z)) for a renewal, finite for large |z|.
    const t = churned[i] ? -z : z;
    loss += t > 0 ? t + Math.log1p(Math.exp(-t)) : Math.log1p(Math.exp(t));
  }
  return loss / Math.max(scores.length, 1);
}

/** Each row's linear score from a model trained without its customer. */
function heldOutScores(
  history: RenewalHistory,
  segments: readonly string[],
  settings: RiskSettings,
): Float64Array {
  const customers = new Set(history.customerIds).size;
  const k = Math.min(settings.model.folds, customers);
  const fold = groupedFolds(history.customerIds, history.churned, k);
  const scores = new Float64Array(history.rows);
  const d = history.features.length;
  for (let f = 0; f < k; f++) {
    const trainRows: number[] = [];
    const testRows: number[] = [];
    for (let i = 0; i < history.rows; i++) (fold[i] === f ? testRows : trainRows).push(i);
    const fit = fitLinear(selectRows(history, trainRows), segments, settings);
    const compiled = compileModel(toModel('learned', history, fit, new Map(), new Map()));
    for (const i of testRows) {
      scores[i] = linearScore(compiled, segmentSlot(compiled, history.segments[i]!), history.values, i * d);
    }
  }
  return scores;
}

const rowsOf = (history: RenewalHistory, segment: string): number[] =>
  history.segments.flatMap((s, i) => (s === segment ? [i] : []));
