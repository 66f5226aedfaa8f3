import type { JobQueue } from '#src/aws/queue';
import type { RiskCrmPort } from '#src/crm/risk-port';
import type { RiskScoreJob } from '#src/jobs';

/** One job is one batch read of companies. */
export const COMPANIES_PER_JOB = 100;

export interface FanOutRequest {
  portalId: number;
  /** The company property holding the renewal date: companies without one are not scored. */
  renewalDateProperty: string;
  /** Scoring date passed to every job (ISO date); absent = each worker scores as of its own today. */
  asOf?: string;
}

export interface FanOutOutcome {
  companies: number;
  jobs: number;
}

/**
 * Lists every company with a renewal date (search pages of 200, ascending by id) and enqueues them
 * as `risk.score` jobs of at most 100 ids, page by page, so workers start while listing goes on and
 * memory stays one page whatever the portal's size.
 */
export async function fanOutRiskScoring(
  request: FanOutRequest,
  deps: { crm: Pick<RiskCrmPort, 'companiesWithRenewalDate'>; queue: JobQueue },
): Promise<FanOutOutcome> {
  const outcome: FanOutOutcome = { companies: 0, jobs: 0 };
  let afterId: string | undefined;
  do {
    const page = await deps.crm.companiesWithRenewalDate({
      renewalDateProperty: request.renewalDateProperty,
      ...(afterId ? { afterId } : {}),
    });
    const jobs: RiskScoreJob[] = [];
    for (let i = 0; i < page.companyIds.length; i += COMPANIES_PER_JOB) {
      jobs.push({
        type: 'risk.score',
        portalId: request.portalId,
        companyIds: page.companyIds.slice(i, i + COMPANIES_PER_JOB),
        ...(request.asOf ? { asOf: request.asOf } : {}),
      });
    }
    if (jobs.length > 0) await deps.queue.send(jobs);
    outcome.companies += page.companyIds.length;
    outcome.jobs += jobs.length;
    afterId = page.nextAfterId ?? undefined;
  } while (afterId);
  return outcome;
}
