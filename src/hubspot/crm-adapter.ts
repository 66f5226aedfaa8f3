import { isCrmError } from '#src/crm/errors';
import type { CrmPort, GateSweepPage, GateSweepQuery } from '#src/crm/port';
import type {
  ContactRecord,
  DealRecord,
  NoteToCreate,
  Owner,
  Pipeline,
  TaskToCreate,
} from '#src/crm/records';
import {
  createHubSpotApis,
  FilterOperatorEnum,
  type Filter,
  type HubSpotPipeline,
  type PublicOwner,
} from './codegen-apis';
import type { HubSpotConnection } from './config';
import {
  dealBatches,
  NOTE_TO_DEAL,
  noteProperties,
  TASK_TO_DEAL,
  taskProperties,
  toDeal,
} from './deal-batches';
import { PipelineCache } from './pipeline-cache';
import { RateLimiter, type RateLimit } from './rate-limiter';
import { DEFAULT_RETRY, RetryingCaller, type RetryPolicy, type Sleep } from './retrying-call';

const SEARCH_PAGE_LIMIT = 200;
const CONTACT_BATCH_LIMIT = 100;

export interface HubSpotCrmOptions extends HubSpotConnection {
  /** Default: 150 requests / 10 s, 10 in flight: under Professional's 190 with room for other callers. */
  rateLimit?: RateLimit;
  /** HubSpot's search endpoints allow about 5 requests a second per portal. */
  searchRateLimit?: RateLimit;
  retry?: RetryPolicy;
  pipelinesTtlMs?: number;
  /** For tests that must not wait out real back-offs. */
  sleep?: Sleep;
}

/** The CRM port over HubSpot's API for one portal (one access token). Create once per portal and reuse. */
export function createHubSpotCrm(options: HubSpotCrmOptions): CrmPort {
  const api = createHubSpotApis(options);
  const caller = new RetryingCaller(
    new RateLimiter(options.rateLimit ?? { maxRequests: 150, intervalMs: 10_000, maxConcurrent: 10 }),
    options.retry ?? DEFAULT_RETRY,
    ...(options.sleep ? [options.sleep] : []),
  );
  const searchLimiter = new RateLimiter(
    options.searchRateLimit ?? { maxRequests: 4, intervalMs: 1_000, maxConcurrent: 2 },
  );
  const call = caller.call.bind(caller);
  const orNull = async <T>(request: Promise<T>): Promise<T | null> => {
    try {
      return await request;
    } catch (error) {
      if (isCrmError(error, 'not_found')) return null;
      throw error;
    }
  };
  const pipelines = new PipelineCache(
    async () =>
      (await call('read deal pipelines', () => api.pipelines.getAll('deals'))).results.map(toPipeline),
    options.pipelinesTtlMs ?? 5 * 60_000,
  );

  return {
    ...dealBatches(api, call),

    async readDeal(dealId, properties): Promise<DealRecord | null> {
      const deal = await orNull(
        call(`read deal ${dealId}`, () =>
          api.deals.getById(dealId, [...properties], ['dealstage'], ['contacts']),
        ),
      );
      if (!deal) return null;
      const history = deal.propertiesWithHistory?.dealstage ?? [];
      const contactIds = (deal.associations?.contacts?.results ?? []).map((r) => r.id);
      return {
        id: deal.id,
        properties: { ...deal.properties },
        dealstageHistory: history.map((h) => ({
          value: h.value,
          timestamp: new Date(h.timestamp).toISOString(),
          sourceType: h.sourceType,
          ...(h.sourceId ? { sourceId: h.sourceId } : {}),
        })),
        contactIds: [...new Set(contactIds)],
      };
    },

    async updateDeal(dealId, properties) {
      await call(`update deal ${dealId}`, () => api.deals.update(dealId, { properties: { ...properties } }));
    },

    async readContacts(contactIds): Promise<ContactRecord[]> {
      const found: ContactRecord[] = [];
      for (let i = 0; i < contactIds.length; i += CONTACT_BATCH_LIMIT) {
        const inputs = contactIds.slice(i, i + CONTACT_BATCH_LIMIT).map((id) => ({ id }));
        const batch = await call('read contacts', () =>
          api.contacts.read({
            inputs,
            properties: ['email', 'firstname', 'lastname'],
            propertiesWithHistory: [],
          }),
        );
        for (const c of batch.results) {
          found.push({
            id: c.id,
            email: c.properties.email || null,
            firstName: c.properties.firstname || null,
            lastName: c.properties.lastname || null,
          });
        }
      }
      return found;
    },

    dealPipelines: (options) => pipelines.get(options),

    async createNote(note: NoteToCreate) {
      const created = await call(`create a note on deal ${note.dealId}`, () =>
        api.notes.create({
          properties: noteProperties(note),
          associations: [toDeal(note.dealId, NOTE_TO_DEAL)],
        }),
      );
      return { id: created.id };
    },

    async createTask(task: TaskToCreate) {
      const properties = taskProperties(task);
      const created = await call(`create a task on deal ${task.dealId}`, () =>
        api.tasks.create({ properties, associations: [toDeal(task.dealId, TASK_TO_DEAL)] }),
      );
      return { id: created.id };
    },

    async ownerByUserId(userId) {
      const owner = await orNull(
        call(`read the owner of user ${userId}`, () => api.owners.getById(userId, 'userId')),
      );
      return owner && toOwner(owner);
    },

    async ownerById(ownerId) {
      if (!/^\d+$/.test(ownerId)) return null;
      const owner = await orNull(
        call(`read owner ${ownerId}`, () => api.owners.getById(Number(ownerId), 'id')),
      );
      return owner && toOwner(owner);
    },

    async owners() {
      const all: Owner[] = [];
      let after: string | undefined;
      do {
        const page = await call('read owners', () => api.owners.getPage(undefined, after, 500, false));
        all.push(...page.results.map(toOwner));
        after = page.paging?.next?.after;
      } while (after);
      return all;
    },

    async dealsDueForGateCheck(query: GateSweepQuery): Promise<GateSweepPage> {
      const limit = Math.min(query.limit ?? SEARCH_PAGE_LIMIT, SEARCH_PAGE_LIMIT);
      const page = await call(
        'search deals due for a gate check',
        () =>
          api.dealSearch.doSearch({
            filterGroups: gateSweepFilterGroups(query).map((filters) => ({ filters })),
            sorts: ['hs_object_id'],
            properties: ['hs_object_id'],
            limit,
          }),
        searchLimiter,
      );
      const dealIds = page.results.map((d) => d.id);
      const last = dealIds.at(-1);
      return { dealIds, nextAfterDealId: dealIds.length === limit && last ? last : null };
    },
  };
}

/**
 * Four groups (HubSpot allows 5, 6 filters each), each restricted to won stages and to ids after
 * the last page: paging by id instead of `after` never meets the search API's 10,000-result cap.
 */
export function gateSweepFilterGroups(query: GateSweepQuery): Filter[][] {
  const base: Filter[] = [
    { propertyName: 'dealstage', operator: FilterOperatorEnum.In, values: [...query.wonStageIds] },
  ];
  if (query.afterDealId)
    base.push({ propertyName: 'hs_object_id', operator: FilterOperatorEnum.Gt, value: query.afterDealId });
  if (query.modifiedSince)
    base.push({
      propertyName: 'hs_lastmodifieddate',
      operator: FilterOperatorEnum.Gte,
      value: String(Date.parse(query.modifiedSince)),
    });
  const checkedBefore = String(Date.parse(query.checkedBefore));
  return [
    [...base, { propertyName: 'rg_gate_checked_at', operator: FilterOperatorEnum.NotHasProperty }],
    [...base, { propertyName: 'rg_gate_checked_at', operator: FilterOperatorEnum.Lt, value: checkedBefore }],
    [...base, { propertyName: 'rg_gate_status', operator: FilterOperatorEnum.NotHasProperty }],
    [...base, { propertyName: 'rg_gate_status', operator: FilterOperatorEnum.Eq, value: 'blocked' }],
  ];
}

function toPipeline(p: HubSpotPipeline): Pipeline {
  return {
    id: p.id,
    label: p.label,
    displayOrder: p.displayOrder,
    stages: p.stages
      .filter((s) => !s.archived)
      .map((s) => ({ id: s.id, label: s.label, displayOrder: s.displayOrder, metadata: { ...s.metadata } })),
  };
}

function toOwner(o: PublicOwner): Owner {
  return {
    id: o.id,
    userId: o.userId ?? null,
    email: o.email ?? null,
    firstName: o.firstName ?? null,
    lastName: o.lastName ?? null,
    teams: (o.teams ?? []).map((t) => ({ id: t.id, name: t.name })),
  };
}
