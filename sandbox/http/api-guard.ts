import { setTimeout as sleep } from 'node:timers/promises';
import type { FastifyInstance } from 'fastify';
import type { RateLimiter } from '../limits/rate-limiter.ts';
import { rateLimitBody } from '../limits/rate-limiter.ts';
import { NO_FAULTS, type FaultSettings } from '../limits/faults.ts';
import { RequestCounter } from '../limits/request-counter.ts';
import type { SandboxState } from '../state.ts';
import { authenticate } from './auth.ts';
import { HubSpotError } from './errors.ts';

/** What stands between a caller and the CRM API: faults, authentication, limits, counting. */
export class ApiGuard {
  faults: FaultSettings = { ...NO_FAULTS };
  readonly counter = new RequestCounter();

  constructor(readonly limiter: RateLimiter) {}

  install(api: FastifyInstance, state: SandboxState): void {
    api.addHook('onRequest', async (request, reply) => {
      const now = Date.now();
      if (this.faults.latencyMs > 0) await sleep(this.faults.latencyMs);
      if (now < this.faults.stormUntil) {
        return reply.code(429).send(rateLimitBody('TEN_SECONDLY_ROLLING'));
      }
      authenticate(request, state);
      if (this.faults.errorRate > 0 && Math.random() < this.faults.errorRate) {
        throw new HubSpotError(
          502,
          'INTERNAL_ERROR',
          'The server encountered a temporary error (injected fault). Please retry.',
        );
      }
      const isSearch = request.routeOptions.url?.endsWith('/search') ?? false;
      const refused = this.limiter.admit(now, isSearch);
      if (refused) return reply.code(429).send(rateLimitBody(refused));
      return undefined;
    });
    api.addHook('onSend', async (_request, reply, payload) => {
      reply.headers(this.limiter.headers(Date.now()));
      return payload;
    });
    api.addHook('onResponse', async (request, reply) => {
      const endpoint = `${request.method} ${request.routeOptions.url ?? request.url.split('?')[0]}`;
      this.counter.record(endpoint, request.token ?? '(none)', reply.statusCode);
    });
  }
}
