import { describe, expect, it } from 'vitest';
import type { Properties, PropertyChange } from '#src/crm/records';
import { decideGate, type GateDecision, type GateInput } from '#src/handover/gate';
import { enterprisePipeline, salesPipeline } from './pipelines';

const NOW = '2026-07-01T09:00:00.000Z';
const MISSING = 'Success criteria: no line has a number or date\nChampion: not chosen';
const ENTRY = 'closedwon@2026-06-30T16:00:00.000Z';

const history: PropertyChange[] = [
  { value: 'appointmentscheduled', timestamp: '2026-03-10T14:00:00.000Z' },
  { value: 'contractsent', timestamp: '2026-06-02T10:00:00.000Z' },
  { value: 'closedwon', timestamp: '2026-06-30T16:00:00.000Z' },
];

const wonDeal: Properties = {
  dealname: 'Acme renewal platform',
  dealstage: 'closedwon',
  pipeline: 'default',
  hubspot_owner_id: '4001',
  rg_gate_status: null,
  rg_gate_checked_at: null,
  rg_gate_won_entry: null,
  rg_handover_status: 'incomplete',
  rg_handover_missing: MISSING,
};

const incomplete = { complete: false, missing: MISSING };
const complete = { complete: true, missing: '' };

function input(deal: Record<string, string | null> = {}, rest: Partial<GateInput> = {}): GateInput {
  return {
    dealId: '5512',
    deal: { ...wonDeal, ...deal },
    dealstageHistory: history,
    pipeline: salesPipeline,
    handover: incomplete,
    policy: 'block',
    now: NOW,
    recheckAfterHours: 24,
    ownerTaskDueInDays: 1,
    revops: { taskOwnerId: '9001', queueId: '33' },
    ...rest,
  };
}

/** The state the decision leaves behind (history is what it was: the app's own move adds nothing the gate needs). */
function after(before: GateInput, decision: GateDecision): GateInput {
  return { ...before, deal: { ...before.deal, ...decision.writes } };
}

function expectSettled(before: GateInput) {
  const decision = decideGate(before);
  const again = decideGate(after(before, decision));
  expect(again).toEqual({ action: 'none', reason: again.reason, writes: {} });
  return decision;
}

describe('a deal moved to a won stage with an incomplete handover, policy block', () => {
  const decision = decideGate(input());

  it('is moved back to the stage it held before and marked blocked', () => {
    expect(decision.action).toBe('block');
    expect(decision.writes).toEqual({
      dealstage: 'contractsent',
      rg_gate_status: 'blocked',
      rg_gate_won_entry: ENTRY,
      rg_gate_checked_at: NOW,
    });
  });

  it('gets a note that names what is missing in plain words', () => {
    expect(decision.note).toContain('moved this deal back from Closed Won to Contract Sent');
    expect(decision.note).toContain(
      '- Success criteria: no line has a number or date\n- Champion: not chosen',
    );
  });

  it('gives its owner a task due the next day', () => {
    expect(decision.task).toEqual({
      assignee: 'deal_owner',
      subject: 'Complete the handover for Acme renewal platform',
      body: expect.stringContaining('- Champion: not chosen'),
      dueAt: '2026-07-02T09:00:00.000Z',
      ownerId: '4001',
    });
  });

  it('names the violation, the deal and its won-stage entry, in its note and task', () => {
    const reference = `rg-gate/5512/${ENTRY}`;
    expect(decision.reference).toBe(reference);
    expect(decision.note).toMatch(new RegExp(`Renewal Guard reference: ${reference}$`));
    expect(decision.task?.body).toMatch(new RegExp(`Renewal Guard reference: ${reference}$`));
  });

  it('names a later won-stage entry as another violation', () => {
    const again = [...history, { value: 'closedwon', timestamp: '2026-07-01T08:00:00.000Z' }];
    const later = decideGate(input({}, { dealstageHistory: [history[1]!, again[3]!] }));
    expect(later.reference).toBe('rg-gate/5512/closedwon@2026-07-01T08:00:00.000Z');
  });

  it('is left alone when the same or a late event is processed again', () => {
    expectSettled(input());
  });

  it('is moved back to the last open stage when history is empty', () => {
    expect(decideGate(input({}, { dealstageHistory: [] })).writes.dealstage).toBe('contractsent');
  });

  it('in a custom pipeline goes back to the numeric stage it came from', () => {
    const custom = input(
      { dealstage: '9103', pipeline: '7741' },
      {
        pipeline: enterprisePipeline,
        dealstageHistory: [
          { value: '9100', timestamp: '2026-05-01T00:00:00Z' },
          { value: '9104', timestamp: '2026-06-01T00:00:00Z' },
          { value: '9103', timestamp: '2026-06-30T00:00:00Z' },
        ],
      },
    );
    expect(decideGate(custom).writes).toMatchObject({
      dealstage: '9104',
      rg_gate_won_entry: '9103@2026-06-30T00:00:00Z',
    });
  });

  it('without an owner gets an unassigned task', () => {
    expect(decideGate(input({ hubspot_owner_id: null })).task).not.toHaveProperty('ownerId');
  });

  it('also writes the handover status when it was out of date', () => {
    const stale = decideGate(input({ rg_handover_status: null, rg_handover_missing: null }));
    expect(stale.writes).toMatchObject({ rg_handover_status: 'incomplete', rg_handover_missing: MISSING });
  });
});

describe('a blocked deal', () => {
  const blocked = {
    dealstage: 'contractsent',
    rg_gate_status: 'blocked',
    rg_gate_won_entry: ENTRY,
    rg_gate_checked_at: NOW,
  };

  it('moved to won again while still incomplete is blocked again, with a new note and task', () => {
    const again: PropertyChange[] = [
      ...history,
      { value: 'contractsent', timestamp: '2026-06-30T16:00:05.000Z' },
      { value: 'closedwon', timestamp: '2026-07-01T08:00:00.000Z' },
    ];
    const decision = decideGate(input({ ...blocked, dealstage: 'closedwon' }, { dealstageHistory: again }));
    expect(decision.action).toBe('block');
    expect(decision.writes.rg_gate_won_entry).toBe('closedwon@2026-07-01T08:00:00.000Z');
    expect(decision.note).toBeDefined();
    expect(decision.task).toBeDefined();
  });

  it('still in won for the entry it was already reported for is moved back without a second note or task', () => {
    const decision = decideGate(input({ ...blocked, dealstage: 'closedwon' }));
    expect(decision.action).toBe('block');
    expect(decision.writes.dealstage).toBe('contractsent');
    expect(decision.note).toBeUndefined();
    expect(decision.task).toBeUndefined();
  });

  it('whose handover becomes complete is cleared but not moved forward', () => {
    const decision = expectSettled(input(blocked, { handover: complete }));
    expect(decision.action).toBe('clear');
    expect(decision.writes).toEqual({
      rg_gate_status: 'clear',
      rg_handover_status: 'complete',
      rg_handover_missing: '',
      rg_gate_checked_at: NOW,
    });
  });

  it('that is still incomplete out of won stays as it is', () => {
    expect(decideGate(input(blocked)).action).toBe('none');
  });
});

describe('policy flag', () => {
  const flagged = input({}, { policy: 'flag' });
  const decision = decideGate(flagged);

  it('keeps the stage, marks the deal flagged and gives RevOps a task in their queue', () => {
    expect(decision.action).toBe('flag');
    expect(decision.writes).toEqual({
      rg_gate_status: 'flagged',
      rg_gate_won_entry: ENTRY,
      rg_gate_checked_at: NOW,
    });
    expect(decision.note).toBeUndefined();
    expect(decision.task).toMatchObject({ assignee: 'revops', ownerId: '9001', queueIds: ['33'] });
    expect(decision.task?.body).toContain('- Success criteria: no line has a number or date');
    expect(decision.task?.body).toContain(`Renewal Guard reference: rg-gate/5512/${ENTRY}`);
  });

  it('creates the task once per won-stage entry', () => {
    expectSettled(flagged);
  });

  it('without a RevOps owner or queue gives an unassigned task', () => {
    const task = decideGate(input({}, { policy: 'flag', revops: {} })).task;
    expect(task).not.toHaveProperty('ownerId');
    expect(task).not.toHaveProperty('queueIds');
  });

  it('clears a flagged deal once its handover is complete, leaving it in won', () => {
    const state = input(
      { rg_gate_status: 'flagged', rg_gate_won_entry: ENTRY },
      { policy: 'flag', handover: complete },
    );
    const clear = expectSettled(state);
    expect(clear.action).toBe('clear');
    expect(clear.writes).not.toHaveProperty('dealstage');
  });

  it('is not turned into a block when the policy changes after the deal was flagged', () => {
    expect(
      decideGate(input({ rg_gate_status: 'flagged', rg_gate_won_entry: ENTRY, rg_gate_checked_at: NOW }))
        .action,
    ).toBe('none');
  });
});

describe('a won deal with a complete handover', () => {
  it('checked for the first time is cleared and its entry recorded', () => {
    const decision = expectSettled(input({}, { handover: complete }));
    expect(decision.action).toBe('clear');
    expect(decision.writes).toMatchObject({ rg_gate_status: 'clear', rg_gate_won_entry: ENTRY });
  });

  it('that is already clear writes nothing while the check is fresh', () => {
    const clear = {
      rg_gate_status: 'clear',
      rg_gate_won_entry: ENTRY,
      rg_handover_status: 'complete',
      rg_handover_missing: '',
    };
    expect(
      decideGate(input({ ...clear, rg_gate_checked_at: '2026-06-30T09:00:00.000Z' }, { handover: complete }))
        .action,
    ).toBe('none');
    const stale = decideGate(
      input({ ...clear, rg_gate_checked_at: '2026-06-30T08:59:59.999Z' }, { handover: complete }),
    );
    expect(stale).toMatchObject({ action: 'check', writes: { rg_gate_checked_at: NOW } });
    expect(Object.keys(stale.writes)).toEqual(['rg_gate_checked_at']);
  });

  it('that passed the gate and later loses a field is flagged for RevOps, not pulled out of won', () => {
    const passed = input({ rg_gate_status: 'clear', rg_gate_won_entry: ENTRY, rg_gate_checked_at: NOW });
    const decision = expectSettled(passed);
    expect(decision.action).toBe('flag');
    expect(decision.writes).not.toHaveProperty('dealstage');
  });

  it('that was cleared on an earlier entry is blocked on a new entry that is incomplete', () => {
    const earlier = input({
      rg_gate_status: 'clear',
      rg_gate_won_entry: 'closedwon@2026-01-01T00:00:00.000Z',
    });
    expect(decideGate(earlier).action).toBe('block');
  });
});

describe('an open deal', () => {
  const open = { dealstage: 'contractsent', rg_gate_status: null };

  it('with an incomplete handover only gets its handover status kept current', () => {
    const decision = expectSettled(input({ ...open, rg_handover_status: null, rg_handover_missing: null }));
    expect(decision).toMatchObject({
      action: 'check',
      writes: { rg_handover_status: 'incomplete', rg_handover_missing: MISSING },
    });
    expect(decision.writes).not.toHaveProperty('rg_gate_status');
  });

  it('that never met the gate is not marked clear when its handover completes', () => {
    const decision = decideGate(
      input({ ...open, rg_handover_status: 'complete', rg_handover_missing: '' }, { handover: complete }),
    );
    expect(decision.action).toBe('none');
  });

  it('that was flagged and is now complete is cleared', () => {
    expect(expectSettled(input({ ...open, rg_gate_status: 'flagged' }, { handover: complete })).action).toBe(
      'clear',
    );
  });
});

describe('what the gate leaves alone', () => {
  it('an overridden deal stays overridden, even in won and incomplete', () => {
    const decision = decideGate(input({ rg_gate_status: 'overridden', rg_gate_checked_at: NOW }));
    expect(decision).toMatchObject({ action: 'none', writes: {} });
  });

  it('an overridden won deal whose check is stale is only re-stamped', () => {
    const decision = expectSettled(input({ rg_gate_status: 'overridden' }));
    expect(decision).toEqual({
      action: 'check',
      reason: 'overridden by RevOps',
      writes: { rg_gate_checked_at: NOW },
    });
  });

  it('a pipeline whose policy is off', () => {
    expect(decideGate(input({}, { policy: 'off' }))).toEqual({
      action: 'none',
      reason: 'the gate is off for this pipeline',
      writes: {},
    });
  });

  it('a stage the pipeline does not know', () => {
    expect(decideGate(input({ dealstage: '9103' })).action).toBe('none');
    expect(decideGate(input({}, { pipeline: null })).action).toBe('none');
  });

  it('a deal won before the gate started: its history is left as it is, only the check is recorded', () => {
    const decision = expectSettled(input({}, { enforcedSince: '2026-06-30T16:00:00.001Z' }));
    expect(decision).toEqual({
      action: 'check',
      reason: 'won on 2026-06-30, before the gate started (2026-06-30T16:00:00.001Z)',
      writes: { rg_gate_checked_at: NOW },
    });
  });

  it('but a deal won from the gate’s start on is enforced', () => {
    expect(decideGate(input({}, { enforcedSince: '2026-06-30T16:00:00.000Z' })).action).toBe('block');
  });
});
