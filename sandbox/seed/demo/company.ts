import type { SeedHistoryEntry, SeedObject } from '../records';
import { healthAt, type AccountPlan } from './account';
import { DEMO_PORTAL_FACTS } from './facts';
import { COMPANY_NOUNS, COMPANY_WORDS, INDUSTRIES } from './names';
import { clamp, sigmoid, type Random } from './random';
import { addUtcMonths, DAY_MS, isoDate, isoDateTime } from './time';

const P = DEMO_PORTAL_FACTS.companyProperties;
const NAME_SPACE = COMPANY_WORDS.length * COMPANY_NOUNS.length;

/** A unique name and domain per index: a coprime stride walks every word pair before repeating. */
function companyName(index: number, seedNumber: number): { name: string; domain: string } {
  const k = (index * 1237 + seedNumber * 7919) % NAME_SPACE;
  const word = COMPANY_WORDS[k % COMPANY_WORDS.length] ?? 'North';
  const noun = COMPANY_NOUNS[Math.floor(k / COMPANY_WORDS.length)] ?? 'Works';
  const round = Math.floor(index / NAME_SPACE);
  const suffix = round === 0 ? '' : ` ${round + 1}`;
  return {
    name: `${word} ${noun}${suffix}`,
    domain: `${word}${noun}${round === 0 ? '' : round + 1}.example`.toLowerCase(),
  };
}

/** Monthly readings from the later of the start and the history window, to activity's end. */
function monthlyReadings(plan: AccountPlan, read: (t: number) => string): SeedHistoryEntry[] {
  const from = Math.max(plan.anniversaries[0] ?? 0, plan.historyStart);
  const entries: SeedHistoryEntry[] = [];
  for (let t = from; t <= plan.activeUntil; t = addUtcMonths(t, 1)) {
    entries.push({ value: read(t), timestamp: t, sourceType: 'INTEGRATION' });
  }
  return entries;
}

/** The company with its contract, owner and the signals a product and a survey tool feed in. */
export function companyObject(
  id: string,
  index: number,
  seedNumber: number,
  plan: AccountPlan,
  random: Random,
): SeedObject {
  const { name, domain } = companyName(index, seedNumber);
  const s = plan.segment.sensitivity;
  const seats = Math.max(3, Math.round(plan.arr / random.between(250, 450)));
  const employees = Math.max(seats + 2, Math.round(seats * random.between(1.5, 6)));

  const wau = monthlyReadings(plan, (t) => {
    const use = sigmoid(0.7 + 2 * s.usage * healthAt(plan, t) + plan.quirks.usage + random.normal(0, 0.15));
    return String(Math.round(seats * use));
  });
  const nps = monthlyReadings(plan, (t) =>
    String(Math.round(clamp(random.normal(7 + 4 * s.sentiment * healthAt(plan, t), 1.6), 0, 10))),
  );
  const csat = monthlyReadings(plan, (t) =>
    String(Math.round(clamp(random.normal(4 + 1.3 * s.sentiment * healthAt(plan, t), 0.7), 1, 5))),
  );
  const churned = plan.nextRenewalAt === undefined;
  if (churned) wau.push({ value: '0', timestamp: plan.activeUntil + DAY_MS, sourceType: 'INTEGRATION' });
  // Users log in less often as health falls; a churned account's last login is near its churn.
  const idleDays =
    -Math.log(1 - random.next()) * 3 * Math.exp(-2 * s.usage * healthAt(plan, plan.activeUntil));
  const lastLogin = plan.activeUntil - Math.round(idleDays * DAY_MS);

  const properties: Record<string, string> = {
    name,
    domain,
    industry: random.pick(INDUSTRIES),
    numberofemployees: String(employees),
    lifecyclestage: 'customer',
    hubspot_owner_id: plan.csm.id,
    rg_arr: String(plan.arr),
    rg_renewal_date: isoDate(plan.nextRenewalAt ?? plan.activeUntil),
    [P.seats]: String(seats),
    [P.lastLoginAt]: isoDateTime(lastLogin),
  };
  const history: Record<string, SeedHistoryEntry[]> = {};
  for (const [property, entries] of [
    [P.weeklyActiveUsers, wau],
    [P.nps, nps],
    [P.csat, csat],
  ] as const) {
    const last = entries[entries.length - 1];
    if (last === undefined) continue;
    properties[property] = last.value;
    history[property] = entries;
  }
  if (plan.businessChange !== undefined) {
    properties.rg_business_change = plan.businessChange.kind;
    history.rg_business_change = [
      {
        value: plan.businessChange.kind,
        timestamp: plan.businessChange.at,
        sourceType: 'CRM_UI',
        sourceId: `userId:${plan.csm.userId}`,
      },
    ];
  }
  // Before the first deal was opened (the longest sales cycle is 200 days).
  const createdAt = (plan.anniversaries[0] ?? 0) - 220 * DAY_MS;
  return { objectType: 'companies', id, properties, createdAt, history };
}
