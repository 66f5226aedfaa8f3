import type { FastifyInstance } from 'fastify';
import type { ApiGuard } from '../http/api-guard.ts';
import { validationError } from '../http/errors.ts';
import { expectObject } from '../http/input.ts';
import { parseFaultUpdate } from '../limits/faults.ts';
import { DEFAULT_SEED, type SeedChoice } from '../seed/choose.ts';
import type { SandboxState } from '../state.ts';

/** The sandbox's own controls under /__sandbox/ (not HubSpot's surface, no auth). */
export function registerAdminRoutes(app: FastifyInstance, state: SandboxState, guard: ApiGuard): void {
  app.get('/__sandbox/health', async () => ({ status: 'ok', portalId: state.portalId }));

  app.post('/__sandbox/reset', async () => {
    await state.reseed({ ...DEFAULT_SEED, name: 'empty' });
    return { status: 'ok', seed: 'empty' };
  });

  app.post('/__sandbox/seed', async (request) => {
    const choice = seedChoice(request.body);
    const started = performance.now();
    await state.reseed(choice);
    return { status: 'ok', seed: choice, seconds: Number(((performance.now() - started) / 1000).toFixed(2)) };
  });

  app.get('/__sandbox/faults', async () => faultsView(guard));

  app.put('/__sandbox/faults', async (request) => {
    const update = parseFaultUpdate(request.body, guard.faults, Date.now());
    guard.faults = update.faults;
    if (update.rateLimit !== undefined) guard.limiter.tenSecondLimit = update.rateLimit;
    if (update.dailyLimit !== undefined) guard.limiter.dailyLimit = update.dailyLimit;
    return faultsView(guard);
  });

  app.get('/__sandbox/requests', async () => guard.counter.snapshot());

  app.delete('/__sandbox/requests', async (_request, reply) => {
    guard.counter.reset();
    reply.code(204);
  });
}

function faultsView(guard: ApiGuard) {
  const now = Date.now();
  return {
    latencyMs: guard.faults.latencyMs,
    errorRate: guard.faults.errorRate,
    storm: guard.faults.stormUntil > now ? { remainingMs: guard.faults.stormUntil - now } : null,
    rateLimit: guard.limiter.tenSecondLimit,
    dailyLimit: guard.limiter.dailyLimit,
  };
}

const isCalendarDate = (value: string) =>
  /^\d{4}-\d{2}-\d{2}$/.test(value) && new Date(`${value}T00:00:00Z`).toISOString().startsWith(value);

function seedChoice(body: unknown): SeedChoice {
  const input = expectObject(body ?? {}, 'body');
  const name = input.name ?? 'demo';
  if (name !== 'demo' && name !== 'empty')
    throw validationError(`Invalid input: name must be "demo" or "empty", found ${JSON.stringify(name)}.`);
  const count = (value: unknown, path: string, fallback: number, max: number) => {
    if (value === undefined) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value) || value < 0 || value > max) {
      throw validationError(
        `Invalid input: ${path} must be an integer from 0 to ${max}, found ${JSON.stringify(value)}.`,
      );
    }
    return value;
  };
  const asOf = input.asOf;
  if (asOf !== undefined && (typeof asOf !== 'string' || !isCalendarDate(asOf)))
    throw validationError(`Invalid input: asOf must be a date as YYYY-MM-DD, found ${JSON.stringify(asOf)}.`);
  return {
    name,
    seedNumber: count(input.seedNumber, 'seedNumber', DEFAULT_SEED.seedNumber, 2 ** 31),
    companies: count(input.companies, 'companies', DEFAULT_SEED.companies, 100_000),
    ...(asOf !== undefined ? { asOf } : {}),
  };
}
