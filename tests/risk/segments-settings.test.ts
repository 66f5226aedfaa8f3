import { describe, expect, it } from 'vitest';
import { assignSegment } from '#src/risk/segments';
import { parseRiskSettings, RiskSettingsError } from '#src/risk/settings';

describe('segments', () => {
  const byArr = parseRiskSettings({});
  it('segments by ARR by default', () => {
    expect(
      [150_000, 100_000, 60_000, 20_000, 5_000, 4_999].map((arr) => assignSegment({ arr }, byArr).segment),
    ).toEqual(['I', 'I', 'A', 'B', 'C', 'D']);
  });

  it('puts a company without ARR in the global pool, with the reason', () => {
    expect(assignSegment({ arr: null }, byArr)).toEqual({
      segment: 'all',
      fallbackReason: 'no ARR: scored against all accounts',
    });
  });

  it('uses a configured property, falling back to the ARR segment for an unknown value', () => {
    const settings = parseRiskSettings({
      segments: { property: 'customer_tier', values: ['enterprise', 'smb'] },
    });
    expect(assignSegment({ arr: 30_000, segmentValue: 'smb' }, settings)).toEqual({
      segment: 'smb',
      fallbackReason: null,
    });
    expect(assignSegment({ arr: 30_000, segmentValue: 'gold' }, settings)).toEqual({
      segment: 'B',
      fallbackReason: 'customer_tier "gold" is not a known segment: used the ARR segment B',
    });
  });

  it('falls back to the global pool when configured so', () => {
    const settings = parseRiskSettings({ segments: { property: 'customer_tier', fallback: 'global' } });
    expect(assignSegment({ arr: 30_000, segmentValue: '' }, settings)).toEqual({
      segment: 'all',
      fallbackReason: 'customer_tier is empty: scored against all accounts',
    });
  });
});

describe('risk settings', () => {
  it('fills every default', () => {
    const settings = parseRiskSettings({});
    expect(settings).toMatchObject({
      windowDays: 180,
      longOpenTicketDays: 30,
      backtestLeadDays: 90,
      tiers: { bottomTwoTarget: 0.225 },
    });
    expect(settings.phrases.competitor).toContain('data export');
    expect(settings.phrases.budget).toContain('reviewing all vendors');
  });

  it('names each bad setting', () => {
    const attempt = () =>
      parseRiskSettings({
        windowDays: -1,
        phrases: { budget: ['ok', ''] },
        weights: { meetings: 1 },
        properties: { nps: 'NPS Score' },
      });
    expect(attempt).toThrow(RiskSettingsError);
    try {
      attempt();
    } catch (error) {
      const problems = (error as RiskSettingsError).problems.join('\n');
      expect(problems).toMatch(/^windowDays: /m);
      expect(problems).toMatch(/^phrases\.budget\.1: expected a non-empty phrase/m);
      expect(problems).toMatch(/^properties\.nps: expected a HubSpot property name/m);
    }
  });

  it('rejects a weight for a feature that does not exist', () => {
    expect(() => parseRiskSettings({ weights: { meetings: 1 } })).toThrow(
      /weights\.meetings: unknown feature; expected one of contactsEngaged/,
    );
  });

  it('rejects a bottom-two target outside its band', () => {
    expect(() => parseRiskSettings({ tiers: { bottomTwoTarget: 0.3 } })).toThrow(
      /tiers: expected bottomTwoMin ≤ bottomTwoTarget ≤ bottomTwoMax/,
    );
  });
});
