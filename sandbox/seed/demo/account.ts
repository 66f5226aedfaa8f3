import type { SeedOwner } from '../records';
import { DEMO_PORTAL_FACTS } from './facts';
import type { Random } from './random';
import { sigmoid } from './random';
import { SEGMENT_PROFILES, type SegmentProfile } from './segments';
import { addUtcMonths, addUtcYears, DAY_MS, startOfUtcDay } from './time';

export type BusinessChange = 'layoffs' | 'acquisition' | 'pivot';

export interface PastRenewal {
  at: number;
  outcome: 'renewed' | 'churned';
  /** The hidden chance it had of churning; the outcome was drawn from it (never written). */
  churnProbability: number;
}

/**
 * One customer's hidden story: its segment, contract years, a latent health per contract year
 * that drives both its engagement and its renewal outcomes, and the risk events that befell it.
 * Nothing here is written to the portal directly; the other generators read it.
 */
export interface AccountPlan {
  segment: SegmentProfile;
  arr: number;
  csm: SeedOwner;
  ae: SeedOwner;
  /** Contract anniversaries, oldest first: [0] the start (first deal closed), last the upcoming renewal. */
  anniversaries: number[];
  /** health[j]: the level the account's health reaches in the months before anniversaries[j]; ~N(0, 1). */
  health: number[];
  /** Renewals inside the history window, oldest first; a churn is always the last one. */
  pastRenewals: PastRenewal[];
  /** Undefined once the account has churned. */
  nextRenewalAt: number | undefined;
  /** Latent: whether the upcoming renewal would renew, from the same model (never written). */
  upcomingRenews: boolean;
  /** Activity stops here: "now", or the churn date. */
  activeUntil: number;
  historyStart: number;
  championLeftAt: number | undefined;
  championRoleChangeAt: number | undefined;
  businessChange: { kind: BusinessChange; at: number } | undefined;
  /** Per-account offsets (log scale) so that two accounts of equal health still look different. */
  quirks: Record<
    'inbound' | 'outbound' | 'meetings' | 'calls' | 'notes' | 'breadth' | 'usage' | 'tickets' | 'talk',
    number
  >;
}

/**
 * Churn log-odds per unit of health at a renewal. Steep, as with real customers: the state an
 * account is in over its last months decides the renewal far more than a coin weighted by it.
 */
const HEALTH_CHURN_SLOPE = 2.5;
/**
 * Over a contract year, health holds at the last renewal's level until SLIDE_FROM_DAYS before the
 * next anniversary and reaches this year's level SLIDE_TO_DAYS before it: the turn (engagement and
 * usage falling, tickets rising for a customer heading out) shows in the 4–9 months before the
 * renewal, and by the time a renewal is worked (~90 days ahead) the account is where it will be.
 */
const SLIDE_FROM_DAYS = 270;
const SLIDE_TO_DAYS = 120;

const START_YEARS = [1, 2, 3, 4, 5];
const START_WEIGHTS = [0.22, 0.24, 0.2, 0.17, 0.17];

export function planAccount(
  random: Random,
  now: number,
  roster: { csms: SeedOwner[]; aes: SeedOwner[] },
): AccountPlan {
  const segment = random.weighted(
    SEGMENT_PROFILES,
    SEGMENT_PROFILES.map((s) => s.share),
  );
  const [minArr, maxArr] = segment.arr;
  // Log-uniform, squeezed toward the floor: most accounts sit low in their band.
  const arr = Math.round((minArr * Math.pow(maxArr / minArr, Math.pow(random.next(), 1.6))) / 100) * 100;
  const historyStart = startOfUtcDay(addUtcMonths(now, -DEMO_PORTAL_FACTS.historyMonths));

  const upcoming = now + random.int(1, 364) * DAY_MS;
  const years = random.weighted(START_YEARS, START_WEIGHTS);
  const anniversaries = Array.from({ length: years + 1 }, (_, j) => addUtcYears(upcoming, j - years));

  const health = [random.normal()];
  for (let j = 1; j <= years; j++) health.push(0.75 * (health[j - 1] ?? 0) + 0.66 * random.normal());
  const lowest = Math.min(...health.slice(1));
  // Champions of struggling accounts leave, most often while the account slides toward its
  // weakest renewal; some leave at any time.
  const weakestAt = anniversaries[health.indexOf(lowest, 1)] ?? now;
  const slideStart = Math.max(historyStart, weakestAt - SLIDE_FROM_DAYS * DAY_MS);
  const slideEnd = Math.min(now - 7 * DAY_MS, weakestAt - 60 * DAY_MS);
  const championLeftAt = random.chance(sigmoid(-2.3 - 0.8 * lowest))
    ? slideEnd > slideStart && random.chance(0.7)
      ? random.between(slideStart, slideEnd)
      : random.between(historyStart, now - 7 * DAY_MS)
    : undefined;
  const championRoleChangeAt = random.chance(0.08)
    ? random.between(now - 150 * DAY_MS, now - 7 * DAY_MS)
    : undefined;
  const businessChange = random.chance(0.05)
    ? {
        kind: random.pick(['layoffs', 'acquisition', 'pivot'] as const),
        at: random.between(historyStart, now - DAY_MS),
      }
    : undefined;

  const churnProbability = (j: number): number => {
    const at = anniversaries[j] ?? 0;
    const within = (t: number | undefined) => t !== undefined && t < at && t > at - 365 * DAY_MS;
    return sigmoid(
      segment.churnLogit -
        HEALTH_CHURN_SLOPE * (health[j] ?? 0) +
        (within(championLeftAt) ? 1.2 : 0) +
        (within(businessChange?.at) ? 1.0 : 0),
    );
  };

  const pastRenewals: PastRenewal[] = [];
  let churnedAt: number | undefined;
  for (let j = 1; j < years && churnedAt === undefined; j++) {
    const at = anniversaries[j] ?? 0;
    // Renewals before the window were survived by definition: the account is still here.
    if (at < historyStart) continue;
    const p = churnProbability(j);
    const outcome = random.chance(p) ? 'churned' : 'renewed';
    pastRenewals.push({ at, outcome, churnProbability: p });
    if (outcome === 'churned') churnedAt = at;
  }
  const activeUntil = churnedAt ?? now;
  const noise = (sd = 0.35) => random.normal(0, sd);
  return {
    segment,
    arr,
    csm: random.pick(roster.csms),
    ae: random.pick(roster.aes),
    anniversaries: churnedAt === undefined ? anniversaries : anniversaries.filter((a) => a <= churnedAt),
    health,
    pastRenewals,
    nextRenewalAt: churnedAt === undefined ? upcoming : undefined,
    upcomingRenews: !random.chance(churnProbability(years)),
    activeUntil,
    historyStart,
    championLeftAt: championLeftAt !== undefined && championLeftAt < activeUntil ? championLeftAt : undefined,
    championRoleChangeAt:
      championRoleChangeAt !== undefined && championRoleChangeAt < activeUntil
        ? championRoleChangeAt
        : undefined,
    businessChange:
      businessChange !== undefined && businessChange.at < activeUntil ? businessChange : undefined,
    quirks: {
      inbound: noise(),
      outbound: noise(),
      meetings: noise(),
      calls: noise(),
      notes: noise(),
      breadth: noise(),
      // How many of the seats bought were ever rolled out varies widely between customers, so the
      // usage level says less about health than its trend does.
      usage: noise(0.85),
      tickets: noise(),
      talk: noise(),
    },
  };
}

/** Health at time `t`: it slides from one contract year's level to the next, so trends show. */
export function healthAt(plan: AccountPlan, t: number): number {
  const { anniversaries, health } = plan;
  for (let j = 1; j < anniversaries.length; j++) {
    const end = anniversaries[j] ?? 0;
    if (t <= end) {
      const slideFrom = end - SLIDE_FROM_DAYS * DAY_MS;
      const f = Math.min(1, Math.max(0, (t - slideFrom) / ((SLIDE_FROM_DAYS - SLIDE_TO_DAYS) * DAY_MS)));
      return (health[j - 1] ?? 0) * (1 - f) + (health[j] ?? 0) * f;
    }
  }
  return health[health.length - 1] ?? 0;
}
