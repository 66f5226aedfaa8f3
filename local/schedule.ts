import type { Context, ScheduledEvent } from 'aws-lambda';
import { lambdaContext, scheduledEvent } from './lambda-events.ts';

export type ScheduledHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

export interface Schedule {
  stop(): Promise<void>;
}

/** Invokes a scheduled handler every `everyMs`, never two runs at once (a slow run skips ticks). */
export function startSchedule(options: {
  name: string;
  everyMs: number;
  handler: ScheduledHandler;
  timeoutMs?: number;
  onError?: (message: string, error: unknown) => void;
}): Schedule {
  let running: Promise<void> | undefined;
  const tick = () => {
    if (running) return;
    running = options
      .handler(scheduledEvent(options.name), lambdaContext(options.name, options.timeoutMs ?? 900_000))
      .then(() => undefined)
      .catch((error: unknown) =>
        (options.onError ?? console.error)(`[${options.name}] scheduled run failed`, error),
      )
      .finally(() => {
        running = undefined;
      });
  };
  const timer = setInterval(tick, options.everyMs);
  return {
    stop: async () => {
      clearInterval(timer);
      await running;
    },
  };
}
