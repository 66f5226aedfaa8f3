import { chunks } from '#src/collections/chunks';
import type { Pipeline } from '#src/crm/records';
import type { CompanyIdPage, CompanyPageQuery, RiskCrmPort } from '#src/crm/risk-port';
import type { HubSpotConnection } from './config';
import { PipelineCache } from './pipeline-cache';
import { RateLimiter, type RateLimit } from './rate-limiter';
import { DEFAULT_RETRY, RetryingCaller, type RetryPolicy, type Sleep } from './retrying-call';
import {
  AssociationSpecAssociationCategoryEnum,
  createRiskApis,
  FilterOperatorEnum,
  type Filter,
  type RiskApis,
} from './risk-apis';
import { CountingCaller, historyOf, OBJECT_BATCH_LIMIT, readAssociations, readObjects } from './risk-calls';
import { readRiskPage } from './risk-page';

const SEARCH_PAGE_LIMIT = 200;
/** HubSpot-defined task→company association type (associations v4). */
const TASK_TO_COMPANY = 192;
/** Where a change to a company's activity shows: the object types searched by last modification. */
const ACTIVITY_TYPES = ['emails', 'meetings', 'calls', 'notes', 'tickets', 'contacts', 'deals'] as const;
/** Contacts name their last-modified property differently from every other object. */
const lastModifiedProperty = (objectType: string) =>
  objectType === 'contacts' ? 'lastmodifieddate' : 'hs_lastmodifieddate';

export interface HubSpotRiskCrmOptions extends HubSpotConnection {
  /** Default: 150 requests / 10 s, 10 in flight: under Professional's 190 with room for other callers. */
  rateLimit?: RateLimit;
  /** HubSpot's search endpoints allow about 5 requests a second per portal. */
  searchRateLimit?: RateLimit;
  retry?: RetryPolicy;
  /** For tests that must not wait out real back-offs. */
  sleep?: Sleep;
}

/** The risk sync's CRM port over HubSpot's API for one portal. Create once per run or Lambda and reuse. */
export function createHubSpotRiskCrm(options: HubSpotRiskCrmOptions): RiskCrmPort {
  const api = createRiskApis(options);
  const caller = new CountingCaller(
    new RetryingCaller(
      new RateLimiter(options.rateLimit ?? { maxRequests: 150, intervalMs: 10_000, maxConcurrent: 10 }),
      options.retry ?? DEFAULT_RETRY,
      ...(options.sleep ? [options.sleep] : []),
    ),
  );
  const searchLimiter = new RateLimiter(
    options.searchRateLimit ?? { maxRequests: 4, intervalMs: 1_000, maxConcurrent: 2 },
  );
  const pipelines = new PipelineCache(
    async () =>
      (await caller.call('read deal pipelines', () => api.pipelines.getAll('deals'))).results.map(
        (p): Pipeline => ({
          id: p.id,
          label: p.label,
          displayOrder: p.displayOrder,
          stages: p.stages
            .filter((s) => !s.archived)
            .map((s) => ({
              id: s.id,
              label: s.label,
              displayOrder: s.displayOrder,
              metadata: { ...s.metadata },
            })),
        }),
      ),
    5 * 60_000,
  );

  /** Ids matching the filters, ascending, paged by id so no query meets the 10,000-result cap. */
  const searchIds = async (
    objectType: string,
    filters: Filter[],
    afterId: string | undefined,
    limit: number,
  ): Promise<CompanyIdPage> => {
    const all = afterId
      ? [...filters, { propertyName: 'hs_object_id', operator: FilterOperatorEnum.Gt, value: afterId }]
      : filters;
    const page = await caller.call(
      `search ${objectType}`,
      () =>
        api.search.doSearch(objectType, {
          filterGroups: [{ filters: all }],
          sorts: ['hs_object_id'],
          properties: ['hs_object_id'],
          limit,
        }),
      searchLimiter,
    );
    const companyIds = page.results.map((r) => r.id);
    const last = companyIds.at(-1);
    return { companyIds, total: page.total, nextAfterId: companyIds.length === limit && last ? last : null };
  };

  const allIds = async (objectType: string, filters: Filter[]): Promise<string[]> => {
    const ids: string[] = [];
    let after: string | undefined;
    do {
      const page = await searchIds(objectType, filters, after, SEARCH_PAGE_LIMIT);
      ids.push(...page.companyIds);
      after = page.nextAfterId ?? undefined;
    } while (after);
    return ids;
  };

  return {
    dealPipelines: (o) => pipelines.get(o),

    async companiesWithRenewalDate(query: CompanyPageQuery) {
      const filters: Filter[] = [
        { propertyName: query.renewalDateProperty, operator: FilterOperatorEnum.HasProperty },
      ];
      if (query.modifiedAfter) {
        filters.push({
          propertyName: 'hs_lastmodifieddate',
          operator: FilterOperatorEnum.Gt,
          value: String(Date.parse(query.modifiedAfter)),
        });
      }
      const limit = Math.min(query.limit ?? SEARCH_PAGE_LIMIT, SEARCH_PAGE_LIMIT);
      return searchIds('companies', filters, query.afterId, limit);
    },

    readRiskPage: (request) => readRiskPage(api, caller, request),

    async readCompanies(companyIds, properties, withHistory) {
      const found = await readObjects(api, caller, 'companies', companyIds, properties, withHistory);
      return [...found.values()].map((c) => ({
        id: c.id,
        properties: { ...c.properties },
        propertyHistory: Object.fromEntries(withHistory.map((p) => [p, historyOf(c, p)])),
      }));
    },

    async companiesWithActivityModifiedAfter(since) {
      const value = String(Date.parse(since));
      const companies = new Set<string>();
      // Sequential: searches share a ~5/s limit, and most types find nothing in a short delta.
      for (const objectType of ACTIVITY_TYPES) {
        const ids = await allIds(objectType, [
          { propertyName: lastModifiedProperty(objectType), operator: FilterOperatorEnum.Gt, value },
        ]);
        if (ids.length === 0) continue;
        const links = await readAssociations(api, caller, objectType, 'companies', ids);
        for (const set of links.values()) for (const id of set) companies.add(id);
      }
      return [...companies].sort((a, b) => Number(a) - Number(b));
    },

    async updateCompanies(updates) {
      const missing: string[] = [];
      for (const batch of chunks(updates, OBJECT_BATCH_LIMIT)) {
        await updateBatch(api, caller, batch, missing);
      }
      return { missing };
    },

    async createCompanyTasks(tasks) {
      let created = 0;
      for (const batch of chunks(tasks, OBJECT_BATCH_LIMIT)) {
        const response = await caller.call(`create ${batch.length} review tasks`, () =>
          api.batch.create('tasks', {
            inputs: batch.map((task) => ({
              properties: {
                hs_task_subject: task.subject,
                hs_task_body: task.body,
                hs_timestamp: task.dueAt,
                hs_task_status: 'NOT_STARTED',
                hs_task_type: 'TODO',
                ...(task.ownerId ? { hubspot_owner_id: task.ownerId } : {}),
              },
              associations: [
                {
                  to: { id: task.companyId },
                  types: [
                    {
                      associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined,
                      associationTypeId: TASK_TO_COMPANY,
                    },
                  ],
                },
              ],
            })),
          }),
        );
        created += response.results.length;
      }
      return { created };
    },

    callStats: () => caller.snapshot(),
  };
}

/**
 * HubSpot fails a whole batch update when one id is gone (404 / OBJECT_NOT_FOUND naming it in the
 * message): the batch is retried without the ids it names, so one deleted company costs one call.
 */
async function updateBatch(
  api: RiskApis,
  caller: CountingCaller,
  batch: readonly { companyId: string; properties: Readonly<Record<string, string>> }[],
  missing: string[],
): Promise<void> {
  try {
    await caller.call(`update ${batch.length} companies`, () =>
      api.batch.update('companies', {
        inputs: batch.map((u) => ({ id: u.companyId, properties: { ...u.properties } })),
      }),
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    const named = batch.filter((u) => new RegExp(`\\b${u.companyId}\\b`).test(message));
    const isMissing = /not.?found|do not exist|does not exist/i.test(message);
    if (!isMissing || named.length === 0 || named.length === batch.length) throw error;
    missing.push(...named.map((u) => u.companyId));
    await updateBatch(
      api,
      caller,
      batch.filter((u) => !named.includes(u)),
      missing,
    );
  }
}
