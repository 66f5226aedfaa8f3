import { RISK_TIERS, type RiskTier } from '../tiers';

export interface TierOutcome {
  tier: RiskTier;
  accounts: number;
  churned: number;
  renewalRate: number | null;
  arr: number;
}

export interface BottomTwoShares {
  /** Share of accounts in below_average + churn_risk. */
  accountShare: number;
  /** Share of all churned accounts that were in them. */
  churnShare: number;
  arrShare: number;
  churnArrShare: number;
}

/** Renewal rate per tier, and how much of the churn the bottom two tiers held (by count and by ARR). */
export function summariseTiers(
  tiers: ArrayLike<number>,
  churned: ArrayLike<number>,
  arr: ArrayLike<number>,
): { tiers: TierOutcome[]; bottomTwo: BottomTwoShares } {
  const summary = RISK_TIERS.map((tier) => ({
    tier,
    accounts: 0,
    churned: 0,
    renewalRate: null as number | null,
    arr: 0,
  }));
  const totals = { accounts: 0, churned: 0, arr: 0, churnArr: 0 };
  const bottom = { accounts: 0, churned: 0, arr: 0, churnArr: 0 };
  for (let i = 0; i < tiers.length; i++) {
    const row = summary[tiers[i]!]!;
    const value = Number.isFinite(arr[i]!) ? arr[i]! : 0;
    const lost = churned[i]! ? 1 : 0;
    row.accounts++;
    row.churned += lost;
    row.arr += value;
    totals.accounts++;
    totals.churned += lost;
    totals.arr += value;
    totals.churnArr += lost * value;
    if (tiers[i]! >= 3) {
      bottom.accounts++;
      bottom.churned += lost;
      bottom.arr += value;
      bottom.churnArr += lost * value;
    }
  }
  for (const row of summary) row.renewalRate = row.accounts > 0 ? 1 - row.churned / row.accounts : null;
  const share = (a: number, b: number) => (b > 0 ? a / b : 0);
  return {
    tiers: summary,
    bottomTwo: {
      accountShare: share(bottom.accounts, totals.accounts),
      churnShare: share(bottom.churned, totals.churned),
      arrShare: share(bottom.arr, totals.arr),
      churnArrShare: share(bottom.churnArr, totals.churnArr),
    },
  };
}
