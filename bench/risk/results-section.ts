import type { BacktestReport } from '#src/risk/backtest/backtest';
import type { RiskSyncSummary } from '#src/risk/sync/summary';
import { RISK_TIER_LABELS } from '#src/risk/tiers';
import type { CallCount } from './request-counts.ts';

interface SyncFigures {
  summary: RiskSyncSummary;
  seconds: number;
  peakRssMiB: number;
  counted: CallCount;
}

export interface RiskBenchFigures {
  date: string;
  machine: string;
  companies: number;
  seedSeconds: number;
  clientLimit: number;
  full: SyncFigures & { requiredSeconds: number };
  delta: SyncFigures & { changed: number };
  scoring: { companies: number; scoringMs: number; withReasonsMs: number };
  backtest: BacktestReport;
}

const pct = (x: number | null | undefined) =>
  x === null || x === undefined ? '–' : `${(100 * x).toFixed(1)}%`;
const num = (x: number) => x.toLocaleString('en');
const verdict = (ok: boolean) => (ok ? 'met' : '**missed**');

/** The `## Risk` section of bench/RESULTS.md. */
export function renderRiskSection(f: RiskBenchFigures): string {
  const ratio = f.full.seconds / f.full.requiredSeconds;
  // Per company read: every listed company costs its page's calls, scored or skipped as churned.
  const perHundred = (100 * f.full.counted.calls) / f.full.summary.considered;
  const deltaShare = f.delta.counted.calls / f.full.counted.calls;
  const calls = (c: CallCount) =>
    Object.entries(c.byEndpoint)
      .sort((a, b) => b[1] - a[1])
      .map(([endpoint, n]) => `${endpoint} ${num(n)}`)
      .join('; ');
  const b = f.backtest;
  const tiers = b.tiers
    .map(
      (t) =>
        `| ${RISK_TIER_LABELS[t.tier]} | ${num(t.accounts)} | ${num(t.churned)} | ${pct(t.renewalRate)} |`,
    )
    .join('\n');
  return `<!-- risk:start -->
## Risk (\`npm run bench -- risk\`)

Measured ${f.date} on ${f.machine}. Demo portal of ${num(f.companies)} companies (seeded in ${f.seedSeconds.toFixed(0)} s) in a sandbox **in its own process** with HubSpot's limit on (190 requests / rolling 10 s, search 5 / s); the sync (\`syncRisk\` through \`createHubSpotRiskCrm\`, client limiter ${f.clientLimit} / 10 s) runs in the bench process. Calls are the sandbox's own count of the app token's requests (\`GET /__sandbox/requests\`).

| what | figure | target |
|---|---|---|
| full sync | ${f.full.seconds.toFixed(0)} s for ${num(f.full.summary.considered)} companies read (${num(f.full.summary.scored)} scored, ${num(f.full.summary.skipped.length)} skipped: churned or gone), ${num(f.full.counted.calls)} calls (${num(f.full.counted.searches)} searches), ${num(f.full.counted.tooManyRequests)} × 429 | |
| time the rate limit alone requires for those calls | ${f.full.requiredSeconds.toFixed(0)} s | |
| full sync ÷ rate-limit time | ${ratio.toFixed(3)} | ≤ 1.15: ${verdict(ratio <= 1.15)} |
| API calls per 100 companies | ${perHundred.toFixed(1)} | |
| delta sync after ${num(f.delta.changed)} companies (1%) changed | ${f.delta.seconds.toFixed(0)} s, ${num(f.delta.counted.calls)} calls, ${num(f.delta.summary.scored)} companies re-scored | |
| delta calls ÷ full calls | ${pct(deltaShare)} | ≤ 5%: ${verdict(deltaShare <= 0.05)} |
| scoring ${num(f.scoring.companies)} companies' metrics in memory | ${f.scoring.scoringMs} ms (${f.scoring.withReasonsMs} ms more with reason codes and drivers text) | < 2 s: ${verdict(f.scoring.scoringMs + f.scoring.withReasonsMs < 2000)} |
| peak RSS of the sync process (full / delta) | ${f.full.peakRssMiB.toFixed(0)} MiB / ${f.delta.peakRssMiB.toFixed(0)} MiB | |

Peak RSS is sampled every 100 ms in the bench process (the sync, the harness and tsx; the sandbox's ~640 MiB is in its own process and not counted); the delta runs in the same process after the full sync, so its peak includes what the full sync left on the heap.

Rate-limit time: n calls in a rolling window of 190 need ⌈n / 190⌉ − 1 full windows of 10 s (the first 190 may start at once); searches likewise in windows of 5 per second; the larger of the two.

Full-sync calls by endpoint: ${calls(f.full.counted)}.
Delta-sync calls by endpoint: ${calls(f.delta.counted)}.

**Backtest on the demo portal** (\`readPortalHistory\` + \`runBacktest\`, ${b.split.kind} ${b.split.folds}-fold, every figure held out): ${num(b.renewals)} past renewals, ${num(b.churned)} churned. AUC ${b.auc?.toFixed(3) ?? '–'} (rules-based default ${b.rulesAuc?.toFixed(3) ?? '–'}). Bottom two tiers: ${pct(b.bottomTwo.accountShare)} of accounts holding ${pct(b.bottomTwo.churnShare)} of the churn (${pct(b.bottomTwo.churnArrShare)} of churned ARR); the rules alone: ${pct(b.rulesBottomTwo.accountShare)} of accounts, ${pct(b.rulesBottomTwo.churnShare)} of churn. The sync's own held-out check on the same history: AUC ${f.full.summary.history?.auc?.toFixed(3) ?? '–'}.

| tier | renewals | churned | renewal rate |
|---|---|---|---|
${tiers}
<!-- risk:end -->`;
}
