import Fastify from 'fastify';
import { ChangeFeed } from './events.ts';
import { ApiGuard } from './http/api-guard.ts';
import { installErrorHandling } from './http/error-handler.ts';
import { RateLimiter } from './limits/rate-limiter.ts';
import { registerAdminRoutes } from './routes/admin.ts';
import { registerAssociationLabelRoutes } from './routes/association-labels.ts';
import { registerAssociationRoutes } from './routes/associations.ts';
import { registerObjectRoutes } from './routes/objects.ts';
import { registerOwnerRoutes } from './routes/owners.ts';
import { registerPipelineRoutes } from './routes/pipelines.ts';
import { registerPropertyRoutes } from './routes/properties.ts';
import { registerSearchRoutes } from './routes/search.ts';
import { DEFAULT_SEED } from './seed/choose.ts';
import { SandboxState } from './state.ts';
import { registerWebhooks } from './webhooks/index.ts';

export interface SandboxOptions {
  /** 0 = a free port; the CLI defaults to 4010. */
  port?: number;
  /** Default 127.0.0.1. */
  host?: string;
  /** Persist the portal here; absent = memory only. */
  dataDir?: string;
  /** Used when `dataDir` holds no portal yet; default empty. */
  seed?: { name: 'demo' | 'empty'; seedNumber?: number; companies?: number; asOf?: string };
  /** Requests per 10 s; default 190; 0 = off. */
  rateLimit?: number;
  /** Default 650000. */
  dailyLimit?: number;
  /** Default 12345678. */
  portalId?: number;
  log?: boolean;
}

export interface RunningSandbox {
  url: string;
  port: number;
  portalId: number;
  feed: ChangeFeed;
  close(): Promise<void>;
}

export const DEFAULT_PORTAL_ID = 12345678;

/** Starts a HubSpot-compatible CRM API for one portal, with its admin and webhook routes. */
export async function startSandbox(options: SandboxOptions = {}): Promise<RunningSandbox> {
  const portalId = options.portalId ?? DEFAULT_PORTAL_ID;
  const feed = new ChangeFeed();
  const state = await SandboxState.open({
    portalId,
    feed,
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    seed: { ...DEFAULT_SEED, ...options.seed },
  });
  const guard = new ApiGuard(new RateLimiter(options.rateLimit ?? 190, options.dailyLimit ?? 650_000));

  const app = Fastify({
    logger: options.log ?? false,
    routerOptions: { ignoreTrailingSlash: true },
    bodyLimit: 32 * 1024 * 1024,
  });
  installErrorHandling(app);
  registerAdminRoutes(app, state, guard);
  registerWebhooks(app, { feed, portalId, ...(options.dataDir ? { dataDir: options.dataDir } : {}) });
  await app.register(async (api) => {
    guard.install(api, state);
    registerObjectRoutes(api, state);
    registerSearchRoutes(api, state);
    registerPropertyRoutes(api, state);
    registerPipelineRoutes(api, state);
    registerAssociationRoutes(api, state);
    registerAssociationLabelRoutes(api, state);
    registerOwnerRoutes(api, state);
  });

  await app.listen({ port: options.port ?? 0, host: options.host ?? '127.0.0.1' });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : (options.port ?? 0);
  const host = options.host ?? '127.0.0.1';
  return {
    url: `http://${host.includes(':') ? `[${host}]` : host}:${port}`,
    port,
    portalId,
    feed,
    close: () => app.close(),
  };
}
