import type { CrmCallStats } from '#src/crm/risk-port';
import type { PropertyValue } from '#src/risk/signals/activity';
import type { HubSpotObject, RiskApis } from './risk-apis';
import type { RateLimiter } from './rate-limiter';
import { chunks } from '#src/collections/chunks';
import type { RetryingCaller } from './retrying-call';

/** HubSpot's batch limits: object reads and writes take 100 inputs, association reads 1,000. */
export const OBJECT_BATCH_LIMIT = 100;
export const ASSOCIATION_BATCH_LIMIT = 1_000;

/**
 * The retrying caller, counting every attempt (retries included) and every 429, so the sync can
 * report what a run cost against the portal's limits.
 */
export class CountingCaller {
  private readonly stats: CrmCallStats = { calls: 0, rateLimited: 0 };

  constructor(private readonly caller: RetryingCaller) {}

  call<T>(operation: string, request: () => Promise<T>, limiter?: RateLimiter): Promise<T> {
    const counted = async () => {
      this.stats.calls++;
      try {
        return await request();
      } catch (error) {
        if ((error as { code?: unknown }).code === 429) this.stats.rateLimited++;
        throw error;
      }
    };
    return this.caller.call(operation, counted, limiter);
  }

  snapshot(): CrmCallStats {
    return { ...this.stats };
  }
}

/** Batch reads of objects with the given properties; ids that no longer exist are left out (207). */
export async function readObjects(
  api: RiskApis,
  caller: CountingCaller,
  objectType: string,
  ids: readonly string[],
  properties: readonly string[],
  withHistory: readonly string[] = [],
): Promise<Map<string, HubSpotObject>> {
  const found = new Map<string, HubSpotObject>();
  const batches = chunks([...new Set(ids)], OBJECT_BATCH_LIMIT);
  await Promise.all(
    batches.map(async (batch) => {
      const response = await caller.call(`read ${batch.length} ${objectType}`, () =>
        api.batch.read(objectType, {
          inputs: batch.map((id) => ({ id })),
          properties: [...properties],
          propertiesWithHistory: [...withHistory],
        }),
      );
      for (const object of response.results) found.set(object.id, object);
    }),
  );
  return found;
}

/**
 * Associations v4 batch read, 1,000 ids a call, following HubSpot's per-id paging. An id without
 * associations is absent from the map; an association listed twice (two labels) counts once.
 */
export async function readAssociations(
  api: RiskApis,
  caller: CountingCaller,
  fromObjectType: string,
  toObjectType: string,
  ids: readonly string[],
): Promise<Map<string, Set<string>>> {
  const linked = new Map<string, Set<string>>();
  let pending: { id: string; after?: string }[] = [...new Set(ids)].map((id) => ({ id }));
  while (pending.length > 0) {
    const next: { id: string; after: string }[] = [];
    await Promise.all(
      chunks(pending, ASSOCIATION_BATCH_LIMIT).map(async (inputs) => {
        // Ids without any association come back as a 207 NO_ASSOCIATIONS_FOUND error: not a failure here.
        const response = await caller.call(`read ${fromObjectType}→${toObjectType} associations`, () =>
          api.associations.getPage(fromObjectType, toObjectType, { inputs }),
        );
        for (const result of response.results) {
          const set = linked.get(result._from.id) ?? new Set<string>();
          for (const to of result.to) set.add(String(to.toObjectId));
          linked.set(result._from.id, set);
          const after = result.paging?.next?.after;
          if (after) next.push({ id: result._from.id, after });
        }
      }),
    );
    pending = next;
  }
  return linked;
}

/** HubSpot's history (newest first, epoch-ms or ISO timestamps) as plain values. */
export function historyOf(object: HubSpotObject, property: string): PropertyValue[] {
  return (object.propertiesWithHistory?.[property] ?? []).map((h) => ({
    value: h.value,
    timestamp: new Date(h.timestamp).toISOString(),
  }));
}

export const orNull = (value: string | null | undefined): string | null =>
  value === undefined || value === null || value === '' ? null : value;
