import { describe, expect, it } from 'vitest';
import { GATE_JOBS_PER_MESSAGE, queuedJobBodies } from '#src/aws/queue';
import type { GateCheckJob } from '#src/jobs';
import { MalformedGateJobError, runGateChecks } from '#src/workers/gate-checks';

const job = (dealId: number): GateCheckJob => ({
  type: 'gate.check',
  portalId: 42,
  dealId: String(dealId),
  reason: 'deal.stage_changed',
  eventId: dealId,
});

describe('packing gate checks into queue messages', () => {
  it('puts up to GATE_JOBS_PER_MESSAGE jobs in one message, in order, as a JSON array', () => {
    const jobs = Array.from({ length: 250 }, (_, i) => job(i + 1));
    const bodies = queuedJobBodies(jobs, GATE_JOBS_PER_MESSAGE);
    expect(bodies.map((body) => (JSON.parse(body) as unknown[]).length)).toEqual([100, 100, 50]);
    expect(bodies.flatMap((body) => JSON.parse(body) as GateCheckJob[])).toEqual(jobs);
    expect(bodies.every((body) => body.length < 256 * 1024)).toBe(true);
  });

  it('sends one job per message, as a plain object, when packing is off', () => {
    expect(queuedJobBodies([job(1), job(2)], 1).map((body) => JSON.parse(body) as unknown)).toEqual([
      job(1),
      job(2),
    ]);
  });

  it('refuses an invalid job before anything is sent, naming the field', () => {
    expect(() => queuedJobBodies([job(1), { ...job(2), dealId: 'acme' }], 100)).toThrow(/dealId/);
  });
});

describe('reading packed gate messages', () => {
  const untouched = {
    crm: new Proxy({} as never, {
      get: () => {
        throw new Error('a malformed message must not reach the CRM');
      },
    }),
    settingsOf: () => Promise.reject(new Error('not expected')),
    violationClaimsOf: () => {
      throw new Error('not expected');
    },
    now: () => '2026-12-02T00:00:00.000Z',
  };

  it('fails a message whose array holds a bad job, naming its index and field, and nothing else', async () => {
    const results = await runGateChecks(
      [
        { messageId: 'm1', body: JSON.stringify([job(1), { ...job(2), dealId: 'acme' }]) },
        { messageId: 'm2', body: '[]' },
        { messageId: 'm3', body: JSON.stringify([{ type: 'risk.score', portalId: 42, companyIds: ['1'] }]) },
      ],
      untouched,
    );
    const reasons = ['m1', 'm2', 'm3'].map((id) => {
      const result = results.get(id);
      expect(result?.ok).toBe(false);
      const error = result && !result.ok ? result.error : undefined;
      expect(error).toBeInstanceOf(MalformedGateJobError);
      return (error as MalformedGateJobError).reason;
    });
    expect(reasons[0]).toBe('[1].dealId: expected a HubSpot deal id');
    expect(reasons[1]).toBe('expected 1 to 1000 jobs, got 0');
    expect(reasons[2]).toBe('[0]: a risk.score job on the gate queue');
  });
});
