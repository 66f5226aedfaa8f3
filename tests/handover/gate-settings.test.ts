import { describe, expect, it } from 'vitest';
import { GateSettingsError, isRevOps, parseGateSettings, policyFor } from '#src/handover/gate-settings';

function problemsOf(input: unknown) {
  try {
    parseGateSettings(input);
  } catch (error) {
    if (error instanceof GateSettingsError) return error.problems;
    throw error;
  }
  throw new Error('expected the settings to be rejected');
}

describe('gate settings', () => {
  it('default to blocking every pipeline, with RevOps being the team named RevOps', () => {
    const settings = parseGateSettings({});
    expect(policyFor(settings, 'default')).toBe('block');
    expect(settings.revops).toEqual({ userIds: [], teamIds: [], teamNames: ['RevOps'] });
    expect(parseGateSettings(undefined)).toEqual(settings);
  });

  it('set a policy per pipeline and leave renewal pipelines out unless listed', () => {
    const settings = parseGateSettings({
      pipelinePolicies: { '7741': 'flag', renewals2: 'block' },
      renewalPipelineIds: ['renewals', 'renewals2'],
    });
    expect(policyFor(settings, '7741')).toBe('flag');
    expect(policyFor(settings, 'renewals')).toBe('off');
    expect(policyFor(settings, 'renewals2')).toBe('block');
    expect(policyFor(settings, 'default')).toBe('block');
  });

  it('leave renewal deals out by deal type in any pipeline, unless their pipeline is listed', () => {
    const settings = parseGateSettings({ pipelinePolicies: { '7741': 'flag' } });
    expect(policyFor(settings, 'default', 'existingbusiness')).toBe('off');
    expect(policyFor(settings, 'default', 'newbusiness')).toBe('block');
    expect(policyFor(settings, '7741', 'existingbusiness')).toBe('flag');
    expect(policyFor(parseGateSettings({ renewalDealTypes: [] }), 'default', 'existingbusiness')).toBe(
      'block',
    );
  });

  it('name the bad setting and what was expected', () => {
    expect(problemsOf({ pipelinePolicies: { '7741': 'blok' } })).toEqual([
      { setting: 'pipelinePolicies.7741', problem: 'expected one of block, flag, off' },
    ]);
    expect(problemsOf({ revops: { userIds: ['rae'] } })[0]?.setting).toBe('revops.userIds.0');
    expect(problemsOf({ revopsTaskOwnerId: 'rae@example.com' })).toEqual([
      { setting: 'revopsTaskOwnerId', problem: 'expected an owner id (digits), e.g. "1234567"' },
    ]);
  });

  it('reject a setting that does not exist, so a typo is not silently ignored', () => {
    expect(problemsOf({ defaultPolicey: 'flag' })).toEqual([
      { setting: 'defaultPolicey', problem: 'not a gate setting' },
    ]);
  });
});

describe('who is RevOps', () => {
  const member = (userId: number, ...teams: string[]) => ({
    userId,
    teams: teams.map((name, i) => ({ id: `t${i}`, name })),
  });

  it('by default, members of a team named RevOps', () => {
    const settings = parseGateSettings({});
    expect(isRevOps(member(1, 'Sales', 'revops '), settings)).toBe(true);
    expect(isRevOps(member(1, 'Sales'), settings)).toBe(false);
  });

  it('when configured, only the listed users and teams', () => {
    const settings = parseGateSettings({ revops: { userIds: [7], teamIds: ['t1'] } });
    expect(isRevOps(member(7), settings)).toBe(true);
    expect(isRevOps(member(8, 'Sales', 'Ops'), settings)).toBe(true);
    expect(isRevOps(member(8, 'RevOps'), settings)).toBe(false);
  });
});
