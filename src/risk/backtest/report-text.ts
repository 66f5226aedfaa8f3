import { RISK_TIER_LABELS } from '../tiers';
import type { BacktestReport } from './backtest';
import type { RejectedRow } from './csv-renewals';

const percent = (share: number) => `${(share * 100).toFixed(1)}%`;
const auc = (value: number | null) => (value === null ? 'n/a' : value.toFixed(3));

/** The backtest as a person reads it in a terminal. */
export function formatBacktestReport(report: BacktestReport, rejected: readonly RejectedRow[] = []): string {
  const lines: string[] = [];
  lines.push(`Renewal risk backtest: ${report.renewals} renewals, ${report.churned} churned`);
  lines.push(
    `  ${report.split.kind === 'time' ? 'time-ordered' : 'customer-grouped'} ${report.split.folds}-fold cross-validation; ${report.evaluated} renewals scored held-out`,
  );
  for (const row of rejected) lines.push(`  skipped line ${row.line}: ${row.reason}`);
  lines.push('', `AUC ${auc(report.auc)} (rules-based default ${auc(report.rulesAuc)})`);
  lines.push('', 'Per segment            renewals  churned  AUC     rules   own weights');
  for (const s of report.segments) {
    lines.push(
      `  ${s.segment.padEnd(20)} ${String(s.renewals).padStart(8)} ${String(s.churned).padStart(8)}  ${auc(s.auc).padEnd(7)} ${auc(s.rulesAuc).padEnd(7)} ${percent(s.ownWeightShare)}`,
    );
  }
  lines.push('', 'Tiers                  accounts  churned  renewal rate  ARR');
  for (const t of report.tiers) {
    lines.push(
      `  ${RISK_TIER_LABELS[t.tier].padEnd(20)} ${String(t.accounts).padStart(8)} ${String(t.churned).padStart(8)}  ${(t.renewalRate === null ? 'n/a' : percent(t.renewalRate)).padEnd(12)}  ${Math.round(t.arr).toLocaleString('en-US')}`,
    );
  }
  const b = report.bottomTwo;
  lines.push(
    '',
    `Bottom two tiers: ${percent(b.accountShare)} of accounts hold ${percent(b.churnShare)} of churn (by ARR: ${percent(b.arrShare)} hold ${percent(b.churnArrShare)}); rules-based: ${percent(report.rulesBottomTwo.accountShare)} hold ${percent(report.rulesBottomTwo.churnShare)}`,
  );
  lines.push('', 'Calibration (deciles)   predicted  observed');
  for (const c of report.calibration) {
    lines.push(
      `  ${String(c.bin).padEnd(22)} ${percent(c.meanPredicted).padStart(9)} ${percent(c.observedChurn).padStart(9)}`,
    );
  }
  lines.push('', 'Each feature alone (held-out AUC)');
  for (const f of report.singleFeatures) lines.push(`  ${f.feature.padEnd(28)} ${auc(f.auc)}`);
  lines.push('', 'What matters most per segment (churn log-odds per standard deviation)');
  for (const [segment, drivers] of Object.entries(report.drivers)) {
    lines.push(
      `  ${segment}: ${drivers.map((d) => `${d.label} ${d.importance.toFixed(2)} (${d.direction})`).join('; ')}`,
    );
  }
  for (const warning of report.leakWarnings) lines.push('', `WARNING: ${warning.message}`);
  if (report.notes.length > 0) lines.push('', ...report.notes);
  return lines.join('\n');
}
