import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBacktest } from '#src/risk/backtest/backtest';
import { parseFeatureColumn, readRenewalsCsv } from '#src/risk/backtest/csv-renewals';
import { formatBacktestReport } from '#src/risk/backtest/report-text';
import { DEFAULT_RISK_SETTINGS, parseRiskSettings } from '#src/risk/settings';
import { backtestPortal } from './portal-backtest';
import { portalConnection } from './portal-connection';

const USAGE = `Usage:
  Portal: npm run risk:backtest -- [--settings risk-settings.json] [--as-of YYYY-MM-DD] [--folds 5] [--split grouped|time] [--json]
          reads the portal at HUBSPOT_BASE_URL (token HUBSPOT_ACCESS_TOKEN); unset: the local sandbox if one runs.
  CSV:    npm run risk:backtest -- --csv <file> --id <col> --outcome <col> [--segment <col>] [--customer <col>]
          [--arr <col>] [--renewal-date <col>] --feature <col>[:engagement|number|flag] ... [--folds 5] [--split grouped|time] [--json]
          Outcome values: renewed/churned, or 1/0 with 1 = renewed.`;

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      csv: { type: 'string' },
      id: { type: 'string' },
      outcome: { type: 'string' },
      segment: { type: 'string' },
      customer: { type: 'string' },
      arr: { type: 'string' },
      'renewal-date': { type: 'string' },
      feature: { type: 'string', multiple: true },
      folds: { type: 'string' },
      split: { type: 'string' },
      json: { type: 'boolean' },
      settings: { type: 'string' },
      'as-of': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.split && values.split !== 'grouped' && values.split !== 'time') {
    console.error(`--split ${values.split}: expected grouped or time`);
    return 2;
  }
  if (!values.csv) {
    const asOf = values['as-of'] ? new Date(`${values['as-of']}T00:00:00Z`) : new Date();
    if (Number.isNaN(asOf.getTime())) {
      console.error(`--as-of ${values['as-of']}: expected a date such as 2026-10-01`);
      return 2;
    }
    const settings = parseRiskSettings(
      values.settings ? (JSON.parse(readFileSync(values.settings, 'utf8')) as unknown) : {},
    );
    const connection = await portalConnection();
    console.error(`Reading the renewal history of ${connection.baseUrl}…`);
    const { report, companies, skipped } = await backtestPortal(connection, settings, {
      now: asOf,
      ...(values.folds ? { folds: Number(values.folds) } : {}),
      ...(values.split ? { split: values.split as 'grouped' | 'time' } : {}),
    });
    console.log(
      values.json
        ? JSON.stringify({ source: connection.baseUrl, companies, skipped, ...report }, null, 2)
        : `Portal ${connection.baseUrl}: ${companies} companies with a renewal date read${skipped ? `, ${skipped} gone while reading` : ''}.\n\n${formatBacktestReport(report)}`,
    );
    return 0;
  }
  if (!values.id || !values.outcome || !values.feature?.length) {
    console.error(`--id, --outcome and at least one --feature are required.\n${USAGE}`);
    return 2;
  }
  const { rows, features, rejected } = readRenewalsCsv(readFileSync(values.csv, 'utf8'), {
    id: values.id,
    outcome: values.outcome,
    segment: values.segment,
    customer: values.customer,
    arr: values.arr,
    renewalDate: values['renewal-date'],
    features: values.feature.map(parseFeatureColumn),
  });
  const report = runBacktest(rows, features, DEFAULT_RISK_SETTINGS, {
    folds: values.folds ? Number(values.folds) : undefined,
    split: values.split as 'grouped' | 'time' | undefined,
  });
  console.log(
    values.json ? JSON.stringify({ ...report, rejected }, null, 2) : formatBacktestReport(report, rejected),
  );
  return 0;
}

main().then(
  (code) => (process.exitCode = code),
  (error: unknown) => {
    console.error(error instanceof Error ? error.message : String(error));
    process.exitCode = 1;
  },
);
