import type { AccountPlan } from './account';
import type { Person } from './contacts';
import type { ObjectIds } from './ids';
import type { Random } from './random';

/** What every per-account generator reads: the plan, the written company and its people. */
export interface AccountContext {
  plan: AccountPlan;
  companyId: string;
  companyName: string;
  people: Person[];
  now: number;
  installedAt: number;
  ids: ObjectIds;
  random: Random;
}

/** People reachable at `t`: joined and not yet left. */
export const presentAt = (people: readonly Person[], t: number): Person[] =>
  people.filter((p) => p.since <= t && (p.leftAt === undefined || p.leftAt > t));

/** The champion at `t`, or anyone present when the role is vacant. */
export function championAt(people: readonly Person[], t: number): Person | undefined {
  const present = presentAt(people, t);
  return present.find((p) => p.role === 'champion') ?? present[0];
}
