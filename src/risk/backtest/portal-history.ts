import type { RiskCrmPort } from '#src/crm/risk-port';
import type { RiskSettings } from '../settings';
import { pastRenewals } from '../sync/record-activity';
import { readRequest } from '../sync/sync-risk';
import { backtestRowFromRenewal } from './portal-renewals';
import { byRowId, type BacktestRow } from './backtest-rows';

export type PortalHistoryCrm = Pick<
  RiskCrmPort,
  'companiesWithRenewalDate' | 'readRiskPage' | 'dealPipelines'
>;

export interface PortalHistory {
  rows: BacktestRow[];
  /** Companies read (those with a renewal date). */
  companies: number;
  /** Companies listed but gone before they were read. */
  skipped: number;
}

/** Pages read at once: one page's calls come in a few dependent rounds, two keep the limiter busy. */
const PAGES_IN_FLIGHT = 2;
const PAGE_SIZE = 100;

/**
 * The portal's own renewal history as backtest rows: every company with a renewal date, each of its
 * renewal deals closed before `now` (won = renewed, lost = churned) scored `backtestLeadDays`
 * before its close date with the activity of that time. Only rows are kept, not the activity, so
 * memory grows with renewals, not with engagements.
 */
export async function readPortalHistory(
  crm: PortalHistoryCrm,
  settings: RiskSettings,
  now: Date,
  onProgress?: (companies: number) => void,
): Promise<PortalHistory> {
  const pipelines = await crm.dealPipelines();
  const history: PortalHistory = { rows: [], companies: 0, skipped: 0 };
  const inFlight = new Set<Promise<void>>();
  const readPage = async (companyIds: readonly string[]) => {
    const page = await crm.readRiskPage(readRequest(settings, companyIds));
    for (const record of page.records) {
      for (const renewal of pastRenewals(record, pipelines, settings, now))
        history.rows.push(backtestRowFromRenewal(renewal, settings));
    }
    history.companies += page.records.length;
    history.skipped += page.skipped.length;
    onProgress?.(history.companies);
  };
  let afterId: string | undefined;
  do {
    const listed = await crm.companiesWithRenewalDate({
      renewalDateProperty: settings.properties.renewalDate,
      ...(afterId ? { afterId } : {}),
    });
    for (let i = 0; i < listed.companyIds.length; i += PAGE_SIZE) {
      if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
      const reading = readPage(listed.companyIds.slice(i, i + PAGE_SIZE)).finally(() =>
        inFlight.delete(reading),
      );
      inFlight.add(reading);
    }
    afterId = listed.nextAfterId ?? undefined;
  } while (afterId);
  await Promise.all(inFlight);
  // Pages finish out of order: sort so folds and reports do not depend on timing.
  history.rows.sort(byRowId);
  return history;
}
