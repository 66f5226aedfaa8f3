import { validationError } from '../http/errors.ts';
import { expectObject } from '../http/input.ts';

/** Faults injected into the HubSpot API routes, for tests of retries and back-off. */
export interface FaultSettings {
  /** Added to every API response. */
  latencyMs: number;
  /** Share of API requests (0–1) answered with a 5xx. */
  errorRate: number;
  /** Every API request is answered 429 until this time (epoch ms); 0 = no storm. */
  stormUntil: number;
}

export const NO_FAULTS: FaultSettings = { latencyMs: 0, errorRate: 0, stormUntil: 0 };

export interface FaultUpdate {
  faults: FaultSettings;
  rateLimit?: number;
  dailyLimit?: number;
}

/** Parses `PUT /__sandbox/faults`; absent fields keep their current setting. */
export function parseFaultUpdate(body: unknown, current: FaultSettings, now: number): FaultUpdate {
  const input = expectObject(body ?? {}, 'body');
  const faults = { ...current };
  const update: FaultUpdate = { faults };
  if (input.latencyMs !== undefined) faults.latencyMs = nonNegative(input.latencyMs, 'latencyMs', 60_000);
  if (input.errorRate !== undefined) faults.errorRate = nonNegative(input.errorRate, 'errorRate', 1);
  if (input.rateLimit !== undefined) update.rateLimit = nonNegative(input.rateLimit, 'rateLimit', 1_000_000);
  if (input.dailyLimit !== undefined)
    update.dailyLimit = nonNegative(input.dailyLimit, 'dailyLimit', 100_000_000);
  if (input.storm === null) faults.stormUntil = 0;
  else if (input.storm !== undefined) {
    const storm = expectObject(input.storm, 'storm');
    faults.stormUntil = now + nonNegative(storm.durationMs, 'storm.durationMs', 3_600_000);
  }
  return update;
}

function nonNegative(value: unknown, path: string, max: number): number {
  if (typeof value !== 'number' || !Number.isFinite(value) || value < 0 || value > max) {
    throw validationError(
      `Invalid input: ${path} must be a number from 0 to ${max}, found ${JSON.stringify(value)}.`,
    );
  }
  return value;
}
