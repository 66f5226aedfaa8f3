import type { SeedRecord } from '../records';
import type { AccountContext } from './context';
import { DEMO_PORTAL_FACTS } from './facts';
import { DAY_MS, isoDateTime } from './time';

const { renewals } = DEMO_PORTAL_FACTS.pipelines;
const [UPCOMING, NEGOTIATION, COMMITTED] = renewals.openStages;

/** A renewal deal the engagement generator ties negotiation activity to. */
export interface RenewalRef {
  dealId: string;
  at: number;
  /** Whether it renewed; for the open deal, the latent outcome nobody knows yet. */
  renews: boolean;
}

/**
 * One renewal deal per contract anniversary inside the history window plus the open one for the
 * upcoming renewal. Each is opened the day its predecessor closed, as a renewal workflow would.
 */
export function renewalDeals(ctx: AccountContext): { records: SeedRecord[]; refs: RenewalRef[] } {
  const { plan, now, ids } = ctx;
  const due = plan.pastRenewals.map((r) => ({ at: r.at, renews: r.outcome === 'renewed', closed: true }));
  if (plan.nextRenewalAt !== undefined)
    due.push({ at: plan.nextRenewalAt, renews: plan.upcomingRenews, closed: false });
  const records: SeedRecord[] = [];
  const refs: RenewalRef[] = [];
  for (const renewal of due) {
    const { at, renews, closed } = renewal;
    const createdAt = at - 365 * DAY_MS + DAY_MS;
    const moves: [string, number][] = [[UPCOMING, createdAt]];
    if (at - 60 * DAY_MS < now) moves.push([NEGOTIATION, at - 60 * DAY_MS]);
    if (closed && renews) moves.push([COMMITTED, at - 15 * DAY_MS]);
    if (closed) moves.push([renews ? renewals.won : renewals.lost, at]);
    const history = moves.map(([value, timestamp]) => ({
      value,
      timestamp,
      sourceType: 'CRM_UI' as const,
      sourceId: `userId:${plan.csm.userId}`,
    }));
    const id = ids.take('deals');
    records.push({
      kind: 'object',
      object: {
        objectType: 'deals',
        id,
        createdAt,
        properties: {
          dealname: `${ctx.companyName} – renewal ${new Date(at).getUTCFullYear()}`,
          amount: String(plan.arr),
          closedate: isoDateTime(at),
          pipeline: renewals.id,
          dealstage: history[history.length - 1]?.value ?? '',
          dealtype: DEMO_PORTAL_FACTS.dealTypes.renewal,
          hubspot_owner_id: plan.csm.id,
        },
        history: { dealstage: history },
      },
    });
    records.push({
      kind: 'association',
      association: { fromObjectType: 'deals', fromId: id, toObjectType: 'companies', toId: ctx.companyId },
    });
    refs.push({ dealId: id, at, renews });
  }
  return { records, refs };
}
