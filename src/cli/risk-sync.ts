import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { pathToFileURL } from 'node:url';
import { fileRiskSyncStores } from '#src/files/risk-sync-files';
import { hubspotConnectionFromEnv } from '#src/hubspot/config';
import { createHubSpotRiskCrm, type HubSpotRiskCrmOptions } from '#src/hubspot/risk-crm';
import { parseRiskSettings, type RiskSettingsInput } from '#src/risk/settings';
import { syncRisk } from '#src/risk/sync/sync-risk';
import type { RiskSyncSummary } from '#src/risk/sync/summary';
import { formatRiskSyncSummary } from '#src/risk/sync/summary-text';
import { progressReporter } from './risk-sync-progress';

const USAGE = `Usage: npm run risk:sync -- [--all | --delta] [--dry-run] [--limit N] [--settings risk-settings.json] [--state-dir DIR]
  --all       read every company with a renewal date, retrain the model, write changed outputs (default)
  --delta     re-score only companies changed since the last sync, with the stored model
  --dry-run   read, train and score, write nothing (no outputs, tasks, model or cursor)
  --limit N   stop after N companies (a trial; the model and cursor are not kept)
Env: HUBSPOT_ACCESS_TOKEN, HUBSPOT_BASE_URL (the sandbox: http://localhost:4010).`;

export interface RunRiskSyncOptions {
  mode?: 'full' | 'delta';
  dryRun?: boolean;
  limit?: number;
  settings?: RiskSettingsInput;
  /** Where the model and the delta cursor are kept between runs. */
  stateDir?: string;
  env?: Readonly<Record<string, string | undefined>>;
  /** Where progress and the summary go (default: stdout). */
  out?: NodeJS.WritableStream;
  /** Rate limits and back-offs of the HubSpot adapter (tests raise them for the unthrottled sandbox). */
  hubspot?: Omit<HubSpotRiskCrmOptions, 'baseUrl' | 'accessToken'>;
}

/** One risk sync against the portal in the environment, printing progress and its summary. */
export async function runRiskSync(options: RunRiskSyncOptions = {}): Promise<RiskSyncSummary> {
  const env = options.env ?? process.env;
  const out = options.out ?? process.stdout;
  const stateDir =
    options.stateDir ?? join(env.RENEWAL_GUARD_DATA_DIR ?? join(tmpdir(), 'renewal-guard'), 'risk-sync');
  const crm = createHubSpotRiskCrm({ ...hubspotConnectionFromEnv(env), ...options.hubspot });
  const progress = progressReporter(out);
  try {
    const summary = await syncRisk(
      {
        crm,
        ...fileRiskSyncStores(stateDir),
        settings: parseRiskSettings(options.settings ?? {}),
        onProgress: (p) => progress.update(p),
      },
      {
        mode: options.mode ?? 'full',
        dryRun: options.dryRun ?? false,
        ...(options.limit ? { limit: options.limit } : {}),
      },
    );
    progress.stop();
    out.write(`${formatRiskSyncSummary(summary)}\n`);
    return summary;
  } finally {
    progress.stop();
  }
}

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      all: { type: 'boolean' },
      delta: { type: 'boolean' },
      'dry-run': { type: 'boolean' },
      limit: { type: 'string' },
      settings: { type: 'string' },
      'state-dir': { type: 'string' },
      help: { type: 'boolean' },
    },
  });
  if (values.help) {
    console.log(USAGE);
    return 0;
  }
  if (values.all && values.delta) {
    console.error(`--all and --delta exclude each other.\n${USAGE}`);
    return 2;
  }
  const limit = values.limit === undefined ? undefined : Number(values.limit);
  if (limit !== undefined && !(Number.isInteger(limit) && limit > 0)) {
    console.error(`--limit ${values.limit}: expected a positive whole number of companies.`);
    return 2;
  }
  await runRiskSync({
    mode: values.delta ? 'delta' : 'full',
    dryRun: values['dry-run'] ?? false,
    ...(limit ? { limit } : {}),
    ...(values.settings
      ? { settings: JSON.parse(readFileSync(values.settings, 'utf8')) as RiskSettingsInput }
      : {}),
    ...(values['state-dir'] ? { stateDir: values['state-dir'] } : {}),
  });
  return 0;
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  main().then(
    (code) => (process.exitCode = code),
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : String(error));
      process.exitCode = 1;
    },
  );
}
