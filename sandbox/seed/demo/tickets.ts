import type { SeedRecord } from '../records';
import { healthAt } from './account';
import { riskTalk } from './activity';
import { presentAt, type AccountContext } from './context';
import { DEMO_PORTAL_FACTS } from './facts';
import { RISK_TICKET_SUBJECTS, TICKET_CONTENT, TICKET_SUBJECTS } from './phrases';
import type { RenewalRef } from './renewal-deals';
import { DAY_MS, duringWorkingHours, isoDateTime } from './time';

const { tickets } = DEMO_PORTAL_FACTS.pipelines;
const MONTH = 30 * DAY_MS;
const OPEN_STAGES = [tickets.stages.waitingOnContact, tickets.stages.waitingOnUs];

/**
 * Support tickets in HubSpot's default pipeline: unhealthy accounts open more and wait longer, so
 * some stay open for months. A churned account's open tickets were closed when it left.
 */
export function* ticketRecords(ctx: AccountContext, refs: readonly RenewalRef[]): Generator<SeedRecord> {
  const { plan, random, now, ids } = ctx;
  const s = plan.segment.sensitivity;
  const perMonth = plan.segment.ticketsPer180Days / 6;
  const from = Math.max(plan.anniversaries[0] ?? 0, plan.historyStart);
  for (let t0 = from; t0 < plan.activeUntil; t0 += MONTH) {
    const t1 = Math.min(t0 + MONTH, plan.activeUntil);
    const h = healthAt(plan, (t0 + t1) / 2);
    const count = random.poisson(
      perMonth *
        ((t1 - t0) / MONTH) *
        Math.exp(-2 * s.tickets * h + plan.quirks.tickets + random.normal(0, 0.2)),
    );
    for (let i = 0; i < count; i++) {
      const openedAt = Math.min(t1 - 3_600_000, duringWorkingHours(random.between(t0, t1), random.next()));
      const waitDays = Math.exp(random.normal(Math.log(4) - 1.5 * s.tickets * h, 1.0));
      const closesAt = openedAt + waitDays * DAY_MS;
      const closedAt =
        closesAt < plan.activeUntil
          ? closesAt
          : plan.nextRenewalAt === undefined
            ? plan.activeUntil
            : undefined;
      const risky = random.chance(riskTalk(ctx, refs, openedAt));
      const stage =
        closedAt !== undefined
          ? tickets.stages.closed
          : now - openedAt < 2 * DAY_MS
            ? tickets.stages.new
            : random.pick(OPEN_STAGES);
      const subject = risky ? random.pick(RISK_TICKET_SUBJECTS) : random.pick(TICKET_SUBJECTS);
      const properties: Record<string, string> = {
        subject,
        content: random.pick(TICKET_CONTENT),
        hs_pipeline: tickets.id,
        hs_pipeline_stage: stage,
        hs_ticket_priority: random.pick(['LOW', 'MEDIUM', 'HIGH']),
        hubspot_owner_id: plan.csm.id,
      };
      if (closedAt !== undefined) properties.closed_date = isoDateTime(closedAt);
      const id = ids.take('tickets');
      yield { kind: 'object', object: { objectType: 'tickets', id, createdAt: openedAt, properties } };
      yield {
        kind: 'association',
        association: {
          fromObjectType: 'tickets',
          fromId: id,
          toObjectType: 'companies',
          toId: ctx.companyId,
        },
      };
      const present = presentAt(ctx.people, openedAt);
      if (present.length > 0) {
        const reporter = random.pick(present).id;
        yield {
          kind: 'association',
          association: { fromObjectType: 'tickets', fromId: id, toObjectType: 'contacts', toId: reporter },
        };
      }
    }
  }
}
