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
  it('reads a page of companies with their engagements, contacts and deals', async () => {
    const page = await crm.companiesWithRenewalDate({ renewalDateProperty: 'rg_renewal_date', limit: 100 });
    expect(page.companyIds).toHaveLength(100);
    const before = crm.callStats().calls;
    const read = await crm.readRiskPage({
      companyIds: page.companyIds,
      properties: ['rg_arr', 'rg_renewal_date'],
      withHistory: [DEMO_PORTAL_FACTS.companyProperties.nps],
      leftCompanyProperty: 'left_company',
      championProperty: 'rg_champion_contact_id',
      renewalDeals: { dealTypes: ['existingbusiness'], pipelineIds: [] },
    });
    const calls = crm.callStats().calls - before;
    const engagements = read.records.reduce((n, r) => n + r.engagements.length, 0);
    console.log({ calls, engagements, contacts: read.records.reduce((n, r) => n + r.contacts.length, 0) });
    expect(read.records).toHaveLength(100);
    expect(engagements).toBeGreaterThan(0);
  });
});
