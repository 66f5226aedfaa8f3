import type { SeedRecord } from '../records';
import { championAt, presentAt, type AccountContext } from './context';
import { DEMO_PORTAL_FACTS } from './facts';
import { completeHandover, partialHandover } from './handover';
import { stageHistory } from './stage-history';
import { DAY_MS, isoDateTime } from './time';

const { defaultSales, enterpriseSales } = DEMO_PORTAL_FACTS.pipelines;
type SalesPipeline = typeof defaultSales | typeof enterpriseSales;

const ENTERPRISE_SHARE = { I: 0.85, A: 0.7, B: 0.35, C: 0.1, D: 0.05 } as const;
const EXTRA_DEALS = { I: 1.6, A: 1.1, B: 0.7, C: 0.4, D: 0.25 } as const;
const CYCLE_DAYS = { I: [90, 200], A: [60, 150], B: [40, 110], C: [14, 60], D: [7, 40] } as const;
const EXPANSIONS = ['Expansion: more seats', 'Add-on: analytics', 'Upgrade to Pro', 'New team rollout'];

interface DealSpec {
  name: string;
  amount: number;
  createdAt: number;
  /** Closed, or expected to close for open deals. */
  closeAt: number;
  state: 'won' | 'lost' | 'open';
  /** Open deals: how far along the pipeline's open stages. */
  openStage: number;
}

function dealSpecs(ctx: AccountContext): DealSpec[] {
  const { plan, random, now, companyName } = ctx;
  const seg = plan.segment.id;
  const [minCycle, maxCycle] = CYCLE_DAYS[seg];
  const start = plan.anniversaries[0] ?? 0;
  const specs: DealSpec[] = [
    {
      name: `${companyName} – new business`,
      amount: plan.arr,
      createdAt: start - random.int(minCycle, maxCycle) * DAY_MS,
      closeAt: start,
      state: 'won',
      openStage: 0,
    },
  ];
  const active = plan.nextRenewalAt !== undefined;
  const from = Math.max(start + 60 * DAY_MS, plan.historyStart);
  const until = plan.activeUntil - 5 * DAY_MS;
  const extras = random.poisson(EXTRA_DEALS[seg] * Math.exp(0.4 * (plan.health[1] ?? 0)));
  for (let i = 0; i < extras && from < until; i++) {
    const createdAt = random.between(from, until);
    let state = random.weighted(['open', 'won', 'lost'] as const, [active ? 0.35 : 0, 0.35, 0.3]);
    let closeAt = createdAt + random.int(minCycle, maxCycle) * DAY_MS;
    if (state !== 'open' && closeAt >= plan.activeUntil) {
      if (!active) continue;
      state = 'open';
    }
    if (state === 'open') closeAt = now + random.int(7, 90) * DAY_MS;
    specs.push({
      name: `${companyName} – ${random.pick(EXPANSIONS)}`,
      amount: Math.round((plan.arr * random.between(0.1, 0.35)) / 100) * 100,
      createdAt,
      closeAt,
      state,
      // Weighted toward late stages so the demo has deals an AE is about to close.
      openStage: Math.floor(Math.pow(random.next(), 0.6) * 5),
    });
  }
  return specs;
}

/** New-business and expansion deals with their stage history, handover artifact and associations. */
export function* salesDealRecords(ctx: AccountContext): Generator<SeedRecord> {
  const { plan, random, ids, now, installedAt, people } = ctx;
  for (const spec of dealSpecs(ctx)) {
    const pipeline: SalesPipeline = random.chance(ENTERPRISE_SHARE[plan.segment.id])
      ? enterpriseSales
      : defaultSales;
    const open = pipeline.openStages;
    const openStage = Math.min(spec.openStage, open.length - 1);
    const stages =
      spec.state === 'won'
        ? [...open.filter(() => random.chance(0.85)), pipeline.won]
        : spec.state === 'lost'
          ? [...open.slice(0, random.int(1, open.length)), pipeline.lost]
          : open.slice(0, openStage + 1);
    if (stages.length === 0) stages.push(open[0] ?? pipeline.won);
    const lastMove =
      spec.state === 'open' ? Math.max(spec.createdAt, now - random.int(1, 20) * DAY_MS) : spec.closeAt;
    const history = stageHistory(stages, spec.createdAt, lastMove, plan.ae.userId);
    const dealstage = stages[stages.length - 1] ?? pipeline.won;

    const champion = championAt(people, Math.min(spec.closeAt, plan.activeUntil - DAY_MS));
    const handoverContext = {
      createdAt: spec.createdAt,
      closeAt: spec.closeAt,
      championId: champion?.id ?? '',
    };
    let handover: Record<string, string> = {};
    if (spec.state === 'won' && spec.closeAt >= installedAt && champion !== undefined) {
      handover = {
        ...completeHandover(random, handoverContext),
        rg_handover_status: 'complete',
        rg_gate_status: 'clear',
        rg_gate_checked_at: isoDateTime(spec.closeAt + 90_000),
        rg_csm_owner_id: plan.csm.id,
      };
      const reviewedAt = spec.closeAt + random.int(1, 6) * DAY_MS;
      if (reviewedAt < now) handover.rg_handover_reviewed_at = isoDateTime(reviewedAt);
    } else if (spec.state === 'won') {
      handover = partialHandover(random, handoverContext, random.int(0, 4));
    } else if (spec.state === 'open' && openStage >= open.length - 2) {
      handover = partialHandover(random, handoverContext, random.int(2, 4));
    }
    if (handover.rg_champion_contact_id === '') delete handover.rg_champion_contact_id;
    if (spec.state === 'won') {
      const outcome = plan.pastRenewals.find((r) => r.at > spec.closeAt)?.outcome;
      if (outcome !== undefined) handover.rg_renewal_outcome = outcome;
    }

    const id = ids.take('deals');
    yield {
      kind: 'object',
      object: {
        objectType: 'deals',
        id,
        createdAt: spec.createdAt,
        properties: {
          dealname: spec.name,
          amount: String(spec.amount),
          closedate: isoDateTime(spec.closeAt),
          pipeline: pipeline.id,
          dealstage,
          dealtype: DEMO_PORTAL_FACTS.dealTypes.sales,
          hubspot_owner_id: plan.ae.id,
          ...handover,
        },
        history: { dealstage: history },
      },
    };
    yield {
      kind: 'association',
      association: { fromObjectType: 'deals', fromId: id, toObjectType: 'companies', toId: ctx.companyId },
    };
    const labelled = handover.rg_champion_contact_id;
    const others = presentAt(people, spec.createdAt).filter((p) => p.id !== champion?.id);
    const contacts = [champion, ...others.slice(0, random.int(0, 3))];
    for (const person of contacts) {
      if (person === undefined) continue;
      yield {
        kind: 'association',
        association: {
          fromObjectType: 'deals',
          fromId: id,
          toObjectType: 'contacts',
          toId: person.id,
          ...(person.id === labelled ? { label: DEMO_PORTAL_FACTS.championAssociationLabel.name } : {}),
        },
      };
    }
  }
}
