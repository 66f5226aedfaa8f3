import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@hubspot/api-client';
import type { RunningSandbox } from '#sandbox/server';
import { DEMO_PORTAL_FACTS } from '#sandbox/seed/demo/facts';
import { APP_TOKEN, uiToken } from '#sandbox/tokens';
import { runRiskSync, type RunRiskSyncOptions } from '#src/cli/risk-sync';
import type { RiskCrmPort } from '#src/crm/risk-port';
import { fileRiskSyncStores } from '#src/files/risk-sync-files';
import { parseRiskSettings } from '#src/risk/settings';
import { OUTPUT_PROPERTIES } from '#src/risk/sync/company-features';
import { syncRisk } from '#src/risk/sync/sync-risk';
import { AT_RISK_TIERS, type RiskTier } from '#src/risk/tiers';
import { clientFor, startTestSandbox } from '../support/sandbox';
import {
  callsTo,
  DEMO_RISK_SETTINGS,
  requestCounts,
  resetRequestCounts,
  riskCrmFor,
  seedDemo,
  UNTHROTTLED,
} from './portal';

/** Big enough that 1% of it is a handful of companies, small enough to sync in seconds. */
const COMPANIES = 500;
const P = DEMO_PORTAL_FACTS.companyProperties;

let sandbox: RunningSandbox;
let app: Client;
let crm: RiskCrmPort;
let options: RunRiskSyncOptions;
let output = '';

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedDemo(sandbox, COMPANIES);
  app = clientFor(sandbox);
  crm = riskCrmFor(sandbox);
  options = {
    env: { HUBSPOT_ACCESS_TOKEN: APP_TOKEN, HUBSPOT_BASE_URL: sandbox.url },
    stateDir: mkdtempSync(join(tmpdir(), 'risk-sync-')),
    settings: DEMO_RISK_SETTINGS,
    hubspot: UNTHROTTLED,
    out: { write: (text: string) => ((output += text), true) } as NodeJS.WritableStream,
  };
}, 60_000);
afterAll(() => sandbox.close());

async function companiesWithRenewalDate(): Promise<string[]> {
  const ids: string[] = [];
  let afterId: string | undefined;
  do {
    const page = await crm.companiesWithRenewalDate({
      renewalDateProperty: 'rg_renewal_date',
      ...(afterId ? { afterId } : {}),
    });
    ids.push(...page.companyIds);
    afterId = page.nextAfterId ?? undefined;
  } while (afterId);
  return ids;
}

async function outputsOf(ids: readonly string[]) {
  const companies = await crm.readCompanies(ids, [...OUTPUT_PROPERTIES, 'hubspot_owner_id'], []);
  return new Map(companies.map((c) => [c.id, c.properties]));
}

async function tasksOf(companyId: string): Promise<{ subject: string; owner: string | null }[]> {
  const links = await app.crm.associations.v4.basicApi.getPage('companies', companyId, 'tasks');
  const tasks = await Promise.all(
    links.results.map((l) =>
      app.crm.objects.tasks.basicApi.getById(String(l.toObjectId), ['hs_task_subject', 'hubspot_owner_id']),
    ),
  );
  return tasks.map((t) => ({
    subject: t.properties.hs_task_subject ?? '',
    owner: t.properties.hubspot_owner_id ?? null,
  }));
}

let fullCalls = 0;
let atRiskAfterFull: string[] = [];
let former: string[] = [];
const RENEWALS = DEMO_PORTAL_FACTS.pipelines.renewals;

/** The company's renewal deals as the app client reads them: stage, close date, closed or open. */
async function renewalDealsOf(companyId: string) {
  const links = await app.crm.associations.v4.basicApi.getPage('companies', companyId, 'deals');
  const deals = await Promise.all(
    links.results.map((l) =>
      app.crm.deals.basicApi.getById(String(l.toObjectId), ['pipeline', 'dealstage', 'closedate']),
    ),
  );
  return deals
    .filter((d) => d.properties.pipeline === RENEWALS.id)
    .map((d) => ({
      stage: d.properties.dealstage ?? '',
      closedate: d.properties.closedate ?? '',
      closed: d.properties.dealstage === RENEWALS.won || d.properties.dealstage === RENEWALS.lost,
    }));
}

describe('risk sync against a demo portal', () => {
  it('a full sync gives every current customer its outputs, and each account in the bottom two tiers one review task for its owner', async () => {
    await resetRequestCounts(sandbox);
    const summary = await runRiskSync(options);
    const counts = await requestCounts(sandbox);
    fullCalls = summary.calls.calls;

    const ids = await companiesWithRenewalDate();
    expect(ids).toHaveLength(COMPANIES);
    former = summary.skipped.map((s) => s.companyId);
    const current = ids.filter((id) => !former.includes(id));
    expect(summary.scored).toBe(current.length);
    const outputs = await outputsOf(ids);
    for (const id of current) {
      const o = outputs.get(id)!;
      expect(o.rg_risk_tier, `company ${id}`).toMatch(
        /^(likely_to_renew|above_average|average|below_average|churn_risk)$/,
      );
      expect(Number(o.rg_risk_score)).toBeGreaterThanOrEqual(0);
      expect(Number(o.rg_churn_probability)).toBeGreaterThan(0);
      expect(o.rg_risk_drivers).not.toBe('');
      expect(o.rg_risk_scored_at).not.toBe('');
      expect(o.rg_days_to_renewal).toMatch(/^-?\d+$/);
      expect(o.rg_renewal_window).toMatch(/^(comprehensive|compressed|emergency)$/);
      expect(o.rg_segment).toMatch(/^[IABCD]$/);
    }
    // Every company changed from nothing: one batch update per 100, the calls the adapter counted.
    expect(callsTo(counts, '/batch/update')).toBe(Math.ceil(current.length / 100));
    expect(counts.total).toBe(summary.calls.calls);

    atRiskAfterFull = current.filter((id) =>
      AT_RISK_TIERS.includes(outputs.get(id)!.rg_risk_tier as RiskTier),
    );
    expect(summary.tasksCreated).toBe(atRiskAfterFull.length);
    const [sample] = atRiskAfterFull;
    const tasks = await tasksOf(sample!);
    expect(tasks).toHaveLength(1);
    expect(tasks[0]!.subject).toMatch(/^Renewal review: .+ is now "(Below average|Churn risk)"$/);
    expect(tasks[0]!.owner).toBe(outputs.get(sample!)!.hubspot_owner_id);
  });

  it('a company whose last renewal was lost, with no renewal open since, is skipped as a former customer: no outputs, no task', async () => {
    expect(former.length).toBeGreaterThan(0);
    const summary = await runRiskSync({ ...options, dryRun: true });
    for (const skipped of summary.skipped) {
      expect(skipped.reason).toMatch(/^churned on \d{4}-\d{2}-\d{2}; not a current customer$/);
    }
    const outputs = await outputsOf(former);
    for (const id of former) expect(outputs.get(id)!.rg_risk_tier ?? '', `company ${id}`).toBe('');
    expect(await tasksOf(former[0]!)).toEqual([]);

    const deals = await renewalDealsOf(former[0]!);
    const latest = deals.filter((d) => d.closed).sort((a, b) => b.closedate.localeCompare(a.closedate))[0]!;
    expect(latest.stage).toBe(RENEWALS.lost);
    expect(deals.filter((d) => !d.closed)).toEqual([]);
    expect(summary.skipped.find((s) => s.companyId === former[0])!.reason).toBe(
      `churned on ${latest.closedate.slice(0, 10)}; not a current customer`,
    );
  });

  it('a second full sync the same day writes nothing and creates no second task', async () => {
    await resetRequestCounts(sandbox);
    const summary = await runRiskSync(options);
    const counts = await requestCounts(sandbox);
    expect(summary.unchanged).toBe(COMPANIES - former.length);
    expect(callsTo(counts, '/batch/update')).toBe(0);
    expect(callsTo(counts, '/batch/create')).toBe(0);
    expect(await tasksOf(atRiskAfterFull[0]!)).toHaveLength(1);
  });

  it('a delta sync after 1% of companies changed re-scores just those, with under 5% of a full sync’s calls', async () => {
    const outputs = await outputsOf(await companiesWithRenewalDate());
    const healthy = [...outputs].filter(([, o]) => o.rg_risk_tier === 'likely_to_renew').map(([id]) => id);
    const [emailed, usageUp, usageDown, silent, declining] = healthy;
    const ui = clientFor(sandbox, uiToken(outputs.get(emailed!)!.hubspot_owner_id!));
    await ui.crm.objects.emails.basicApi.create({
      properties: {
        hs_timestamp: new Date(Date.now() - 86_400_000).toISOString(),
        hs_email_direction: 'INCOMING_EMAIL',
        hs_email_subject: 'Quick question about reporting',
      },
      associations: [
        {
          to: { id: emailed! },
          types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 186 }],
        },
      ],
    });
    // Each a real change: setting the value a property already holds changes nothing (as in HubSpot).
    const current = new Map(
      (
        await crm.readCompanies([usageUp!, usageDown!, silent!], [P.weeklyActiveUsers, P.nps, P.csat], [])
      ).map((c) => [c.id, c.properties]),
    );
    const unlike = (id: string, property: string, wanted: string, otherwise: string) =>
      current.get(id)?.[property] === wanted ? otherwise : wanted;
    await ui.crm.companies.basicApi.update(usageUp!, {
      properties: { [P.weeklyActiveUsers]: unlike(usageUp!, P.weeklyActiveUsers, '400', '401') },
    });
    await ui.crm.companies.basicApi.update(usageDown!, {
      properties: { [P.nps]: unlike(usageDown!, P.nps, '5', '4') },
    });
    await ui.crm.companies.basicApi.update(silent!, {
      properties: { [P.csat]: unlike(silent!, P.csat, '2', '3') },
    });
    // The account falls apart: nobody uses it, the NPS is 0 and the customer talks about leaving.
    await ui.crm.companies.basicApi.update(declining!, {
      properties: { [P.weeklyActiveUsers]: '0', [P.nps]: '0', [P.csat]: '1', rg_business_change: 'layoffs' },
    });
    await ui.crm.objects.notes.basicApi.create({
      properties: {
        hs_timestamp: new Date(Date.now() - 3_600_000).toISOString(),
        hs_note_body: 'They are comparing with Gainsight; the price too high for a budget freeze.',
      },
      associations: [
        {
          to: { id: declining! },
          types: [{ associationCategory: 'HUBSPOT_DEFINED' as never, associationTypeId: 190 }],
        },
      ],
    });

    await resetRequestCounts(sandbox);
    const summary = await runRiskSync({ ...options, mode: 'delta' });
    const counts = await requestCounts(sandbox);
    expect(summary.mode).toBe('delta');
    expect(summary.model.source).toBe('stored');
    expect(summary.scored).toBe(5);
    expect(counts.total).toBe(summary.calls.calls);
    expect(summary.calls.calls).toBeLessThanOrEqual(0.05 * fullCalls);

    const after = await outputsOf([declining!]);
    expect(AT_RISK_TIERS).toContain(after.get(declining!)!.rg_risk_tier);
    expect(await tasksOf(declining!)).toHaveLength(1);
    expect(summary.tasksCreated).toBe(1);
  });

  it('a delta sync with nothing changed since the last run re-scores nothing', async () => {
    const summary = await runRiskSync({ ...options, mode: 'delta' });
    expect(summary.scored).toBe(0);
    expect(summary.written).toBe(0);
  });

  it('a dry run scores and reports what it would write, and writes nothing', async () => {
    const [company] = (await companiesWithRenewalDate()).filter((id) => !former.includes(id));
    await app.crm.companies.basicApi.update(company!, {
      properties: { rg_risk_tier: '', rg_risk_score: '' },
    });
    await resetRequestCounts(sandbox);
    output = '';
    const summary = await runRiskSync({ ...options, dryRun: true });
    const counts = await requestCounts(sandbox);
    expect(summary.written).toBe(1);
    expect(callsTo(counts, '/batch/update')).toBe(0);
    expect(callsTo(counts, '/batch/create')).toBe(0);
    expect((await outputsOf([company!])).get(company!)!.rg_risk_tier ?? '').toBe('');
    expect(output).toContain('dry run: nothing written');
    expect(output).toContain('Would write: 1 companies');
  });

  it('prints tier counts per segment, writes, former customers not scored, calls and the model used', async () => {
    output = '';
    const summary = await runRiskSync({ ...options, dryRun: true, limit: 150 });
    const notCurrent = summary.skipped.length;
    expect(notCurrent).toBeGreaterThan(0);
    expect(summary.scored).toBe(150 - notCurrent);
    expect(output).toContain(`Tiers per segment (${150 - notCurrent} companies scored):`);
    expect(output).toContain(
      `Not scored: ${notCurrent} former customers (last renewal lost, no renewal open since).`,
    );
    expect(output).not.toMatch(/^Skipped/m);
    expect(output).toMatch(/Churn risk\s+(\d+\s+){5}\d+/);
    expect(output).toMatch(/HubSpot calls: \d+ \(0 answered 429\), \d+ per 100 companies\./);
    expect(output).toMatch(/Model: (learned from \d+ past renewals|rules-based)/);
    expect(output).toMatch(/renewal rate by tier: Likely to renew/);
  });

  it('a company deleted while the sync runs is skipped with a reason and the rest are scored', async () => {
    const real = riskCrmFor(sandbox);
    let deleted: string | null = null;
    const deleting: RiskCrmPort = {
      ...real,
      async readRiskPage(request) {
        if (!deleted) {
          deleted = request.companyIds[3]!;
          await app.crm.companies.basicApi.archive(deleted);
        }
        return real.readRiskPage(request);
      },
    };
    const summary = await syncRisk(
      {
        crm: deleting,
        ...fileRiskSyncStores(mkdtempSync(join(tmpdir(), 'risk-sync-'))),
        settings: parseRiskSettings(DEMO_RISK_SETTINGS),
      },
      { mode: 'full', dryRun: true, evaluate: false },
    );
    expect(summary.skipped.filter((s) => !former.includes(s.companyId))).toEqual([
      { companyId: deleted, reason: 'deleted or merged since it was listed' },
    ]);
    expect(summary.scored).toBe(COMPANIES - 1 - former.filter((id) => id !== deleted).length);
  });

  it('a customer scored before that loses its renewal is skipped as a former customer, and its outputs are cleared', async () => {
    const outputs = await outputsOf(await companiesWithRenewalDate());
    const scored = [...outputs].filter(([id, o]) => !former.includes(id) && o.rg_risk_tier).map(([id]) => id);
    let lostCustomer: string | undefined;
    let openRenewals: string[] = [];
    for (const id of scored) {
      const links = await app.crm.associations.v4.basicApi.getPage('companies', id, 'deals');
      const deals = await Promise.all(
        links.results.map((l) =>
          app.crm.deals.basicApi.getById(String(l.toObjectId), ['pipeline', 'dealstage']),
        ),
      );
      openRenewals = deals
        .filter((d) => d.properties.pipeline === RENEWALS.id)
        .filter((d) => d.properties.dealstage !== RENEWALS.won && d.properties.dealstage !== RENEWALS.lost)
        .map((d) => d.id);
      if (openRenewals.length > 0) {
        lostCustomer = id;
        break;
      }
    }
    expect(lostCustomer).toBeDefined();
    const csm = clientFor(sandbox, uiToken(outputs.get(lostCustomer!)!.hubspot_owner_id!));
    for (const dealId of openRenewals)
      await csm.crm.deals.basicApi.update(dealId, {
        properties: { dealstage: RENEWALS.lost, closedate: new Date().toISOString() },
      });

    const summary = await runRiskSync({ ...options, mode: 'delta' });

    expect(summary.skipped).toContainEqual({
      companyId: lostCustomer,
      reason: expect.stringMatching(/^churned on \d{4}-\d{2}-\d{2}; not a current customer$/),
    });
    const after = (await outputsOf([lostCustomer!])).get(lostCustomer!)!;
    for (const name of OUTPUT_PROPERTIES) expect(after[name] ?? '', name).toBe('');
    // Cleared once: the next delta finds nothing left to write (its own write is not a change).
    const again = await runRiskSync({ ...options, mode: 'delta' });
    expect(again.written).toBe(0);
  });
});
