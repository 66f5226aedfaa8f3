import { SendMessageCommand, SQSClient } from '@aws-sdk/client-sqs';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { IMPORT_TOKEN } from '#sandbox/tokens';
import { gateDeals } from './gate-deals';
import { setFaults, startGateSystem, type GateSystem } from './gate-system';

let system: GateSystem;
let deals: ReturnType<typeof gateDeals>;
let logged: string[] = [];

beforeAll(async () => {
  system = await startGateSystem({
    // Above the worker's one-second batching window plus an attempt's own retries: a message
    // visible again while still being worked on would be received twice (as on AWS).
    aws: { visibilityTimeoutSeconds: 3, maxReceiveCount: 4 },
    env: { POWERTOOLS_DEV: 'true' },
  });
  deals = gateDeals(system);
  // POWERTOOLS_DEV makes the functions' logger write through the global console, one JSON log a call.
  for (const level of ['warn', 'error'] as const) {
    vi.spyOn(console, level).mockImplementation((line: unknown) => {
      logged.push(String(line));
    });
  }
}, 60_000);
afterEach(async () => {
  await setFaults(system, { errorRate: 0, storm: null });
  await system.configureWebhooks();
  logged = [];
});
afterAll(() => system?.close());

async function requestCounts(): Promise<{ tooManyRequests: number }> {
  return (await (await fetch(`${system.sandbox.url}/__sandbox/requests`)).json()) as {
    tooManyRequests: number;
  };
}

/** Waits, without calling the CRM API, until the sandbox's 429 storm is over. */
async function stormOver(): Promise<void> {
  await vi.waitFor(
    async () => {
      const faults = (await (await fetch(`${system.sandbox.url}/__sandbox/faults`)).json()) as {
        storm: unknown;
      };
      expect(faults.storm).toBeNull();
    },
    { timeout: 30_000, interval: 200 },
  );
}

async function sendRaw(body: string): Promise<void> {
  const sqs = new SQSClient({
    region: 'us-east-1',
    endpoint: system.aws.sqsEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  await sqs.send(new SendMessageCommand({ QueueUrl: system.aws.queueUrls.gate, MessageBody: body }));
  sqs.destroy();
}

const logLines = () =>
  logged.flatMap((line) => {
    try {
      return [JSON.parse(line) as Record<string, unknown>];
    } catch {
      return [];
    }
  });

describe('the gate when HubSpot fails', () => {
  it('rides out a 429 storm during enforcement and drops nothing', async () => {
    await system.configureWebhooks({ delayMs: 300 });
    await fetch(`${system.sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    const ids = await Promise.all(Array.from({ length: 4 }, () => deals.openDeal(IMPORT_TOKEN)));
    for (const id of ids) await deals.move(IMPORT_TOKEN, id, 'closedwon');
    await setFaults(system, { storm: { durationMs: 2_500 } });

    await stormOver();
    for (const id of ids) await deals.gateStatus(id, 'blocked');
    await system.settled();

    expect((await requestCounts()).tooManyRequests).toBeGreaterThan(0);
    for (const id of ids) {
      const state = await deals.state(id);
      expect(state).toMatchObject({ dealstage: 'contractsent', gate: 'blocked', notes: 1 });
      expect(state.tasks).toHaveLength(1);
    }
    expect(await system.dlqDepth()).toBe(0);
  });

  it('retries 5xx answers during enforcement until every deal is blocked, with one note and one task', async () => {
    await system.configureWebhooks({ delayMs: 300 });
    const ids = await Promise.all(Array.from({ length: 8 }, () => deals.openDeal(IMPORT_TOKEN)));
    for (const id of ids) await deals.move(IMPORT_TOKEN, id, 'closedwon');
    await setFaults(system, { errorRate: 0.3 });

    await system.settled(60_000);
    await setFaults(system, { errorRate: 0 });

    for (const id of ids) {
      const state = await deals.state(id);
      // A batch that failed after its note and task were created finds them on its retry.
      expect(state).toMatchObject({ dealstage: 'contractsent', gate: 'blocked', notes: 1 });
      expect(state.tasks).toHaveLength(1);
    }
    expect(await system.dlqDepth()).toBe(0);
  });

  it('sends a job that keeps failing to the DLQ and logs why', async () => {
    const dealId = await deals.openDeal(IMPORT_TOKEN);
    await system.settled();
    const before = await system.dlqDepth();
    await setFaults(system, { errorRate: 1 });
    await sendRaw(JSON.stringify({ type: 'gate.check', portalId: system.portalId, dealId, reason: 'card' }));

    await vi.waitFor(async () => expect(await system.dlqDepth()).toBe(before + 1), {
      timeout: 60_000,
      interval: 250,
    });

    const failures = logLines().filter((l) => (l.deals as string[] | undefined)?.includes(dealId));
    // Every receive was tried and logged before the queue gave up on it.
    expect(failures.length).toBeGreaterThanOrEqual(3);
    expect(failures.at(-1)).toMatchObject({
      level: 'WARN',
      kind: 'transient',
      reason: expect.stringContaining(`HubSpot could not read deals ${dealId}`),
      receiveCount: failures.length,
    });
  });

  it('sends a malformed job to the DLQ with its message id and what is wrong', async () => {
    const before = await system.dlqDepth();
    await sendRaw(JSON.stringify({ type: 'gate.check', portalId: system.portalId, dealId: 'acme' }));

    await vi.waitFor(async () => expect(await system.dlqDepth()).toBe(before + 1), {
      timeout: 60_000,
      interval: 250,
    });

    const malformed = logLines().filter((l) => l.message === 'malformed gate job: failing it to the DLQ');
    expect(malformed.at(-1)).toMatchObject({
      level: 'ERROR',
      messageId: expect.any(String),
      reason: expect.stringMatching(/dealId: expected a HubSpot deal id|reason/),
    });
  });
});
