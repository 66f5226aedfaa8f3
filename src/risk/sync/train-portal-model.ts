import { byRowId, historyFromRows, type BacktestRow } from '../backtest/backtest-rows';
import { runBacktest } from '../backtest/backtest';
import { buildRulesModel } from '../model/rules-model';
import { trainRiskModel } from '../model/train';
import type { RiskSettings } from '../settings';
import { signalFeatures } from '../signal-features';
import type { CompanyFeatures } from './company-features';
import type { StoredRiskModel } from './stores';
import type { HistoryCheck } from './summary';

/**
 * Phase 2: a model learned from the portal's past renewals when there are enough (trainRiskModel
 * falls back to the rules itself with too few churns), else the rules-based model with baselines
 * from today's accounts. With history, a grouped cross-validated backtest says how well it ranks.
 */
export function trainPortalModel(
  unorderedRows: readonly BacktestRow[],
  unorderedCompanies: readonly CompanyFeatures[],
  settings: RiskSettings,
  now: Date,
  evaluate: boolean,
): { stored: StoredRiskModel; history: HistoryCheck | null } {
  // Pages are read concurrently and finish out of order. The folds, and so the calibration and cut
  // points, follow row order: unsorted, a second sync the same day would rewrite every probability.
  const rows = [...unorderedRows].sort(byRowId);
  const companies = [...unorderedCompanies].sort((a, b) => byRowId({ id: a.companyId }, { id: b.companyId }));
  const features = signalFeatures(settings);
  const churned = rows.filter((r) => r.outcome === 'churned').length;
  const model =
    rows.length > 0
      ? trainRiskModel(historyFromRows(rows, features), settings)
      : buildRulesModel(features, settings, { population: population(companies, features.length) });
  if (rows.length === 0) model.notes.push('No past renewals with an outcome in the portal.');
  const report = evaluate && rows.length > 0 ? runBacktest(rows, features, settings) : null;
  return {
    stored: {
      model,
      trainedAt: now.toISOString(),
      heldOutAuc: model.kind === 'learned' ? (report?.auc ?? null) : null,
      renewals: rows.length,
      churned,
    },
    history: report && {
      renewals: report.renewals,
      churned: report.churned,
      auc: report.auc,
      rulesAuc: report.rulesAuc,
      bottomTwo: report.bottomTwo,
      tiers: report.tiers,
    },
  };
}

function population(companies: readonly CompanyFeatures[], d: number) {
  const values = new Float64Array(companies.length * d);
  companies.forEach((c, i) => values.set(c.values, i * d));
  return { values, segments: companies.map((c) => c.segment) };
}
