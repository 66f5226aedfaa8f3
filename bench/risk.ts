import { execFileSync } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import { cpus, tmpdir, totalmem } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createHubSpotRiskCrm } from '#src/hubspot/risk-crm';
import { runBacktest } from '#src/risk/backtest/backtest';
import { readPortalHistory } from '#src/risk/backtest/portal-history';
import { signalFeatures } from '#src/risk/signal-features';
import type { ModelStore, StoredRiskModel, SyncCursor, SyncCursorStore } from '#src/risk/sync/stores';
import type { RiskSyncSummary } from '#src/risk/sync/summary';
import { syncRisk } from '#src/risk/sync/sync-risk';
import { changeCompanies } from './risk/change-companies.ts';
import { DEMO_RISK_SETTINGS } from './risk/demo-settings.ts';
import { MemorySampler } from './risk/memory-sampler.ts';
import { rateLimitedSeconds, TEN_SECOND_LIMIT } from './risk/rate-limit-time.ts';
import { callsBy, resetCounts, type CallCount } from './risk/request-counts.ts';
import { renderRiskSection, type RiskBenchFigures } from './risk/results-section.ts';
import { startSandboxProcess } from './risk/sandbox-process.ts';
import { writeResultsSection } from './support/results.ts';

/**
 * `npm run bench -- risk [companies]`: the renewal-risk sync against a demo portal of 10,000
 * companies (sandbox in its own process, HubSpot's 190-per-10-s limit on): full sync time against
 * the time the limit alone requires for its calls, calls per 100 companies, a delta sync after 1%
 * changed, scoring 100k companies in memory, the sync's peak RSS and the backtest on the portal.
 * Writes its section of bench/RESULTS.md.
 */
const here = dirname(fileURLToPath(import.meta.url));
const companies = Number(process.argv[2] ?? 10_000);
const APP_TOKEN = 'sandbox-app';
/** A few requests under the portal's 190: client and server windows start a network hop apart. */
const CLIENT_LIMIT = 182;
const log = (line: string) => console.error(`[bench risk ${new Date().toISOString().slice(11, 19)}] ${line}`);

function memoryStores(): { models: ModelStore; cursors: SyncCursorStore } {
  let model: StoredRiskModel | null = null;
  let cursor: SyncCursor | null = null;
  return {
    models: { load: async () => model, save: async (m) => void (model = m) },
    cursors: { read: async () => cursor, write: async (c) => void (cursor = c) },
  };
}

async function timedSync(
  url: string,
  stores: ReturnType<typeof memoryStores>,
  mode: 'full' | 'delta',
): Promise<{ summary: RiskSyncSummary; seconds: number; peakRssMiB: number; counted: CallCount }> {
  await resetCounts(url);
  const crm = createHubSpotRiskCrm({
    baseUrl: url,
    accessToken: APP_TOKEN,
    rateLimit: { maxRequests: CLIENT_LIMIT, intervalMs: 10_000, maxConcurrent: 10 },
  });
  let lastLog = 0;
  const sampler = new MemorySampler();
  const started = performance.now();
  const summary = await syncRisk(
    {
      crm,
      ...stores,
      settings: DEMO_RISK_SETTINGS,
      onProgress: (p) => {
        if (performance.now() - lastLog < 30_000) return;
        lastLog = performance.now();
        log(`${mode}: ${p.phase} ${p.done}/${p.total}, ${p.calls} calls, ${p.rateLimited} × 429`);
      },
    },
    { mode, evaluate: mode === 'full' },
  );
  const seconds = (performance.now() - started) / 1000;
  const peakRssMiB = sampler.stop();
  return { summary, seconds, peakRssMiB, counted: await callsBy(url, APP_TOKEN) };
}

async function companyIdsWithRenewalDate(url: string): Promise<string[]> {
  const crm = createHubSpotRiskCrm({ baseUrl: url, accessToken: APP_TOKEN });
  const ids: string[] = [];
  let afterId: string | undefined;
  do {
    const page = await crm.companiesWithRenewalDate({
      renewalDateProperty: DEMO_RISK_SETTINGS.properties.renewalDate,
      ...(afterId ? { afterId } : {}),
    });
    ids.push(...page.companyIds);
    afterId = page.nextAfterId ?? undefined;
  } while (afterId);
  return ids;
}

function scoringInMemory(): { companies: number; scoringMs: number; withReasonsMs: number } {
  const output = execFileSync(process.execPath, ['--import', 'tsx', join(here, 'risk-scoring.ts')], {
    cwd: join(here, '..'),
    encoding: 'utf8',
  });
  return JSON.parse(output.trim().split('\n').at(-1)!) as {
    companies: number;
    scoringMs: number;
    withReasonsMs: number;
  };
}

log(`seeding a demo portal of ${companies.toLocaleString('en')} companies in a sandbox process…`);
const seedStarted = performance.now();
const sandbox = await startSandboxProcess({ companies, rateLimit: TEN_SECOND_LIMIT });
const seedSeconds = (performance.now() - seedStarted) / 1000;
try {
  const stores = memoryStores();
  log(`sandbox at ${sandbox.url} after ${seedSeconds.toFixed(0)} s; full sync at ${CLIENT_LIMIT}/10 s…`);
  const full = await timedSync(sandbox.url, stores, 'full');
  log(`full sync: ${full.seconds.toFixed(0)} s, ${full.counted.calls} calls`);

  const ids = await companyIdsWithRenewalDate(sandbox.url);
  const changed = await changeCompanies(sandbox.url, ids, 0.01);
  log(`changed ${changed.length} companies; delta sync…`);
  const delta = await timedSync(sandbox.url, stores, 'delta');
  log(`delta sync: ${delta.seconds.toFixed(0)} s, ${delta.counted.calls} calls`);

  const scoring = scoringInMemory();

  // The backtest reads the same history again: with the limit off, as a CLI run on a copy would.
  await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ rateLimit: 0 }),
  });
  const unthrottled = { maxRequests: 100_000, intervalMs: 1_000, maxConcurrent: 10 };
  const history = await readPortalHistory(
    createHubSpotRiskCrm({
      baseUrl: sandbox.url,
      accessToken: APP_TOKEN,
      rateLimit: unthrottled,
      searchRateLimit: unthrottled,
    }),
    DEMO_RISK_SETTINGS,
    new Date(),
  );
  const backtest = runBacktest(history.rows, signalFeatures(DEMO_RISK_SETTINGS), DEMO_RISK_SETTINGS);

  const figures: RiskBenchFigures = {
    date: new Date().toISOString().slice(0, 10),
    machine: `${cpus()[0]?.model ?? 'unknown CPU'}, ${cpus().length} cores, ${Math.round(totalmem() / 2 ** 30)} GiB RAM, Node ${process.version}`,
    companies,
    seedSeconds,
    clientLimit: CLIENT_LIMIT,
    full: { ...full, requiredSeconds: rateLimitedSeconds(full.counted.calls, full.counted.searches) },
    delta: { ...delta, changed: changed.length },
    scoring,
    backtest,
  };
  const section = renderRiskSection(figures);
  writeResultsSection('risk', section);
  console.log(section);
  const raw = join(tmpdir(), 'renewal-guard-bench-risk.json');
  writeFileSync(raw, JSON.stringify(figures, null, 2));
  log(`all figures: ${raw}`);
} finally {
  await sandbox.stop();
}
