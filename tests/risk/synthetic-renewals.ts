import type { BacktestRow } from '#src/risk/backtest/backtest-rows';
import { seededRandom } from '#src/random/seeded-random';
import { arrSegment } from '#src/risk/segments';

/**
 * Synthetic past renewals for tests: a hidden account health drives engagement counts (scaled by
 * account size, so raw counts mislead across segments), a champion-left event and the outcome.
 * `outboundMatters` makes churn depend on outbound emails, which the rules barely weigh.
 */
export function syntheticRenewals(
  count: number,
  options: { seed?: number; outboundMatters?: boolean; leak?: boolean } = {},
): BacktestRow[] {
  const random = seededRandom(options.seed ?? 7);
  const normal = () => Math.sqrt(-2 * Math.log(random() + 1e-12)) * Math.cos(2 * Math.PI * random());
  const poisson = (mean: number) => {
    let k = 0;
    let p = 1;
    const limit = Math.exp(-Math.min(mean, 500));
    do {
      k++;
      p *= random();
    } while (p > limit);
    return k - 1;
  };
  const rows: BacktestRow[] = [];
  for (let i = 0; i < count; i++) {
    const customer = `c${Math.floor(i / 2)}`;
    const arr = Math.round(Math.exp(7 + 5 * random()));
    const size = arr / 10_000;
    const health = normal();
    const outreach = normal();
    const championLeft = random() < 0.1 ? 1 : 0;
    const z = -1.8 - 1.2 * health + 1.5 * championLeft + (options.outboundMatters ? -1.5 * outreach : 0);
    const churned = random() < 1 / (1 + Math.exp(-z));
    rows.push({
      id: `r${i}`,
      customerId: customer,
      segment: arrSegment(arr) ?? 'all',
      outcome: churned ? 'churned' : 'renewed',
      arr,
      renewalDate: new Date(Date.UTC(2022, 0, 1) + i * 86_400_000).toISOString().slice(0, 10),
      features: {
        meetingsCompleted: poisson(size * 4 * Math.exp(0.6 * health)),
        emailsInbound: poisson(size * 10 * Math.exp(0.5 * health)),
        emailsOutbound: poisson(size * 12 * Math.exp(options.outboundMatters ? 0.8 * outreach : 0)),
        nps: random() < 0.3 ? null : Math.max(0, Math.min(10, Math.round(7 + 1.5 * health + normal()))),
        championLeft,
        ...(options.leak ? { cancellationNotice: churned ? 1 : 0 } : {}),
      },
    });
  }
  return rows;
}
