import { RISK_TIER_LABELS, RISK_TIERS } from '../tiers';
import { isFormerCustomerReason } from './former-customer';
import type { RiskSyncSummary } from './summary';

const percent = (share: number) => `${(100 * share).toFixed(1)}%`;

/** The closing summary of a sync, for people: what was scored, written and skipped, and with which model. */
export function formatRiskSyncSummary(summary: RiskSyncSummary): string {
  const lines: string[] = [];
  const seconds = (Date.parse(summary.finishedAt) - Date.parse(summary.startedAt)) / 1000;
  lines.push(
    `Risk sync (${summary.mode}${summary.dryRun ? ', dry run: nothing written' : ''}) finished in ${seconds.toFixed(1)} s.`,
  );
  if (summary.fallback) lines.push(`Ran as a full sync: ${summary.fallback}.`);

  const segments = Object.keys(summary.tiers).sort();
  if (segments.length > 0) {
    const width = Math.max(...RISK_TIERS.map((t) => RISK_TIER_LABELS[t].length));
    lines.push('', `Tiers per segment (${summary.scored} companies scored):`);
    lines.push(`  ${'tier'.padEnd(width)}  ${segments.map((s) => s.padStart(6)).join('')}   total`);
    for (const tier of RISK_TIERS) {
      const counts = segments.map((s) => summary.tiers[s]![tier]);
      const total = counts.reduce((a, b) => a + b, 0);
      lines.push(
        `  ${RISK_TIER_LABELS[tier].padEnd(width)}  ${counts.map((c) => String(c).padStart(6)).join('')}  ${String(total).padStart(6)}`,
      );
    }
  }

  lines.push(
    '',
    `${summary.dryRun ? 'Would write' : 'Written'}: ${summary.written} companies; unchanged: ${summary.unchanged}; review tasks ${summary.dryRun ? 'due' : 'created'}: ${summary.tasksCreated}.`,
  );
  // Former customers are expected, often hundreds: counted in one line so real problems stay visible.
  const former = summary.skipped.filter((s) => isFormerCustomerReason(s.reason));
  const problems = summary.skipped.filter((s) => !isFormerCustomerReason(s.reason));
  if (former.length > 0) {
    lines.push(`Not scored: ${former.length} former customers (last renewal lost, no renewal open since).`);
  }
  if (problems.length > 0) {
    lines.push(`Skipped ${problems.length}:`);
    for (const s of problems.slice(0, 20)) lines.push(`  company ${s.companyId}: ${s.reason}`);
    if (problems.length > 20) lines.push(`  … and ${problems.length - 20} more`);
  }
  lines.push(
    `HubSpot calls: ${summary.calls.calls} (${summary.calls.rateLimited} answered 429)` +
      (summary.considered > 0
        ? `, ${((100 * summary.calls.calls) / summary.considered).toFixed(0)} per 100 companies.`
        : '.'),
  );

  const m = summary.model;
  const from = m.source === 'stored' ? 'stored model' : 'model trained now';
  if (m.kind === 'learned') {
    lines.push(
      `Model: learned from ${m.renewals} past renewals (${m.churned} churned), ${from}` +
        (m.heldOutAuc !== null ? `; held-out AUC ${m.heldOutAuc.toFixed(3)}.` : '.'),
    );
  } else {
    const why = m.notes.find((n) => /too little|no past renewals/i.test(n)) ?? m.notes.at(-1) ?? '';
    lines.push(`Model: rules-based (${from}) because ${why.charAt(0).toLowerCase()}${why.slice(1)}`);
  }
  const h = summary.history;
  if (h) {
    lines.push(
      `History check (held-out, ${h.renewals} renewals, ${h.churned} churned): bottom two tiers hold ` +
        `${percent(h.bottomTwo.accountShare)} of accounts and ${percent(h.bottomTwo.churnShare)} of churn; ` +
        `renewal rate by tier: ${h.tiers.map((t) => `${RISK_TIER_LABELS[t.tier]} ${t.renewalRate === null ? '–' : percent(t.renewalRate)}`).join(', ')}.`,
    );
  }
  return lines.join('\n');
}
