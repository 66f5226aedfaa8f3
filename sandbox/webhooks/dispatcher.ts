import type { ChangeEvent, ChangeFeed } from '#sandbox/events';
import { planBatches } from './batch-plan';
import {
  webhookConfigSchema,
  withSubscriptionIds,
  type WebhookConfig,
  type WebhookConfigInput,
} from './config';
import { IdleWaiters } from './idle-waiters';
import { DeliveryLog, type DeliveryLogEntry, type DeliverySummary } from './delivery-log';
import { deliveryBody, matchingSubscription, toPendingEvent, type PendingEvent } from './payload';
import { postDelivery } from './post-delivery';
import { nextStep } from './retry-policy';
import { seededRandom, type Random } from '#src/random/seeded-random';
import { signatureHeaders } from './signature';

export interface WebhookDispatcher {
  /** Validates (throws a ZodError naming the bad field), stores and applies a configuration; null unsubscribes all. */
  configure(config: WebhookConfigInput | null): WebhookConfig | undefined;
  /** The configuration in force, secret included. */
  config(): WebhookConfig | undefined;
  summary(): DeliverySummary;
  /** Resolves once nothing is pending or in flight; rejects with IdleTimeoutError after timeoutMs. */
  idle(timeoutMs?: number): Promise<void>;
  /** Stops timers, aborts requests on the wire and drops what is pending. */
  close(): Promise<void>;
}

export interface DispatcherOptions {
  feed: ChangeFeed;
  /** The portal the app is installed in: HubSpot only tells an app about its own portals. */
  portalId: number;
  config?: WebhookConfig;
  /** Called with every new configuration before it takes effect (persistence). */
  onConfigure?: (config: WebhookConfig | undefined) => void;
  warn?: (details: Record<string, unknown>, message: string) => void;
}

interface Batch {
  id: number;
  events: PendingEvent[];
  attemptNumber: number;
  duplicate: boolean;
}

export function createDispatcher(options: DispatcherOptions): WebhookDispatcher {
  return new Dispatcher(options);
}

class Dispatcher implements WebhookDispatcher {
  private current: WebhookConfig | undefined;
  private random: Random = seededRandom(1);
  private window: PendingEvent[] = [];
  private windowTimer: NodeJS.Timeout | undefined;
  private ready: Batch[] = [];
  /** Batches waiting for a retry or the extra delay, with their timers. */
  private readonly waiting = new Map<Batch, NodeJS.Timeout>();
  private readonly inFlight = new Set<Promise<void>>();
  private readonly idleWaiters = new IdleWaiters();
  private readonly cancel = new AbortController();
  private readonly log = new DeliveryLog();
  private readonly unsubscribe: () => void;
  private closed = false;
  // Receivers deduplicate on eventId, so ids must not repeat after a restart: start from the clock.
  private nextEventId = Date.now() * 1_000;
  private nextBatchId = 1;

  constructor(private readonly options: DispatcherOptions) {
    if (options.config) this.apply(options.config);
    this.unsubscribe = options.feed.subscribe((changes) => this.accept(changes));
  }

  configure(input: WebhookConfigInput | null): WebhookConfig | undefined {
    const config =
      input === null ? undefined : withSubscriptionIds(webhookConfigSchema.parse(input), this.current);
    this.options.onConfigure?.(config);
    if (config) this.apply(config);
    else this.unsubscribeAll();
    return config;
  }

  config(): WebhookConfig | undefined {
    return this.current;
  }

  summary(): DeliverySummary {
    const queued = [...this.ready, ...this.waiting.keys()].reduce(
      (sum, batch) => sum + batch.events.length,
      0,
    );
    return {
      pending: this.window.length + queued,
      inFlight: this.inFlight.size,
      deliveries: this.log.latest(),
    };
  }

  idle(timeoutMs = 30_000): Promise<void> {
    if (this.isIdle()) return Promise.resolve();
    return this.idleWaiters.wait(timeoutMs, () => this.summary());
  }

  async close(): Promise<void> {
    this.closed = true;
    this.unsubscribe();
    this.discardPending();
    this.idleWaiters.wake(new Error('the webhook dispatcher closed'));
    this.cancel.abort();
    await Promise.allSettled([...this.inFlight]);
  }

  private apply(config: WebhookConfig): void {
    this.current = config;
    this.random = seededRandom(config.delivery.seed);
    this.pump();
  }

  private unsubscribeAll(): void {
    this.current = undefined;
    this.discardPending();
    this.notifyIfIdle();
  }

  private discardPending(): void {
    clearTimeout(this.windowTimer);
    this.windowTimer = undefined;
    this.window = [];
    this.ready = [];
    for (const timer of this.waiting.values()) clearTimeout(timer);
    this.waiting.clear();
  }

  private accept(changes: readonly ChangeEvent[]): void {
    const config = this.current;
    if (!config || this.closed) return;
    for (const change of changes) {
      if (change.portalId !== this.options.portalId) continue;
      const subscription = matchingSubscription(change, config.subscriptions.crmObjects);
      if (!subscription) continue;
      this.window.push(
        toPendingEvent(change, subscription, { eventId: this.nextEventId++, appId: config.appId }),
      );
    }
    if (this.window.length > 0 && !this.windowTimer) {
      this.windowTimer = setTimeout(() => this.closeWindow(), config.delivery.batchWindowMs);
    }
  }

  private closeWindow(): void {
    this.windowTimer = undefined;
    const events = this.window;
    this.window = [];
    const config = this.current;
    if (config) {
      const plan = planBatches(events, config.delivery, this.random);
      if (plan.dropped.length > 0) this.recordDropped(plan.dropped);
      for (const { events: batchEvents, duplicate } of plan.batches) {
        const batch = { id: this.nextBatchId++, events: batchEvents, attemptNumber: 0, duplicate };
        this.enqueue(batch, config.delivery.delayMs);
      }
      this.pump();
    }
    this.notifyIfIdle();
  }

  private enqueue(batch: Batch, afterMs: number): void {
    if (afterMs <= 0) {
      this.ready.push(batch);
      return;
    }
    const timer = setTimeout(() => {
      this.waiting.delete(batch);
      this.ready.push(batch);
      this.pump();
    }, afterMs);
    this.waiting.set(batch, timer);
  }

  /** Starts queued batches while fewer than maxConcurrentRequests are on the wire. */
  private pump(): void {
    const config = this.current;
    if (!config || this.closed) return;
    while (this.inFlight.size < config.settings.maxConcurrentRequests) {
      const batch = this.ready.shift();
      if (!batch) break;
      const attempt: Promise<void> = this.attempt(batch, config).finally(() => {
        this.inFlight.delete(attempt);
        this.pump();
        this.notifyIfIdle();
      });
      this.inFlight.add(attempt);
    }
  }

  private async attempt(batch: Batch, config: WebhookConfig): Promise<void> {
    // Sign the URL as it goes on the wire (`http://host` is requested as `http://host/`).
    const url = new URL(config.settings.targetUrl).href;
    const body = deliveryBody(batch.events, batch.attemptNumber);
    const timestamp = Date.now();
    const headers = signatureHeaders({
      method: 'POST',
      url,
      body,
      clientSecret: config.clientSecret,
      timestamp,
    });
    const result = await postDelivery({
      url,
      headers,
      body,
      timeoutMs: config.delivery.timeoutMs,
      cancel: this.cancel.signal,
    });
    if (!result || this.closed) return;

    const step = nextStep(result, batch.attemptNumber, config.delivery);
    const entry = this.record(batch, result.status, step.outcome);
    if (step.outcome === 'failed')
      this.options.warn?.({ delivery: entry, targetUrl: url }, 'webhook delivery failed');
    // An app that unsubscribed meanwhile gets no more retries.
    if (step.outcome === 'retrying' && this.current) {
      this.enqueue(
        { ...batch, attemptNumber: batch.attemptNumber + 1 },
        step.afterMs + this.current.delivery.delayMs,
      );
    }
  }

  private record(
    batch: Batch,
    status: DeliveryLogEntry['status'],
    outcome: DeliveryLogEntry['outcome'],
  ): DeliveryLogEntry {
    const entry: DeliveryLogEntry = {
      id: batch.id,
      attemptNumber: batch.attemptNumber,
      status,
      events: batch.events.length,
      eventIds: batch.events.map((event) => event.eventId),
      at: new Date().toISOString(),
      outcome,
      duplicate: batch.duplicate,
    };
    this.log.record(entry);
    return entry;
  }

  private recordDropped(events: PendingEvent[]): void {
    const batch = { id: this.nextBatchId++, events, attemptNumber: 0, duplicate: false };
    const entry = this.record(batch, null, 'dropped');
    this.options.warn?.({ delivery: entry }, 'webhook events dropped by the dropRate fault switch');
  }

  private isIdle(): boolean {
    return (
      this.window.length === 0 &&
      this.windowTimer === undefined &&
      this.ready.length === 0 &&
      this.waiting.size === 0 &&
      this.inFlight.size === 0
    );
  }

  private notifyIfIdle(): void {
    if (this.isIdle()) this.idleWaiters.wake();
  }
}
