import { signatureHeaders } from '#sandbox/webhooks/signature';

/**
 * Open-loop load for the webhook endpoint, in a process of its own: deliveries are sent on a fixed
 * schedule whatever the server does, and each latency is measured from the moment the delivery
 * was due, so a slow server cannot hide its queueing (no coordinated omission). Every delivery is
 * what HubSpot sends for an import or a bulk edit: `eventsPerDelivery` deal stage changes by a
 * person in the UI, v3-signed, each event new (its own eventId, its own deal).
 */
export interface LoadPlan {
  url: string;
  clientSecret: string;
  appId: number;
  portalId: number;
  ratePerSecond: number;
  warmupSeconds: number;
  seconds: number;
  eventsPerDelivery: number;
  /** eventIds start here, so runs in one process never repeat one. */
  firstEventId: number;
}

export interface LoadResult {
  sent: number;
  /** Latencies in ms of the measured deliveries (after the warm-up), in send order. */
  latenciesMs: number[];
  statuses: Record<string, number>;
  /** Deliveries per second actually completed in the measured part. */
  achievedPerSecond: number;
}

const plan = JSON.parse(process.argv[2] ?? '{}') as LoadPlan;
let eventId = plan.firstEventId;
let dealId = 1;

function delivery(): string {
  const occurredAt = Date.now();
  return JSON.stringify(
    Array.from({ length: plan.eventsPerDelivery }, () => ({
      eventId: eventId++,
      subscriptionId: 7,
      portalId: plan.portalId,
      appId: plan.appId,
      occurredAt,
      subscriptionType: 'object.propertyChange',
      attemptNumber: 0,
      objectId: dealId++,
      objectTypeId: '0-3',
      propertyName: 'dealstage',
      propertyValue: 'closedwon',
      changeSource: 'CRM_UI',
      sourceId: 'userId:91000035',
    })),
  );
}

async function send(dueAt: number, measured: boolean, result: LoadResult): Promise<void> {
  const body = delivery();
  const headers = signatureHeaders({
    method: 'POST',
    url: plan.url,
    body,
    clientSecret: plan.clientSecret,
    timestamp: Date.now(),
  });
  let status: string;
  try {
    const response = await fetch(plan.url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body,
    });
    await response.arrayBuffer();
    status = String(response.status);
  } catch (error) {
    status = `error: ${(error as Error).message}`;
  }
  if (!measured) return;
  result.latenciesMs.push(performance.now() - dueAt);
  result.statuses[status] = (result.statuses[status] ?? 0) + 1;
}

const result: LoadResult = { sent: 0, latenciesMs: [], statuses: {}, achievedPerSecond: 0 };
const interval = 1000 / plan.ratePerSecond;
const warmup = Math.round(plan.warmupSeconds * plan.ratePerSecond);
const total = warmup + Math.round(plan.seconds * plan.ratePerSecond);
const start = performance.now() + 50;
const pending: Promise<void>[] = [];
let measuredFrom = 0;
await new Promise<void>((resolve) => {
  const tick = (): void => {
    const now = performance.now();
    while (result.sent < total && start + result.sent * interval <= now) {
      const dueAt = start + result.sent * interval;
      if (result.sent === warmup) measuredFrom = dueAt;
      pending.push(send(dueAt, result.sent >= warmup, result));
      result.sent += 1;
    }
    if (result.sent < total) setTimeout(tick, 1);
    else resolve();
  };
  tick();
});
await Promise.all(pending);
result.achievedPerSecond = (result.latenciesMs.length * 1000) / (performance.now() - measuredFrom);
process.stdout.write(`${JSON.stringify(result)}\n`);
