import { describe, expect, it } from 'vitest';
import { decideOverride } from '#src/handover/override';

const NOW = '2026-07-01T09:00:00.000Z';
const REASON = 'Signed under the framework agreement; CSM runs handover at kickoff.';
const revops = { userId: 2001, name: 'Rae Kim (rae@example.com)', isRevOps: true };
const blocked = { rg_gate_status: 'blocked', rg_gate_override_reason: null };

describe('overriding the closed-won gate', () => {
  it('by RevOps with a reason marks the deal overridden and writes an audit note', () => {
    expect(decideOverride(REASON, revops, blocked, NOW)).toEqual({
      ok: true,
      writes: { rg_gate_status: 'overridden', rg_gate_override_reason: REASON, rg_gate_checked_at: NOW },
      note: `Closed-won gate overridden by Rae Kim (rae@example.com) on 2026-07-01.\n\nReason: ${REASON}`,
    });
  });

  it('by anyone else is refused, whatever the reason', () => {
    const decision = decideOverride(REASON, { ...revops, name: 'Alex AE', isRevOps: false }, blocked, NOW);
    expect(decision).toMatchObject({ ok: false, refusal: 'not_revops' });
    expect(decision.ok || decision.problem).toBe(
      'Alex AE is not in RevOps: only RevOps can override the closed-won gate',
    );
  });

  it('needs a reason of at least 20 characters', () => {
    expect(decideOverride('Approved by the CFO', revops, blocked, NOW)).toMatchObject({
      ok: false,
      refusal: 'reason',
      problem: 'Override reason: 19 characters; at least 20 needed',
    });
    expect(decideOverride('Approved by the CFO.', revops, blocked, NOW).ok).toBe(true);
  });

  it('rejects a placeholder reason and gives an example that passes', () => {
    const decision = decideOverride('n/a n/a n/a n/a n/a n/a', revops, blocked, NOW);
    expect(decision).toMatchObject({ ok: false, refusal: 'reason' });
    if (decision.ok) throw new Error('expected a refusal');
    expect(decideOverride(decision.example, revops, blocked, NOW).ok).toBe(true);
  });

  it('twice with the same reason writes nothing the second time', () => {
    const first = decideOverride(REASON, revops, blocked, NOW);
    if (!first.ok) throw new Error('expected the override to pass');
    expect(decideOverride(REASON, revops, { ...blocked, ...first.writes }, NOW)).toEqual({
      ok: true,
      writes: {},
    });
  });
});
