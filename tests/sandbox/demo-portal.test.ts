import { beforeAll, describe, expect, it } from 'vitest';
import { artifactFromProperties, handoverFindings, handoverSummary } from '#src/handover/schema';
import { DEFAULT_SEGMENTS } from '#src/risk/tiers';
import { DEMO_PORTAL_FACTS as FACTS, generateDemoPortal } from '#sandbox/seed/demo';
import { emptyPortal } from '#sandbox/seed/empty';
import type { SeedObject, SeedRecord } from '#sandbox/seed/records';
import { loadSeed } from '#sandbox/seed/load';
import { Portal } from '#sandbox/store/portal';
import { associated, companyOf, DAY, objectsOf, readPortal, type DemoPortalView } from './demo-portal-reader';

const NOW = FACTS.referenceNow;
const SMALL = { seedNumber: 7, companies: 300 };
const { renewals: RENEWALS, enterpriseSales, defaultSales } = FACTS.pipelines;

const segmentOf = (company: SeedObject) =>
  DEFAULT_SEGMENTS.find((s) => Number(company.properties.rg_arr) >= s.minArr)?.id;
const first = <T>(stream: Iterable<T>, n: number): T[] => {
  const out: T[] = [];
  for (const item of stream) if (out.push(item) >= n) break;
  return out;
};
const countByKind = (stream: Iterable<SeedRecord>) => {
  const counts: Record<string, number> = {};
  for (const r of stream) {
    const key = r.kind === 'object' ? r.object.objectType : r.kind;
    counts[key] = (counts[key] ?? 0) + 1;
  }
  return counts;
};

let portal: DemoPortalView;
beforeAll(() => {
  portal = readPortal(generateDemoPortal(SMALL));
});

const pastRenewals = () =>
  objectsOf(portal, 'deals').filter(
    (d) =>
      d.properties.pipeline === RENEWALS.id &&
      [RENEWALS.won, RENEWALS.lost].includes(d.properties.dealstage as never),
  );

describe('the demo portal', () => {
  it('is the same portal for the same seed number, and another for another seed number', () => {
    expect(first(generateDemoPortal(SMALL), 5_000)).toEqual(first(generateDemoPortal(SMALL), 5_000));
    expect(countByKind(generateDemoPortal(SMALL))).toEqual(countByKind(generateDemoPortal(SMALL)));
    const company = (seedNumber: number) =>
      first(generateDemoPortal({ ...SMALL, seedNumber }), 400).find((r) => r.kind === 'object');
    expect(company(8)).not.toEqual(company(7));
  });

  it('yields every record after what it refers to, on top of the empty portal', () => {
    const properties = new Set<string>();
    const stages = new Set<string>();
    const owners = new Set<string>();
    const teams = new Set<string>();
    const objects = new Set<string>();
    const labels = new Set<string>();
    const problems: string[] = [];
    for (const r of [...emptyPortal(), ...generateDemoPortal({ ...SMALL, companies: 60 })]) {
      if (r.kind === 'team') teams.add(r.team.id);
      if (r.kind === 'owner') {
        owners.add(r.owner.id);
        for (const t of r.owner.teams)
          if (!teams.has(t.id)) problems.push(`owner ${r.owner.id} before team ${t.id}`);
      }
      if (r.kind === 'property') properties.add(`${r.objectType}.${r.property.name}`);
      if (r.kind === 'pipeline')
        for (const s of r.pipeline.stages) stages.add(`${r.objectType}.${r.pipeline.id}.${s.id}`);
      if (r.kind === 'associationLabel') labels.add(`${r.fromObjectType}.${r.toObjectType}.${r.name}`);
      if (r.kind === 'object') {
        const { objectType: type, id, properties: values, history } = r.object;
        for (const name of new Set([...Object.keys(values), ...Object.keys(history ?? {})])) {
          if (!properties.has(`${type}.${name}`)) problems.push(`${type} ${id}: ${name} before its property`);
        }
        const owner = values.hubspot_owner_id;
        if (owner !== undefined && !owners.has(owner)) problems.push(`${type} ${id}: owner ${owner} unknown`);
        if (type === 'deals' && !stages.has(`deals.${values.pipeline}.${values.dealstage}`))
          problems.push(`deal ${id} stage`);
        if (type === 'tickets' && !stages.has(`tickets.${values.hs_pipeline}.${values.hs_pipeline_stage}`)) {
          problems.push(`ticket ${id} stage`);
        }
        objects.add(`${type}:${id}`);
      }
      if (r.kind === 'association') {
        const a = r.association;
        if (!objects.has(`${a.fromObjectType}:${a.fromId}`) || !objects.has(`${a.toObjectType}:${a.toId}`)) {
          problems.push(
            `association ${a.fromObjectType} ${a.fromId} → ${a.toObjectType} ${a.toId} before its ends`,
          );
        }
        if (a.label !== undefined && !labels.has(`${a.fromObjectType}.${a.toObjectType}.${a.label}`)) {
          problems.push(`label ${a.label} before its definition`);
        }
      }
    }
    expect(problems.slice(0, 10)).toEqual([]);
    expect(objects.size).toBeGreaterThan(1_000);
  });

  it('loads into the sandbox store on top of the empty portal', () => {
    const store = new Portal(1);
    const loaded = loadSeed(
      store,
      [...emptyPortal(), ...generateDemoPortal({ ...SMALL, companies: 40 })],
      NOW,
    );
    expect(loaded).toBeGreaterThan(10_000);
    expect(store.pipelines.deals.get(RENEWALS.id)?.stages.map((s) => s.id)).toContain(RENEWALS.lost);
  });

  it('holds 2,000 customers by default across all five segments, many small and few large, renewing over the next year', () => {
    const segments: Record<string, number> = {};
    const openRenewal = new Set<string>();
    const renewalDates = new Map<string, number>();
    for (const r of generateDemoPortal({ seedNumber: 1 })) {
      if (r.kind === 'object' && r.object.objectType === 'companies') {
        const segment = segmentOf(r.object) ?? '?';
        segments[segment] = (segments[segment] ?? 0) + 1;
        renewalDates.set(r.object.id, Date.parse(r.object.properties.rg_renewal_date ?? ''));
      }
      if (r.kind === 'object' && r.object.properties.pipeline === RENEWALS.id) {
        if (RENEWALS.openStages.includes(r.object.properties.dealstage as never))
          openRenewal.add(r.object.id);
      }
      if (
        r.kind === 'association' &&
        openRenewal.has(r.association.fromId) &&
        r.association.toObjectType === 'companies'
      ) {
        const at = renewalDates.get(r.association.toId) ?? 0;
        expect(at).toBeGreaterThan(NOW);
        expect(at).toBeLessThanOrEqual(NOW + 365 * DAY);
      }
    }
    expect(Object.values(segments).reduce((a, b) => a + b, 0)).toBe(2_000);
    expect(Object.keys(segments).sort()).toEqual(['A', 'B', 'C', 'D', 'I']);
    expect((segments.C ?? 0) + (segments.D ?? 0)).toBeGreaterThan(
      4 * ((segments.I ?? 0) + (segments.A ?? 0)),
    );
    expect(openRenewal.size).toBeGreaterThan(1_600);
  });

  it('holds open, lost, and won deals with and without a complete handover in both sales pipelines', () => {
    for (const pipeline of [defaultSales, enterpriseSales]) {
      const deals = objectsOf(portal, 'deals').filter((d) => d.properties.pipeline === pipeline.id);
      const won = deals.filter((d) => d.properties.dealstage === pipeline.won);
      const judged = won.map((deal) => {
        const championId = deal.properties.rg_champion_contact_id;
        const champion =
          championId === undefined ? undefined : portal.objects.get('contacts')?.get(championId);
        const summary = handoverSummary(
          handoverFindings(artifactFromProperties(deal.properties), {
            dealCreatedAt: new Date(deal.createdAt).toISOString(),
            closeDate: deal.properties.closedate ?? null,
            champion: champion && {
              id: champion.id,
              associatedWithDeal: associated(portal, deal, 'contacts', 'champion').includes(champion.id),
              email: champion.properties.email ?? null,
            },
          }),
        );
        return { deal, complete: summary.complete };
      });
      const passed = judged.filter((j) => j.deal.properties.rg_gate_status === 'clear');
      const neverChecked = judged.filter((j) => j.deal.properties.rg_gate_status === undefined);
      expect(passed.length).toBeGreaterThan(5);
      expect(passed.every((j) => j.complete && j.deal.properties.rg_handover_status === 'complete')).toBe(
        true,
      );
      expect(neverChecked.filter((j) => !j.complete).length).toBeGreaterThan(5);
      expect(deals.some((d) => d.properties.dealstage === pipeline.lost)).toBe(true);
      const open = deals.filter((d) => pipeline.openStages.includes(d.properties.dealstage as never));
      expect(open.some((d) => d.properties.rg_desired_outcome ?? d.properties.rg_success_criteria)).toBe(
        true,
      );
    }
  });

  it("records each deal's stages as its owner moved it, ending at the current stage", () => {
    for (const deal of objectsOf(portal, 'deals')) {
      const history = deal.history?.dealstage ?? [];
      expect(history.at(-1)?.value).toBe(deal.properties.dealstage);
      expect(history.every((h, i) => i === 0 || h.timestamp >= (history[i - 1]?.timestamp ?? 0))).toBe(true);
      expect(history.every((h) => h.sourceType === 'CRM_UI' && /^userId:\d+$/.test(h.sourceId ?? ''))).toBe(
        true,
      );
    }
  });

  it('has past renewals that renewed and that churned, and a churned customer renews no more', () => {
    const past = pastRenewals();
    const churned = past.filter((d) => d.properties.dealstage === RENEWALS.lost);
    expect(churned.length / past.length).toBeGreaterThan(0.1);
    expect(churned.length / past.length).toBeLessThan(0.25);
    for (const deal of churned) {
      const company = companyOf(portal, deal);
      const later = objectsOf(portal, 'deals').filter(
        (d) =>
          d.properties.pipeline === RENEWALS.id &&
          companyOf(portal, d) === company &&
          d.createdAt > deal.createdAt,
      );
      expect(later).toEqual([]);
    }
  });
});
