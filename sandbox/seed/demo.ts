import type { SeedRecord } from './records';
import { planAccount } from './demo/account';
import { accountRecords } from './demo/account-records';
import { DAY_MS, DEMO_PORTAL_FACTS } from './demo/facts';
import { DEMO_ID_BASES, ObjectIds } from './demo/ids';
import { buildRoster, teamAndOwnerRecords } from './demo/owners';
import { pipelineRecords } from './demo/pipelines';
import { propertyRecords } from './demo/properties';
import { Random } from './demo/random';
import { startOfUtcDay } from './demo/time';

export { DEMO_PORTAL_FACTS };

export interface DemoOptions {
  /** Same number, same portal. */
  seedNumber: number;
  /** Customer companies; 2,000 by default, 10,000 in the benchmarks. */
  companies?: number;
  /**
   * "Today" in epoch ms, floored to UTC midnight. Defaults to DEMO_PORTAL_FACTS.referenceNow
   * (2026-10-01) so the default portal never changes; `npm start` passes Date.now() so upcoming
   * renewals fall over the next 12 months.
   */
  now?: number;
}

export const DEFAULT_DEMO_COMPANIES = 2_000;

/**
 * The demo portal as a stream of seed records, loaded after the empty seed: teams and owners,
 * pipelines, properties, then one customer at a time with its contacts, deals, engagements and
 * tickets. Nothing is kept between customers, so memory stays flat however many there are.
 */
export function* generateDemoPortal(options: DemoOptions): Generator<SeedRecord> {
  const { seedNumber } = options;
  const companies = options.companies ?? DEFAULT_DEMO_COMPANIES;
  const now = startOfUtcDay(options.now ?? DEMO_PORTAL_FACTS.referenceNow);
  const installedAt = now - DEMO_PORTAL_FACTS.appInstalledDaysBeforeNow * DAY_MS;
  const roster = buildRoster(Random.forPart(seedNumber, -1), companies);
  const ids = new ObjectIds(DEMO_ID_BASES);

  yield* teamAndOwnerRecords(roster);
  yield* pipelineRecords();
  yield* propertyRecords();
  for (let index = 0; index < companies; index++) {
    // A generator per company: changing one customer's story leaves the others as they were.
    const random = Random.forPart(seedNumber, index);
    const plan = planAccount(random, now, roster);
    yield* accountRecords(index, seedNumber, plan, { now, installedAt, ids, random });
  }
}
