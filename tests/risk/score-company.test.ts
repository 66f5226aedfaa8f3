import { describe, expect, it } from 'vitest';
import { buildRulesModel } from '#src/risk/model/rules-model';
import { scoreCompany, scoringModel, riskPropertiesToRead } from '#src/risk/score-company';
import { parseRiskSettings } from '#src/risk/settings';
import { signalFeatureValues, signalFeatures } from '#src/risk/signal-features';
import { computeSignals } from '#src/risk/signals/compute-signals';
import type { CompanyActivity, Engagement } from '#src/risk/signals/activity';

const settings = parseRiskSettings({ properties: { nps: 'nps' } });
const scoringDate = new Date('2026-06-01T00:00:00Z');
const day = (days: number) => new Date(scoringDate.getTime() - days * 86_400_000).toISOString();
const engaged = (n: number): Engagement[] =>
  Array.from({ length: n }, (_, i) => ({
    id: `m${i}`,
    type: 'meeting',
    timestamp: day(5 + i),
    contactIds: ['c1', `c${i % 3}`],
  }));

const company = (
  id: string,
  engagements: Engagement[],
  extra: Partial<CompanyActivity> = {},
): CompanyActivity => ({
  companyId: id,
  properties: { rg_arr: '30000', rg_renewal_date: '2026-08-15', nps: '8' },
  engagements,
  champion: { contactId: 'c1' },
  ...extra,
});

describe('scoring a company with the rules-based model', () => {
  // Baselines from the portal's current accounts: six engaged ones.
  const features = signalFeatures(settings);
  const peers = Array.from({ length: 6 }, (_, i) =>
    signalFeatureValues(computeSignals(company(`p${i}`, engaged(10 + i)), scoringDate, settings)),
  );
  const population = {
    values: Float64Array.from(peers.flatMap((p) => Array.from(p))),
    segments: peers.map(() => 'B'),
  };
  const model = scoringModel(buildRulesModel(features, settings, { population }));

  it('ranks a silent account whose champion left below an engaged one, with reasons and outputs', () => {
    const healthy = scoreCompany(company('ok', engaged(12)), model, settings, scoringDate);
    const silent = scoreCompany(
      company('silent', [], {
        champion: {
          contactId: 'c1',
          leftCompanyHistory: [{ value: 'true', timestamp: '2026-04-20T00:00:00Z' }],
        },
      }),
      model,
      settings,
      scoringDate,
    );
    expect(silent.churnProbability).toBeGreaterThan(healthy.churnProbability);
    expect(silent.renewalScore).toBeLessThan(healthy.renewalScore);
    expect(silent.reasons.filter((r) => r.effect === 'raises_risk').map((r) => r.text)).toEqual([
      "meetings 100% below the segment's renewing accounts (0 vs 12.5)",
      'champion left on 2026-04-20',
      "days since the champion was engaged 180 vs 5 for the segment's renewing accounts",
    ]);
    expect(silent.outputs).toMatchObject({
      rg_segment: 'B',
      rg_days_to_renewal: '75',
      rg_renewal_window: 'compressed',
    });
    expect(silent.outputs.rg_risk_drivers).toMatch(/^Meetings 100% below .*; champion left on 2026-04-20/);
    expect(silent.outputs.rg_risk_drivers).toContain('Data gaps: no usage data');
  });

  it('lists the properties the sync must read, with history where trends need it', () => {
    expect(riskPropertiesToRead(settings)).toEqual({
      properties: ['rg_arr', 'rg_renewal_date', 'nps', 'rg_business_change'],
      withHistory: ['nps', 'rg_business_change'],
    });
  });
});
