import type { RiskCrmPort, SkippedCompany } from '#src/crm/risk-port';
import type { RiskScoreJob } from '#src/jobs';
import { changedOutputs, needsReviewTask } from '#src/risk/outputs';
import type { ScoringModel } from '#src/risk/score-company';
import type { RiskSettings } from '#src/risk/settings';
import { companyFeatures, scoreFeatures } from '#src/risk/sync/company-features';
import { formerCustomerOutputsToClear, formerCustomerReason } from '#src/risk/sync/former-customer';
import { readRequest, reviewTask, storedTier } from '#src/risk/sync/sync-risk';

export type RiskJobCrm = Pick<
  RiskCrmPort,
  'readRiskPage' | 'dealPipelines' | 'updateCompanies' | 'createCompanyTasks'
>;

export interface RiskJobOutcome {
  scored: number;
  written: number;
  tasksCreated: number;
  skipped: SkippedCompany[];
}

/**
 * One `risk.score` job: reads its ≤ 100 companies in one page, scores them with the portal's stored
 * model as of `asOf` (else `now`), writes only changed outputs and creates a review task for each
 * company entering the bottom two tiers — phase 3 of the sync for one page. A company deleted since
 * it was listed, or a former customer, is skipped; a CRM failure throws, so the queue retries the whole job (writes are
 * idempotent: a retried job finds the outputs written and changes nothing twice).
 */
export async function scoreRiskJob(
  job: RiskScoreJob,
  deps: { crm: RiskJobCrm; model: ScoringModel; settings: RiskSettings; now: Date },
): Promise<RiskJobOutcome> {
  const scoredAt = job.asOf ? new Date(`${job.asOf}T00:00:00Z`) : deps.now;
  const [page, pipelines] = await Promise.all([
    deps.crm.readRiskPage(readRequest(deps.settings, job.companyIds)),
    deps.crm.dealPipelines(),
  ]);
  const skipped = [...page.skipped];
  let scored = 0;
  const updates: { companyId: string; properties: Record<string, string> }[] = [];
  const tasks = new Map<string, ReturnType<typeof reviewTask>>();
  for (const record of page.records) {
    // As in the sync: a former customer (last renewal lost) has nothing left to save.
    const former = formerCustomerReason(record, pipelines, deps.settings);
    if (former) {
      skipped.push({ companyId: record.id, reason: former });
      const clear = formerCustomerOutputsToClear(record);
      if (clear) updates.push({ companyId: record.id, properties: clear });
      continue;
    }
    scored += 1;
    const company = companyFeatures(record, deps.settings, scoredAt);
    const score = scoreFeatures(company, deps.model, scoredAt);
    const changed = changedOutputs(company.stored, score.outputs);
    if (Object.keys(changed).length === 0) continue;
    updates.push({ companyId: company.companyId, properties: changed as Record<string, string> });
    if (needsReviewTask(storedTier(company.stored.rg_risk_tier), score.tier))
      tasks.set(company.companyId, reviewTask(company, score.tier, score.outputs.rg_risk_drivers, scoredAt));
  }
  const { missing } = updates.length > 0 ? await deps.crm.updateCompanies(updates) : { missing: [] };
  for (const companyId of missing)
    skipped.push({ companyId, reason: 'deleted before its scores were written' });
  // After the write, as in the sync: the stored tier is what stops a second task on a retry.
  const due = [...tasks.values()].filter((task) => !missing.includes(task.companyId));
  const { created } = due.length > 0 ? await deps.crm.createCompanyTasks(due) : { created: 0 };
  return {
    scored,
    written: updates.length - missing.length,
    tasksCreated: created,
    skipped,
  };
}
