import { describe, expect, it } from 'vitest';
import type { Pipeline } from '#src/crm/records';
import type { CompanyRiskRecord, RiskDeal } from '#src/crm/risk-port';
import { DEFAULT_RISK_SETTINGS } from '#src/risk/settings';
import { OUTPUT_PROPERTIES } from '#src/risk/sync/company-features';
import { formerCustomerOutputsToClear, formerCustomerReason } from '#src/risk/sync/former-customer';

const stage = (id: string, isClosed: boolean, probability: string) => ({
  id,
  label: id,
  displayOrder: 0,
  metadata: { isClosed: String(isClosed), probability },
});
const PIPELINES: Pipeline[] = [
  {
    id: 'renewals',
    label: 'Renewals',
    displayOrder: 0,
    stages: [stage('upcoming', false, '0.5'), stage('won', true, '1.0'), stage('lost', true, '0.0')],
  },
];

const renewal = (
  id: string,
  dealstage: string,
  closedAt: string | null,
  createdAt = '2024-01-01',
): RiskDeal => ({
  id,
  pipeline: 'renewals',
  dealstage,
  dealtype: 'existingbusiness',
  createdAt,
  closedAt,
  amount: 12_000,
  championContactId: null,
  isRenewal: true,
});

const company = (renewalDate: string, deals: RiskDeal[]): CompanyRiskRecord => ({
  id: '101',
  properties: { rg_renewal_date: renewalDate },
  propertyHistory: {},
  engagements: [],
  contacts: [],
  deals,
});

const reason = (record: CompanyRiskRecord) => formerCustomerReason(record, PIPELINES, DEFAULT_RISK_SETTINGS);

describe('former customers are not scored', () => {
  it('a company whose last renewal was lost and that has no renewal open since is a former customer', () => {
    const churned = company('2026-03-14', [
      renewal('1', 'won', '2025-03-14T10:00:00Z'),
      renewal('2', 'lost', '2026-03-14T10:00:00Z'),
    ]);
    expect(reason(churned)).toBe('churned on 2026-03-14; not a current customer');
  });

  it('a company won back, with a renewal deal open after the loss and a later renewal date, is a customer', () => {
    const wonBack = company('2027-06-01', [
      renewal('2', 'lost', '2026-03-14T10:00:00Z'),
      renewal('3', 'upcoming', '2027-06-01T00:00:00Z', '2026-06-01T00:00:00Z'),
    ]);
    expect(reason(wonBack)).toBeNull();
  });

  it('an open renewal deal does not keep a customer whose renewal date still names the renewal it lost', () => {
    const stale = company('2026-03-14', [
      renewal('2', 'lost', '2026-03-14T10:00:00Z'),
      renewal('3', 'upcoming', '2027-03-14T00:00:00Z', '2026-03-15T00:00:00Z'),
    ]);
    expect(reason(stale)).toBe('churned on 2026-03-14; not a current customer');
  });

  it('an open renewal deal that closes before the loss does not keep the customer either', () => {
    const forgotten = company('2026-09-01', [
      renewal('1', 'upcoming', '2025-12-01T00:00:00Z'),
      renewal('2', 'lost', '2026-03-14T10:00:00Z'),
    ]);
    expect(reason(forgotten)).toBe('churned on 2026-03-14; not a current customer');
  });

  it('a customer that lost a renewal once and renewed after is current; so is one with no renewal resolved yet', () => {
    const recovered = company('2027-03-14', [
      renewal('1', 'lost', '2025-03-14T10:00:00Z'),
      renewal('2', 'won', '2026-03-14T10:00:00Z'),
    ]);
    expect(reason(recovered)).toBeNull();
    expect(reason(company('2026-12-01', [renewal('1', 'upcoming', '2026-12-01T00:00:00Z')]))).toBeNull();
    expect(reason(company('2026-12-01', []))).toBeNull();
  });
});

describe('a former customer scored while it was one', () => {
  it('has every output cleared, and one never scored has nothing to clear', () => {
    const lost = [renewal('1', 'lost', '2026-05-01')];
    const record = company('2026-05-01', lost);
    const scoredBefore = {
      ...record,
      properties: { ...record.properties, rg_risk_tier: 'churn_risk', rg_risk_score: '12' },
    };
    expect(formerCustomerOutputsToClear(scoredBefore)).toEqual(
      Object.fromEntries(OUTPUT_PROPERTIES.map((name) => [name, ''])),
    );
    expect(formerCustomerOutputsToClear(company('2026-05-01', lost))).toBeNull();
  });
});
