import type { SeedRecord } from '../records';
import { healthAt } from './account';
import type { Person } from './contacts';
import { presentAt, type AccountContext } from './context';
import {
  EXEC_MEETING_TITLE,
  INCOMING_SUBJECTS,
  MEETING_TITLES,
  NOTES,
  OUTGOING_SUBJECTS,
  RISK_NOTES,
  RISK_SUBJECTS,
} from './phrases';
import { sigmoid } from './random';
import type { RenewalRef } from './renewal-deals';
import { DAY_MS, duringWorkingHours } from './time';
import { touchRecords, type Touch } from './touch';

const MONTH = 30 * DAY_MS;
const ROLE_ORDER: Record<Person['role'], number> = { champion: 0, exec: 1, staff: 2 };

/** Probability that a customer's words carry competitive or budget language at time `t`. */
export function riskTalk(ctx: AccountContext, refs: readonly RenewalRef[], t: number): number {
  const next = refs.find((r) => r.at > t);
  // Customers who will leave ask about exports and prices in the months before — not all, not only them.
  const leaving = next !== undefined && !next.renews && next.at - t < 200 * DAY_MS;
  return sigmoid(-4 - healthAt(ctx.plan, t) + ctx.plan.quirks.talk + (leaving ? 1 : 0));
}

/**
 * Month by month, emails, meetings, calls and notes whose volume, direction, outcome and breadth
 * follow the account's health with noise — the signals DESIGN.md §4 scores — plus meetings booked
 * for the coming weeks.
 */
export function* activityRecords(ctx: AccountContext, refs: readonly RenewalRef[]): Generator<SeedRecord> {
  const { plan, random, now } = ctx;
  const s = plan.segment.sensitivity;
  const q = plan.quirks;
  const perMonth = plan.segment.engagementsPer180Days / 6;
  const people = [...ctx.people].sort((a, b) => ROLE_ORDER[a.role] - ROLE_ORDER[b.role]);
  const from = Math.max(plan.anniversaries[0] ?? 0, plan.historyStart);

  for (let t0 = from; t0 < plan.activeUntil; t0 += MONTH) {
    const t1 = Math.min(t0 + MONTH, plan.activeUntil);
    const h = healthAt(plan, (t0 + t1) / 2);
    const count = (share: number, slope: number, quirk: number) =>
      random.poisson(
        perMonth * share * ((t1 - t0) / MONTH) * Math.exp(slope * h + quirk + random.normal(0, 0.2)),
      );
    const present = presentAt(people, t0);
    const reach = Math.max(1, Math.round(present.length * sigmoid(-0.2 + 2 * s.breadth * h + q.breadth)));
    const engaged = present.slice(0, reach);
    const execs = present.filter((p) => p.role === 'exec');
    const talk = riskTalk(ctx, refs, t0);
    const when = () => Math.min(t1 - 3_600_000, duringWorkingHours(random.between(t0, t1), random.next()));
    const contact = () => (engaged.length > 0 ? random.pick(engaged).id : undefined);
    const owner = () => (random.chance(0.12) ? plan.ae.id : plan.csm.id);
    const touches: Touch[] = [];

    for (let i = count(0.3, 0.1 * s.inbound, q.outbound); i > 0; i--) {
      const subject = random.pick(OUTGOING_SUBJECTS);
      touches.push(email(when(), owner(), contact(), 'EMAIL', subject));
    }
    for (let i = count(0.22, 2 * s.inbound, q.inbound); i > 0; i--) {
      const subject = random.chance(talk) ? random.pick(RISK_SUBJECTS) : random.pick(INCOMING_SUBJECTS);
      touches.push(email(when(), owner(), contact(), 'INCOMING_EMAIL', subject));
    }
    for (let i = count(0.16, s.meetings, q.meetings); i > 0; i--) {
      const exec =
        execs.length > 0 && random.chance(sigmoid(-2 + 2 * s.exec * h)) ? random.pick(execs) : undefined;
      const completed = random.chance(sigmoid(1.1 + 2 * s.meetings * h));
      const outcome = completed ? 'COMPLETED' : random.chance(0.55) ? 'CANCELED' : 'NO_SHOW';
      const title = exec !== undefined ? EXEC_MEETING_TITLE : random.pick(MEETING_TITLES);
      touches.push(meeting(when(), owner(), exec?.id ?? contact(), title, outcome));
    }
    for (let i = count(0.14, s.inbound, q.calls); i > 0; i--) {
      const direction = random.chance(sigmoid(-0.6 + 2 * s.inbound * h)) ? 'INBOUND' : 'OUTBOUND';
      touches.push({
        objectType: 'calls',
        at: when(),
        ownerId: owner(),
        contactId: contact(),
        properties: { hs_call_direction: direction },
      });
    }
    for (let i = count(0.18, 0, q.notes); i > 0; i--) {
      const body = random.chance(talk * 1.5) ? random.pick(RISK_NOTES) : random.pick(NOTES);
      const about = random.chance(0.5) ? contact() : undefined;
      touches.push({
        objectType: 'notes',
        at: when(),
        ownerId: plan.csm.id,
        contactId: about,
        properties: { hs_note_body: body },
      });
    }
    touches.sort((a, b) => a.at - b.at);
    for (const touch of touches) yield* touchRecords(ctx, touch);
  }

  if (plan.nextRenewalAt === undefined) return;
  const h = healthAt(plan, now);
  const present = presentAt(people, now);
  for (let i = random.poisson(perMonth * 0.16 * Math.exp(s.meetings * h)); i > 0; i--) {
    const at = duringWorkingHours(now + random.int(1, 30) * DAY_MS, random.next());
    const booked = meeting(
      at,
      plan.csm.id,
      present.length > 0 ? random.pick(present).id : undefined,
      random.pick(MEETING_TITLES),
      'SCHEDULED',
    );
    yield* touchRecords(ctx, { ...booked, createdAt: now - random.int(1, 20) * DAY_MS });
  }
}

export function email(
  at: number,
  ownerId: string,
  contactId: string | undefined,
  direction: string,
  subject: string,
): Touch {
  return {
    objectType: 'emails',
    at,
    ownerId,
    contactId,
    properties: { hs_email_direction: direction, hs_email_subject: subject },
  };
}

export function meeting(
  at: number,
  ownerId: string,
  contactId: string | undefined,
  title: string,
  outcome: string,
): Touch {
  return {
    objectType: 'meetings',
    at,
    ownerId,
    contactId,
    properties: { hs_meeting_title: title, hs_meeting_outcome: outcome },
  };
}
