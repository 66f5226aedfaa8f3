import { describe, expect, it } from 'vitest';
import { changedOutputs, companyRiskOutputs, needsReviewTask } from '#src/risk/outputs';
import { daysToRenewal, renewalWindow } from '#src/risk/renewal-window';

const result = {
  tier: 'below_average' as const,
  renewalScore: 58,
  churnProbability: 0.41567,
  drivers: 'Meetings 70% below the segment’s renewing accounts (3 vs 10)',
  scoredAt: new Date('2026-06-01T06:00:00Z'),
  daysToRenewal: 45,
  segment: 'B',
};

describe('renewal window', () => {
  it('is comprehensive from 90 days, compressed from 30 to 89, emergency below 30', () => {
    expect([200, 90, 89, 30, 29, 0, -5].map(renewalWindow)).toEqual([
      'comprehensive',
      'comprehensive',
      'compressed',
      'compressed',
      'emergency',
      'emergency',
      'emergency',
    ]);
  });

  it('counts whole calendar days to the renewal date', () => {
    expect(daysToRenewal(new Date('2026-09-01'), new Date('2026-06-03T23:00:00Z'))).toBe(90);
  });
});

describe('company outputs', () => {
  it('formats numbers as HubSpot stores them', () => {
    expect(companyRiskOutputs(result)).toEqual({
      rg_risk_tier: 'below_average',
      rg_risk_score: '58',
      rg_churn_probability: '0.416',
      rg_risk_drivers: result.drivers,
      rg_risk_scored_at: '2026-06-01T06:00:00.000Z',
      rg_days_to_renewal: '45',
      rg_renewal_window: 'compressed',
      rg_segment: 'B',
    });
  });

  it('writes nothing when only the scoring time moved and numbers are stored differently', () => {
    const stored = {
      ...companyRiskOutputs(result),
      rg_risk_score: '58.0',
      rg_churn_probability: '0.4160',
      rg_risk_scored_at: '2026-05-01T00:00:00Z',
    };
    expect(changedOutputs(stored, companyRiskOutputs(result))).toEqual({});
  });

  it('writes only the changed values, with the scoring time', () => {
    const stored = companyRiskOutputs(result);
    const next = companyRiskOutputs({
      ...result,
      tier: 'churn_risk',
      renewalScore: 40,
      scoredAt: new Date('2026-06-02T06:00:00Z'),
    });
    expect(changedOutputs(stored, next)).toEqual({
      rg_risk_tier: 'churn_risk',
      rg_risk_score: '40',
      rg_risk_scored_at: '2026-06-02T06:00:00.000Z',
    });
  });

  it('writes every value to a company never scored', () => {
    expect(Object.keys(changedOutputs({}, companyRiskOutputs(result)))).toHaveLength(8);
  });
});

describe('review task', () => {
  it('is due when an account enters below_average or churn_risk from a better tier or on its first score', () => {
    expect(needsReviewTask('average', 'below_average')).toBe(true);
    expect(needsReviewTask('likely_to_renew', 'churn_risk')).toBe(true);
    expect(needsReviewTask('below_average', 'churn_risk')).toBe(true);
    expect(needsReviewTask(null, 'churn_risk')).toBe(true);
  });

  it('is not due for staying, improving, or any tier above the bottom two', () => {
    expect(needsReviewTask('churn_risk', 'churn_risk')).toBe(false);
    expect(needsReviewTask('churn_risk', 'below_average')).toBe(false);
    expect(needsReviewTask('likely_to_renew', 'average')).toBe(false);
    expect(needsReviewTask(null, 'average')).toBe(false);
  });
});
