import type { DeliverySummary } from './delivery-log';

export class IdleTimeoutError extends Error {
  constructor(
    readonly timeoutMs: number,
    readonly summary: DeliverySummary,
  ) {
    super(`webhook deliveries still pending after ${timeoutMs} ms`);
  }
}

/** Callers of idle() waiting for the dispatcher to have nothing pending or in flight. */
export class IdleWaiters {
  private readonly waiters = new Set<(error?: Error) => void>();

  /** Resolves at the next wake(); rejects with IdleTimeoutError (carrying summary()) after timeoutMs. */
  wait(timeoutMs: number, summary: () => DeliverySummary): Promise<void> {
    return new Promise((resolve, reject) => {
      const settle = (error?: Error) => {
        clearTimeout(timer);
        this.waiters.delete(settle);
        if (error) reject(error);
        else resolve();
      };
      const timer = setTimeout(() => settle(new IdleTimeoutError(timeoutMs, summary())), timeoutMs);
      this.waiters.add(settle);
    });
  }

  /** Settles every waiter: resolved when idle, rejected with the error otherwise. */
  wake(error?: Error): void {
    for (const settle of [...this.waiters]) settle(error);
  }
}
