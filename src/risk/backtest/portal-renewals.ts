import type { RiskSettings } from '../settings';
import { assignSegment } from '../segments';
import { signalFeatureValues, SIGNAL_FEATURES } from '../signal-features';
import type { CompanyActivity } from '../signals/activity';
import { computeSignals } from '../signals/compute-signals';
import { DAY_MS } from '../signals/window';
import type { BacktestRow } from './backtest-rows';

/** One resolved renewal in the portal's history (the CRM reader of portal mode provides these). */
export interface PastRenewal {
  id: string;
  renewalDate: Date;
  outcome: BacktestRow['outcome'];
  arr: number | null;
  /** The company's activity, including what happened after; scoring the signals cuts it at the scoring date. */
  activity: CompanyActivity;
}

/**
 * A past renewal as a backtest row: its signals as they stood `backtestLeadDays` before the
 * renewal date (the headline use: scoring ~90 days ahead), with the company as the customer.
 */
export function backtestRowFromRenewal(renewal: PastRenewal, settings: RiskSettings): BacktestRow {
  const scoringDate = new Date(renewal.renewalDate.getTime() - settings.backtestLeadDays * DAY_MS);
  const values = signalFeatureValues(computeSignals(renewal.activity, scoringDate, settings));
  const segmentValue = settings.segments.property
    ? renewal.activity.properties[settings.segments.property]
    : null;
  const { segment } = assignSegment({ arr: renewal.arr, segmentValue }, settings);
  return {
    id: renewal.id,
    customerId: renewal.activity.companyId,
    segment,
    outcome: renewal.outcome,
    arr: renewal.arr,
    renewalDate: renewal.renewalDate.toISOString().slice(0, 10),
    features: Object.fromEntries(
      SIGNAL_FEATURES.map((f, j) => [f.name, Number.isNaN(values[j]!) ? null : values[j]!]),
    ),
  };
}
