import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '#sandbox/server';
import { DEMO_PORTAL_FACTS } from '#sandbox/seed/demo/facts';
import type { RiskCrmPort } from '#src/crm/risk-port';
import { startTestSandbox } from '../support/sandbox';
import { riskCrmFor, seedDemo } from './portal';

let sandbox: RunningSandbox;
let crm: RiskCrmPort;

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedDemo(sandbox, 120);
  crm = riskCrmFor(sandbox);
});
afterAll(() => sandbox.close());

describe('risk reader', () => {
  it('reads a page of 100 companies with engagements once each, who took part and which were logged on renewal deals, in a bounded number of calls', async () => {
    const page = await crm.companiesWithRenewalDate({ renewalDateProperty: 'rg_renewal_date', limit: 100 });
    expect(page.companyIds).toHaveLength(100);
    const before = crm.callStats().calls;
    const read = await crm.readRiskPage({
      companyIds: page.companyIds,
      properties: ['rg_arr', 'rg_renewal_date'],
      withHistory: [DEMO_PORTAL_FACTS.companyProperties.nps],
      leftCompanyProperty: 'left_company',
      championProperty: 'rg_champion_contact_id',
      renewalDeals: { dealTypes: [], pipelineIds: [DEMO_PORTAL_FACTS.renewalPipelineId] },
    });
    const calls = crm.callStats().calls - before;
    const engagements = read.records.reduce((n, r) => n + r.engagements.length, 0);
    expect(read.records).toHaveLength(100);
    expect(read.skipped).toEqual([]);
    // Reads of 100 (at most one partial batch per type) plus the fixed association reads:
    // 7 from the companies, 3 from the contacts, 5 from the renewal deals, and the company read.
    const contacts = read.records.reduce((n, r) => n + r.contacts.length, 0);
    const deals = read.records.reduce((n, r) => n + r.deals.length, 0);
    const hundreds = (n: number) => Math.ceil(n / 100);
    expect(calls).toBeLessThanOrEqual(
      hundreds(engagements) + 5 + hundreds(contacts) + 1 + hundreds(deals) + 1 + 1 + 7 + 3 + 5,
    );
    for (const record of read.records) {
      const keys = record.engagements.map((e) => `${e.type}:${e.id}`);
      expect(new Set(keys).size).toBe(keys.length);
    }
    const renewalDealIds = new Set(
      read.records.flatMap((r) => r.deals.filter((d) => d.isRenewal).map((d) => d.id)),
    );
    const onRenewalDeals = read.records.flatMap((r) => r.engagements.filter((e) => e.dealIds?.length));
    expect(onRenewalDeals.length).toBeGreaterThan(0);
    expect(onRenewalDeals.every((e) => e.dealIds!.every((id) => renewalDealIds.has(id)))).toBe(true);
    const withContacts = read.records.flatMap((r) => r.engagements.filter((e) => e.contactIds?.length));
    expect(withContacts.length).toBeGreaterThan(0);
  });
});
