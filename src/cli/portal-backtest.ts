import type { HubSpotConnection } from '#src/hubspot/config';
import { createHubSpotRiskCrm, type HubSpotRiskCrmOptions } from '#src/hubspot/risk-crm';
import { runBacktest, type BacktestOptions, type BacktestReport } from '#src/risk/backtest/backtest';
import { readPortalHistory } from '#src/risk/backtest/portal-history';
import type { RiskSettings } from '#src/risk/settings';
import { signalFeatures } from '#src/risk/signal-features';

export interface PortalBacktest {
  report: BacktestReport;
  companies: number;
  skipped: number;
}

/** Reads the portal's renewal history through the risk reader and backtests the model on it. */
export async function backtestPortal(
  connection: HubSpotConnection,
  settings: RiskSettings,
  options: BacktestOptions & {
    now?: Date;
    hubspot?: Omit<HubSpotRiskCrmOptions, 'baseUrl' | 'accessToken'>;
    onProgress?: (companies: number) => void;
  } = {},
): Promise<PortalBacktest> {
  const crm = createHubSpotRiskCrm({ ...connection, ...options.hubspot });
  const history = await readPortalHistory(crm, settings, options.now ?? new Date(), options.onProgress);
  if (history.rows.length === 0) {
    throw new Error(
      `No past renewals found among ${history.companies} companies with a renewal date: the backtest needs closed renewal deals (dealtype ${settings.renewals.dealTypes.join('/')}${settings.renewals.pipelineIds.length ? ` or pipelines ${settings.renewals.pipelineIds.join(', ')}` : ''}).`,
    );
  }
  const report = runBacktest(history.rows, signalFeatures(settings), settings, {
    ...(options.folds ? { folds: options.folds } : {}),
    ...(options.split ? { split: options.split } : {}),
  });
  return { report, companies: history.companies, skipped: history.skipped };
}
