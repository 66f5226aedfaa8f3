import type { CrmCallStats, SkippedCompany } from '#src/crm/risk-port';
import type { BottomTwoShares, TierOutcome } from '../backtest/tier-summary';
import type { RiskModel } from '../model/risk-model';
import { RISK_TIERS, type RiskTier } from '../tiers';

export type RiskSyncMode = 'full' | 'delta';

export interface RiskSyncProgress {
  phase: 'finding changes' | 'reading' | 'training' | 'writing';
  done: number;
  total: number;
  calls: number;
  rateLimited: number;
}

/** How the portal's history scored, held-out (every renewal by a model that never saw its company). */
export interface HistoryCheck {
  renewals: number;
  churned: number;
  auc: number | null;
  rulesAuc: number | null;
  bottomTwo: BottomTwoShares;
  tiers: TierOutcome[];
}

export interface RiskSyncSummary {
  mode: RiskSyncMode;
  dryRun: boolean;
  startedAt: string;
  finishedAt: string;
  /** Why a delta ran as a full sync (no cursor or no stored model), when it did. */
  fallback: string | null;
  /** Companies considered: all with a renewal date (full) or the changed ones (delta). */
  considered: number;
  scored: number;
  written: number;
  unchanged: number;
  tasksCreated: number;
  skipped: SkippedCompany[];
  /** Tier counts per segment of the companies scored in this run. */
  tiers: Record<string, Record<RiskTier, number>>;
  model: {
    kind: RiskModel['kind'];
    source: 'trained' | 'stored';
    renewals: number;
    churned: number;
    heldOutAuc: number | null;
    notes: string[];
  };
  history: HistoryCheck | null;
  calls: CrmCallStats;
}

export const emptyTierCounts = (): Record<RiskTier, number> =>
  Object.fromEntries(RISK_TIERS.map((t) => [t, 0])) as Record<RiskTier, number>;
