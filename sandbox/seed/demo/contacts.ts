import type { SeedHistoryEntry, SeedObject } from '../records';
import type { AccountPlan } from './account';
import { DEMO_PORTAL_FACTS } from './facts';
import {
  CHAMPION_TITLES,
  EXEC_TITLES,
  FIRST_NAMES,
  LAST_NAMES,
  PROMOTED_TITLES,
  STAFF_TITLES,
} from './names';
import type { Random } from './random';
import { DAY_MS } from './time';

const LEFT = DEMO_PORTAL_FACTS.contactProperties.leftCompany;

/** A buyer-side person as the other generators need them: who they are and when they can be reached. */
export interface Person {
  id: string;
  role: 'champion' | 'exec' | 'staff';
  /** No engagement with them before this (they joined) or after `leftAt`. */
  since: number;
  leftAt: number | undefined;
}

export interface ContactDraft {
  person: Person;
  object: SeedObject;
}

/**
 * The account's people, champion first, then executives, then staff — the order in which a
 * healthy account's engagement widens. A champion who left is followed by a newcomer in the role.
 */
export function contactDrafts(
  plan: AccountPlan,
  domain: string,
  nextId: () => string,
  random: Random,
): ContactDraft[] {
  const [min, max] = plan.segment.contacts;
  const count = random.int(min, max);
  const execs = plan.segment.id === 'I' || plan.segment.id === 'A' ? 3 : plan.segment.id === 'B' ? 1 : 0;
  const start = plan.anniversaries[0] ?? 0;
  const used = new Set<string>();
  const drafts: ContactDraft[] = [];

  const add = (role: Person['role'], jobtitle: string, joined: number, leftAt?: number): ContactDraft => {
    // Nobody joins after the account's activity ends (or in the future).
    const since = Math.min(joined, plan.activeUntil - DAY_MS);
    const firstname = random.pick(FIRST_NAMES);
    const lastname = random.pick(LAST_NAMES);
    let local = `${firstname}.${lastname}`.toLowerCase();
    for (let n = 2; used.has(local); n++) local = `${firstname}.${lastname}${n}`.toLowerCase();
    used.add(local);
    const id = nextId();
    const properties: Record<string, string> = { email: `${local}@${domain}`, firstname, lastname, jobtitle };
    const history: Record<string, SeedHistoryEntry[]> = {};
    if (leftAt !== undefined) {
      properties[LEFT] = 'true';
      history[LEFT] = [{ value: 'true', timestamp: leftAt, sourceType: 'INTEGRATION' }];
    }
    const draft = {
      person: { id, role, since, leftAt },
      object: { objectType: 'contacts', id, properties, createdAt: since, history },
    };
    drafts.push(draft);
    return draft;
  };

  const championSince = start - random.int(60, 200) * DAY_MS;
  const champion = add('champion', random.pick(CHAMPION_TITLES), championSince, plan.championLeftAt);
  if (plan.championRoleChangeAt !== undefined && plan.championLeftAt === undefined) {
    // Changed role inside the customer: still there, but no longer the day-to-day owner.
    const before = champion.object.properties.jobtitle ?? '';
    const after = random.pick(PROMOTED_TITLES);
    champion.object.properties.jobtitle = after;
    champion.object.history = {
      jobtitle: [
        { value: before, timestamp: championSince, sourceType: 'INTEGRATION' },
        { value: after, timestamp: plan.championRoleChangeAt, sourceType: 'INTEGRATION' },
      ],
    };
  }
  for (let i = 0; i < Math.min(execs, count - 1); i++) {
    add('exec', EXEC_TITLES[i % EXEC_TITLES.length] ?? 'CEO', start - random.int(30, 200) * DAY_MS);
  }
  while (drafts.length < count)
    add('staff', random.pick(STAFF_TITLES), start + random.int(-60, 120) * DAY_MS);
  if (plan.championLeftAt !== undefined) {
    add('champion', random.pick(CHAMPION_TITLES), plan.championLeftAt + random.int(10, 60) * DAY_MS);
  }
  return drafts;
}
