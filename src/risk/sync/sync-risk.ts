import type { Pipeline } from '#src/crm/records';
import type { CompanyTaskToCreate, CompanyUpdate, RiskCrmPort, SkippedCompany } from '#src/crm/risk-port';
import { backtestRowFromRenewal } from '../backtest/portal-renewals';
import type { BacktestRow } from '../backtest/backtest-rows';
import { changedOutputs, needsReviewTask } from '../outputs';
import { riskPropertiesToRead, scoringModel } from '../score-company';
import type { RiskSettings } from '../settings';
import { RISK_TIER_LABELS, RISK_TIERS, type RiskTier } from '../tiers';
import { companyFeatures, OUTPUT_PROPERTIES, scoreFeatures, type CompanyFeatures } from './company-features';
import { findChangedCompanies } from './find-changes';
import { formerCustomerOutputsToClear, formerCustomerReason } from './former-customer';
import { pastRenewals } from './record-activity';
import type { ModelStore, StoredRiskModel, SyncCursorStore } from './stores';
import { emptyTierCounts, type RiskSyncMode, type RiskSyncProgress, type RiskSyncSummary } from './summary';
import { trainPortalModel } from './train-portal-model';

export interface RiskSyncDeps {
  crm: RiskCrmPort;
  models: ModelStore;
  cursors: SyncCursorStore;
  settings: RiskSettings;
  clock?: () => Date;
  onProgress?: (progress: RiskSyncProgress) => void;
}

export interface RiskSyncOptions {
  mode: RiskSyncMode;
  /** Reads, trains and scores, but writes nothing: no outputs, tasks, model or cursor. */
  dryRun?: boolean;
  /** Stop after this many companies (a trial run on a big portal). */
  limit?: number;
  /** Run the held-out backtest of the portal's history after training (full syncs; CPU only). */
  evaluate?: boolean;
}

/** Companies read together: one batch read each of companies, deals, engagements per 100. */
const PAGE_SIZE = 100;
/** Pages read at once: the rate limiter, not this, keeps us under the portal's limit. */
const PAGES_IN_FLIGHT = 2;

/**
 * The renewal-risk sync (DESIGN.md §4). Phase 1 streams the companies with a renewal date in pages
 * and keeps only each one's feature vector and its past renewals' rows; phase 2 trains (or, in a
 * delta, loads) the model; phase 3 scores, writes only changed outputs and creates one review task
 * per entry into the bottom two tiers. One bad company is skipped with a reason, never fatal.
 */
export async function syncRisk(deps: RiskSyncDeps, options: RiskSyncOptions): Promise<RiskSyncSummary> {
  const { crm, settings } = deps;
  const clock = deps.clock ?? (() => new Date());
  const startedAt = clock();
  const dryRun = options.dryRun ?? false;
  const skipped: SkippedCompany[] = [];
  const progress = (phase: RiskSyncProgress['phase'], done: number, total: number) =>
    deps.onProgress?.({ phase, done, total, ...crm.callStats() });

  let mode = options.mode;
  let fallback: string | null = null;
  let stored: StoredRiskModel | null = null;
  let deltaIds: string[] | null = null;
  if (mode === 'delta') {
    const [cursor, model] = await Promise.all([deps.cursors.read(), deps.models.load()]);
    if (!cursor) fallback = 'no earlier sync to start from';
    else if (!model) fallback = 'no stored model';
    if (fallback) mode = 'full';
    else {
      stored = model;
      progress('finding changes', 0, 1);
      deltaIds = await findChangedCompanies(crm, settings, cursor!.startedAt);
    }
  }

  // Both modes: telling a former customer (its last renewal lost) from a current one needs the stages.
  const pipelines = await crm.dealPipelines();
  const companies: CompanyFeatures[] = [];
  const rows: BacktestRow[] = [];
  /** Former customers' outputs from when they were customers, cleared with the other writes. */
  const formerOutputs: CompanyUpdate[] = [];
  const read = async (ids: readonly string[]) => {
    const page = await crm.readRiskPage(readRequest(settings, ids));
    skipped.push(...page.skipped);
    for (const record of page.records) {
      try {
        // A former customer's past renewals still teach the model; only today's score is skipped.
        if (mode === 'full') rows.push(...historyRows(record, pipelines, settings, startedAt));
        const former = formerCustomerReason(record, pipelines, settings);
        if (former) {
          skipped.push({ companyId: record.id, reason: former });
          const clear = formerCustomerOutputsToClear(record);
          if (clear) formerOutputs.push({ companyId: record.id, properties: clear });
        } else companies.push(companyFeatures(record, settings, startedAt));
      } catch (error) {
        skipped.push({ companyId: record.id, reason: `could not be scored: ${messageOf(error)}` });
      }
    }
  };

  const pages = deltaIds ? pagesOf(deltaIds, options.limit) : companyPages(crm, settings, options.limit);
  let total = deltaIds?.length ?? 0;
  let done = 0;
  const inFlight = new Set<Promise<void>>();
  for await (const page of pages) {
    total = Math.max(total, page.total);
    const task = read(page.ids).then(() => {
      done += page.ids.length;
      progress('reading', done, total);
    });
    inFlight.add(task);
    void task.finally(() => inFlight.delete(task));
    if (inFlight.size >= PAGES_IN_FLIGHT) await Promise.race(inFlight);
  }
  await Promise.all(inFlight);

  let history: RiskSyncSummary['history'] = null;
  if (!stored) {
    progress('training', 0, 1);
    const trained = trainPortalModel(rows, companies, settings, startedAt, options.evaluate ?? true);
    stored = trained.stored;
    history = trained.history;
    // A limited run saw part of the portal: its model and cursor would mislead the next delta.
    if (!dryRun && !options.limit) await deps.models.save(stored);
  }

  const scoring = scoringModel(stored.model);
  const tiers: RiskSyncSummary['tiers'] = {};
  const updates: CompanyUpdate[] = [];
  const tasks = new Map<string, CompanyTaskToCreate>();
  for (const company of companies) {
    const score = scoreFeatures(company, scoring, startedAt);
    (tiers[company.segment] ??= emptyTierCounts())[score.tier]++;
    const changed = changedOutputs(company.stored, score.outputs);
    if (Object.keys(changed).length === 0) continue;
    updates.push({ companyId: company.companyId, properties: changed as Record<string, string> });
    if (needsReviewTask(storedTier(company.stored.rg_risk_tier), score.tier)) {
      tasks.set(company.companyId, reviewTask(company, score.tier, score.outputs.rg_risk_drivers, startedAt));
    }
  }

  updates.push(...formerOutputs);

  let written = 0;
  let tasksCreated = 0;
  if (!dryRun) {
    progress('writing', 0, updates.length);
    for (let i = 0; i < updates.length; i += PAGE_SIZE) {
      const batch = updates.slice(i, i + PAGE_SIZE);
      const { missing } = await crm.updateCompanies(batch);
      const gone = new Set(missing);
      for (const id of missing)
        skipped.push({ companyId: id, reason: 'deleted before its scores were written' });
      written += batch.length - gone.size;
      // After the write: the stored tier is what stops a second task, so a task never precedes it.
      const due = batch.flatMap((u) => (gone.has(u.companyId) ? [] : (tasks.get(u.companyId) ?? [])));
      if (due.length > 0) tasksCreated += (await crm.createCompanyTasks(due)).created;
      progress('writing', Math.min(i + PAGE_SIZE, updates.length), updates.length);
    }
    if (!options.limit) await deps.cursors.write({ startedAt: startedAt.toISOString(), mode });
  }

  return {
    mode,
    dryRun,
    startedAt: startedAt.toISOString(),
    finishedAt: clock().toISOString(),
    fallback,
    considered: done,
    scored: companies.length,
    written: dryRun ? updates.length : written,
    unchanged: companies.length - updates.length,
    tasksCreated: dryRun ? tasks.size : tasksCreated,
    skipped,
    tiers,
    model: {
      kind: stored.model.kind,
      source: history !== null || deltaIds === null ? 'trained' : 'stored',
      renewals: stored.renewals,
      churned: stored.churned,
      heldOutAuc: stored.heldOutAuc,
      notes: stored.model.notes,
    },
    history,
    calls: crm.callStats(),
  };
}

/** What the sync reads of each company: the signals' inputs and the stored outputs to compare with. */
export function readRequest(settings: RiskSettings, companyIds: readonly string[]) {
  const { properties, withHistory } = riskPropertiesToRead(settings);
  return {
    companyIds,
    properties: [...new Set([...properties, ...OUTPUT_PROPERTIES, 'name', 'hubspot_owner_id'])],
    withHistory,
    championProperty: settings.properties.champion,
    renewalDeals: settings.renewals,
    ...(settings.properties.leftCompany ? { leftCompanyProperty: settings.properties.leftCompany } : {}),
  };
}

function historyRows(
  record: Parameters<typeof pastRenewals>[0],
  pipelines: readonly Pipeline[],
  settings: RiskSettings,
  now: Date,
): BacktestRow[] {
  return pastRenewals(record, pipelines, settings, now).map((r) => backtestRowFromRenewal(r, settings));
}

interface IdPage {
  ids: string[];
  total: number;
}

/** Every company with a renewal date, 100 at a time, from search pages of 200 paged by id. */
async function* companyPages(
  crm: RiskCrmPort,
  settings: RiskSettings,
  limit: number | undefined,
): AsyncGenerator<IdPage> {
  let afterId: string | undefined;
  let listed = 0;
  let total = 0;
  do {
    const page = await crm.companiesWithRenewalDate({
      renewalDateProperty: settings.properties.renewalDate,
      ...(afterId ? { afterId } : {}),
    });
    // The search's total counts what is left after `afterId`; the first page's is the portal's.
    if (!afterId) total = limit ? Math.min(limit, page.total) : page.total;
    let ids = page.companyIds;
    if (limit) ids = ids.slice(0, Math.max(0, limit - listed));
    listed += ids.length;
    for (let i = 0; i < ids.length; i += PAGE_SIZE) yield { ids: ids.slice(i, i + PAGE_SIZE), total };
    afterId = page.nextAfterId ?? undefined;
  } while (afterId && (!limit || listed < limit));
}

async function* pagesOf(ids: readonly string[], limit: number | undefined): AsyncGenerator<IdPage> {
  const chosen = limit ? ids.slice(0, limit) : ids;
  for (let i = 0; i < chosen.length; i += PAGE_SIZE) {
    yield { ids: chosen.slice(i, i + PAGE_SIZE), total: chosen.length };
  }
}

export const storedTier = (value: string | null | undefined): RiskTier | null =>
  RISK_TIERS.includes(value as RiskTier) ? (value as RiskTier) : null;

export function reviewTask(
  company: CompanyFeatures,
  tier: RiskTier,
  drivers: string,
  now: Date,
): CompanyTaskToCreate {
  const name = company.name ?? `company ${company.companyId}`;
  return {
    companyId: company.companyId,
    subject: `Renewal review: ${name} is now "${RISK_TIER_LABELS[tier]}"`,
    body: `${name} entered the "${RISK_TIER_LABELS[tier]}" renewal-risk tier. Drivers: ${drivers}. Review the account and decide on a save plan.`,
    // Due at once: the point is to act now, not at the next QBR.
    dueAt: now.toISOString(),
    ...(company.ownerId ? { ownerId: company.ownerId } : {}),
  };
}

const messageOf = (error: unknown) => (error instanceof Error ? error.message : String(error));
