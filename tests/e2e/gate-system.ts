import { GetQueueAttributesCommand, SQSClient } from '@aws-sdk/client-sqs';
import type { Client } from '@hubspot/api-client';
import { vi } from 'vitest';
import { signHubSpotRequestV3 } from '#src/hubspot/signature';
import type { GateSettingsInput } from '#src/handover/gate-settings';
import { saveGateSettings, startGateEnforcement } from '#src/settings/gate-settings-store';
import type { RunningSandbox } from '#sandbox/server';
import type { DeliverySummary } from '#sandbox/webhooks/delivery-log';
import {
  LOCAL_AWS_ENV,
  localGateSettings,
  startLocalAws,
  type LocalAws,
  type LocalAwsOptions,
} from '../../local/aws.ts';
import { LOCAL_HUBSPOT_ENV, startBackend, type Backend } from '../../local/backend.ts';
import { loadFunction, queueWorker } from '../../local/functions.ts';
import type { ScheduledHandler } from '../../local/schedule.ts';
import { projectWebhookSubscriptions } from '../../local/webhook-subscriptions.ts';
import { installDealProperties } from '../hubspot/portal';
import { clientFor, startTestSandbox } from '../support/sandbox';

export interface GateSystemOptions {
  /** The sandbox's requests per 10 s; off (0) unless a test is about limits. */
  rateLimit?: number;
  /** Runs functions/sweeps.ts on this interval; no sweep when absent, so webhooks alone are tested. */
  sweepEverySeconds?: number;
  aws?: LocalAwsOptions;
  /** Extra environment for the functions. */
  env?: Record<string, string>;
}

export type WebhookDelivery = Partial<{
  duplicateRate: number;
  shuffle: boolean;
  dropRate: number;
  delayMs: number;
  batchWindowMs: number;
  retryBaseMs: number;
  seed: number;
}>;

/**
 * The whole gate, as `npm start` runs it: the sandbox sending signed webhooks from the project's
 * subscriptions to the local backend, whose webhook function queues gate checks on local SQS for
 * the real gate worker (and, when asked, the scheduled sweep).
 */
export interface GateSystem {
  sandbox: RunningSandbox;
  aws: LocalAws;
  backend: Backend;
  /** The api-client acting as the app, for reading what the gate did. */
  app: Client;
  portalId: number;
  /** A card's `hubspot.fetch` to the backend's card API, signed as HubSpot signs it (v3) for the user. */
  cardApi(
    method: string,
    path: string,
    options: { userId: number; body?: unknown },
  ): Promise<{ status: number; body: unknown }>;
  configureWebhooks(delivery?: WebhookDelivery): Promise<void>;
  saveSettings(settings: GateSettingsInput): Promise<void>;
  webhookLog(): Promise<DeliverySummary>;
  /** Waits until no webhook is pending and the gate queue is empty, twice in a row. */
  settled(timeoutMs?: number): Promise<void>;
  gateQueueDepth(): Promise<{ visible: number; inFlight: number }>;
  dlqDepth(): Promise<number>;
  close(): Promise<void>;
}

export async function startGateSystem(options: GateSystemOptions = {}): Promise<GateSystem> {
  const sandbox = await startTestSandbox({ rateLimit: options.rateLimit ?? 0 });
  const app = clientFor(sandbox);
  await installDealProperties(app);
  // Short, so failed messages come back quickly; still above the worker's one-second batching
  // window plus an invocation's HubSpot retries (AWS wants it above the function's timeout).
  const aws = await startLocalAws({ visibilityTimeoutSeconds: 4, maxReceiveCount: 3, ...options.aws });
  const backend = await startBackend({
    port: 0,
    env: {
      ...aws.env,
      ...LOCAL_HUBSPOT_ENV,
      HUBSPOT_PORTAL_ID: String(sandbox.portalId),
      HUBSPOT_BASE_URL: sandbox.url,
      POWERTOOLS_LOG_LEVEL: 'WARN',
      ...options.env,
    },
    workers: {
      // As `npm start` and Lambda: batches of up to 100 in a 1 s window, two invocations at once.
      'gate-worker': queueWorker('gate-worker', aws.queueUrls.gate),
    },
    schedules: options.sweepEverySeconds
      ? {
          sweeps: {
            everySeconds: options.sweepEverySeconds,
            load: loadFunction<{ handler: ScheduledHandler }>('sweeps'),
          },
        }
      : {},
    log: () => undefined,
  });
  const sqs = new SQSClient({
    region: LOCAL_AWS_ENV.AWS_REGION,
    endpoint: aws.sqsEndpoint,
    credentials: { accessKeyId: 'local', secretAccessKey: 'local' },
  });
  const gateSettings = localGateSettings(aws);
  const settingsStore = gateSettings.store;
  // Installed now: every deal the tests win after this is enforced.
  await startGateEnforcement(settingsStore, sandbox.portalId, new Date());

  const admin = async (path: string, method: string, body?: unknown) => {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      ...(body === undefined
        ? {}
        : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
    });
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.json() as Promise<unknown>;
  };
  const depth = async (queueUrl: string) => {
    const { Attributes = {} } = await sqs.send(
      new GetQueueAttributesCommand({
        QueueUrl: queueUrl,
        AttributeNames: ['ApproximateNumberOfMessages', 'ApproximateNumberOfMessagesNotVisible'],
      }),
    );
    return {
      visible: Number(Attributes.ApproximateNumberOfMessages ?? 0),
      inFlight: Number(Attributes.ApproximateNumberOfMessagesNotVisible ?? 0),
    };
  };

  const system: GateSystem = {
    sandbox,
    aws,
    backend,
    app,
    portalId: sandbox.portalId,
    cardApi: async (method, path, { userId, body }) => {
      const query = `userId=${userId}&userEmail=someone%40acme.example&appId=${LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID}&portalId=${sandbox.portalId}`;
      const url = `${backend.url}/api${path}?${query}`;
      const text = body === undefined ? '' : JSON.stringify(body);
      const timestamp = Date.now();
      const signature = signHubSpotRequestV3({
        method,
        url,
        body: text,
        timestamp,
        clientSecret: LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET,
      });
      const response = await fetch(url, {
        method,
        headers: {
          'content-type': 'application/json',
          'x-hubspot-signature-v3': signature,
          'x-hubspot-request-timestamp': String(timestamp),
        },
        body: text || undefined,
      });
      return { status: response.status, body: (await response.json()) as unknown };
    },
    configureWebhooks: async (delivery = {}) => {
      await admin('/__sandbox/webhooks', 'PUT', {
        appId: Number(LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID),
        clientSecret: LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET,
        settings: { targetUrl: `${backend.url}/webhooks/hubspot`, maxConcurrentRequests: 10 },
        subscriptions: { crmObjects: projectWebhookSubscriptions().subscriptions },
        delivery: { batchWindowMs: 50, retryBaseMs: 200, ...delivery },
      });
    },
    saveSettings: async (settings) => {
      await saveGateSettings(settingsStore, sandbox.portalId, settings);
    },
    webhookLog: async () => (await admin('/__sandbox/webhooks/log', 'GET')) as DeliverySummary,
    gateQueueDepth: () => depth(aws.queueUrls.gate),
    dlqDepth: async () => (await depth(aws.queueUrls.gateDlq)).visible,
    settled: async (timeoutMs = 30_000) => {
      let quietChecks = 0;
      let lastDeliveries = -1;
      await vi.waitFor(
        async () => {
          const log = (await admin('/__sandbox/webhooks/flush?timeoutMs=10000', 'POST')) as DeliverySummary;
          const queue = await depth(aws.queueUrls.gate);
          const quiet =
            queue.visible === 0 && queue.inFlight === 0 && log.deliveries.length === lastDeliveries;
          lastDeliveries = log.deliveries.length;
          quietChecks = quiet ? quietChecks + 1 : 0;
          if (quietChecks < 2) throw new Error('the gate is still working');
        },
        { timeout: timeoutMs, interval: 200 },
      );
    },
    close: async () => {
      await backend.close();
      sqs.destroy();
      gateSettings.close();
      await aws.close();
      await sandbox.close();
    },
  };
  await system.configureWebhooks();
  return system;
}

/** Sandbox fault switches (`PUT /__sandbox/faults`). */
export async function setFaults(
  system: GateSystem,
  faults: { errorRate?: number; storm?: { durationMs: number } | null },
): Promise<void> {
  const response = await fetch(`${system.sandbox.url}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(faults),
  });
  if (!response.ok) throw new Error(`PUT /__sandbox/faults: ${response.status}`);
}
