import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { runBacktest } from '#src/risk/backtest/backtest';
import { parseFeatureColumn, readRenewalsCsv } from '#src/risk/backtest/csv-renewals';
import { formatBacktestReport } from '#src/risk/backtest/report-text';
import { DEFAULT_RISK_SETTINGS } from '#src/risk/settings';

const USAGE = `Usage: npm run risk:backtest -- --csv <file> --id <col> --outcome <col> [--segment <col>] [--customer <col>]
         [--arr <col>] [--renewal-date <col>] --feature <col>[:engagement|number|flag] ... [--folds 5] [--split grouped|time] [--json]
Outcome values: renewed/churned, or 1/0 with 1 = renewed.`;

function main(): number {
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
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (!values.csv) {
    console.error(
      'Portal mode (replaying the portal’s own renewals) needs the CRM reader, which is not added yet.\nFor now, pass a CSV of past renewals:\n' +
        USAGE,
    );
    return 2;
  }
  if (!values.id || !values.outcome || !values.feature?.length) {
    console.error(`--id, --outcome and at least one --feature are required.\n${USAGE}`);
    return 2;
  }
  if (values.split && values.split !== 'grouped' && values.split !== 'time') {
    console.error(`--split ${values.split}: expected grouped or time`);
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

try {
  process.exitCode = main();
} catch (error) {
  console.error(error instanceof Error ? error.message : String(error));
  process.exitCode = 1;
}
