import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { pathToFileURL } from 'node:url';
import { SQSClient } from '@aws-sdk/client-sqs';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { LOCAL_AWS_ENV, startLocalAws } from './aws.ts';
import {
  defaultSchedules,
  defaultWorkers,
  loadFunction,
  type HttpHandler,
  type ScheduleBinding,
  type ScheduleIntervals,
  type WorkerBinding,
} from './functions.ts';
import { functionUrlEvent, lambdaContext } from './lambda-events.ts';
import { startSchedule, type Schedule } from './schedule.ts';
import { startSqsPoller, type SqsPoller } from './sqs-poller.ts';

/** Documented, not real: the sandbox's app token, app id and client secret. */
export const LOCAL_HUBSPOT_ENV = {
  HUBSPOT_ACCESS_TOKEN: 'sandbox-app',
  HUBSPOT_CLIENT_SECRET: 'local-client-secret',
  HUBSPOT_APP_ID: '1000',
  /** The sandbox's default portal (sandbox/server.ts DEFAULT_PORTAL_ID). */
  HUBSPOT_PORTAL_ID: '12345678',
} as const;

export const DEFAULT_BACKEND_PORT = 4020;
/** hubspot.fetch gives up after 15 s; HubSpot's webhook delivery after about 5 s. */
const CARD_API_TIMEOUT_MS = 15_000;
const WEBHOOKS_TIMEOUT_MS = 5_000;

export interface BackendOptions {
  port?: number;
  host?: string;
  /** Environment for the functions (AWS endpoints, tables, queues, HubSpot settings). */
  env: Record<string, string>;
  /** SQS consumers by name; defaults to the worker files present under functions/. */
  workers?: Record<string, WorkerBinding>;
  /** Scheduled handlers by name; defaults to the sweep/scheduler files present under functions/. */
  schedules?: Record<string, ScheduleBinding>;
  scheduleIntervals?: ScheduleIntervals;
  /** Replaces the HTTP functions (functions/webhooks.ts, functions/card-api.ts), e.g. with test routes. */
  http?: {
    webhooks?: () => Promise<{ handler: HttpHandler }>;
    cardApi?: () => Promise<{ handler: HttpHandler }>;
  };
  log?: (line: string) => void;
}

export interface Backend {
  url: string;
  port: number;
  close(): Promise<void>;
}

function readBody(request: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    request.on('data', (chunk: Buffer) => chunks.push(chunk));
    request.on('end', () => resolve(Buffer.concat(chunks)));
    request.on('error', reject);
  });
}

function send(response: ServerResponse, status: number, body: unknown): void {
  response.writeHead(status, { 'content-type': 'application/json' });
  response.end(JSON.stringify(body));
}

/** How a Function URL turns a handler's return value into an HTTP response. */
function writeResult(response: ServerResponse, result: unknown): void {
  const structured = result as APIGatewayProxyStructuredResultV2 | undefined;
  if (typeof structured !== 'object' || structured === null || typeof structured.statusCode !== 'number') {
    send(response, 200, result ?? null);
    return;
  }
  const headers: Record<string, string | number | boolean | string[]> = { ...structured.headers };
  if (structured.cookies?.length) headers['set-cookie'] = structured.cookies;
  response.writeHead(structured.statusCode, headers as Record<string, string | string[]>);
  const body = structured.body ?? '';
  response.end(structured.isBase64Encoded ? Buffer.from(body, 'base64') : body);
}

/**
 * Runs the Lambda functions behind one local HTTP server, like Function URLs would:
 * `POST /webhooks/hubspot` → functions/webhooks.ts (rawPath `/webhooks/hubspot`);
 * `/api/*` → functions/card-api.ts with `/api` stripped, so its router sees `/deals/…` exactly as on
 * AWS, where the card API's Function URL serves from its root (hence `CARD_API_PUBLIC_URL=<url>/api`:
 * the signature covers the URL the caller used, prefix included); `GET /health`.
 * Also polls every worker's queue and ticks every schedule.
 */
export async function startBackend(options: BackendOptions): Promise<Backend> {
  const host = options.host ?? '127.0.0.1';
  const port = options.port ?? DEFAULT_BACKEND_PORT;
  const log = options.log ?? ((line: string) => console.log(line));
  const server = createServer();
  server.listen(port, host);
  await once(server, 'listening');
  const actualPort = (server.address() as AddressInfo).port;
  const url = `http://${host}:${actualPort}`;

  // Functions read their configuration at import, as on a cold start: the environment comes first.
  Object.assign(process.env, {
    ...LOCAL_AWS_ENV,
    POWERTOOLS_METRICS_DISABLED: 'true',
    CARD_API_PUBLIC_URL: `${url}/api`,
    ...options.env,
  });
  const webhooks = options.http?.webhooks ?? loadFunction<{ handler: HttpHandler }>('webhooks');
  const cardApi = options.http?.cardApi ?? loadFunction<{ handler: HttpHandler }>('card-api');

  async function invoke(
    name: string,
    load: () => Promise<{ handler: HttpHandler }>,
    event: APIGatewayProxyEventV2,
    timeoutMs: number,
    response: ServerResponse,
  ): Promise<void> {
    try {
      const { handler } = await load();
      writeResult(response, await handler(event, lambdaContext(name, timeoutMs)));
    } catch (error) {
      // A Function URL answers 502 when the function itself throws.
      log(
        `[${name}] invocation failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`,
      );
      send(response, 502, { message: 'Internal Server Error' });
    }
  }

  server.on('request', (request: IncomingMessage, response: ServerResponse) => {
    void (async () => {
      const path = new URL(request.url ?? '/', url).pathname;
      const body = await readBody(request);
      if (path === '/health' && request.method === 'GET') return send(response, 200, { status: 'ok' });
      if (path === '/webhooks/hubspot') {
        if (request.method !== 'POST') return send(response, 405, { message: 'Method Not Allowed' });
        return invoke(
          'webhooks',
          webhooks,
          functionUrlEvent(request, path, body),
          WEBHOOKS_TIMEOUT_MS,
          response,
        );
      }
      if (path === '/api' || path.startsWith('/api/')) {
        const event = functionUrlEvent(request, path.slice('/api'.length) || '/', body);
        return invoke('card-api', cardApi, event, CARD_API_TIMEOUT_MS, response);
      }
      send(response, 404, { message: `No local function serves ${path}` });
    })().catch((error: unknown) => {
      log(`[backend] ${String(error)}`);
      if (!response.headersSent) send(response, 500, { message: 'local backend error' });
    });
  });

  const sqs = new SQSClient({ region: process.env.AWS_REGION, endpoint: process.env.AWS_ENDPOINT_URL_SQS });
  const pollers: SqsPoller[] = [];
  const schedules: Schedule[] = [];
  const onError = (message: string, error: unknown) => log(`${message}: ${String(error)}`);
  for (const [name, worker] of Object.entries(options.workers ?? defaultWorkers(process.env))) {
    const { handler } = await worker.load();
    pollers.push(
      await startSqsPoller({
        name,
        client: sqs,
        queueUrl: worker.queueUrl,
        handler,
        timeoutMs: worker.timeoutMs,
        concurrency: worker.concurrency,
        batchSize: worker.batchSize,
        batchingWindowMs: worker.batchingWindowMs,
        onError,
      }),
    );
  }
  for (const [name, schedule] of Object.entries(
    options.schedules ?? defaultSchedules(options.scheduleIntervals),
  )) {
    const { handler } = await schedule.load();
    schedules.push(startSchedule({ name, everyMs: schedule.everySeconds * 1000, handler, onError }));
  }

  return {
    url,
    port: actualPort,
    close: async () => {
      await Promise.all([...pollers, ...schedules].map((running) => running.stop()));
      sqs.destroy();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
}

/** `npm run backend`: the backend on 4020 with its own local AWS stand-ins (no sandbox). */
async function main(): Promise<void> {
  const aws = await startLocalAws();
  const backend = await startBackend({
    env: { ...aws.env, ...LOCAL_HUBSPOT_ENV, ...pickHubSpotEnv(process.env) },
  });
  console.log(`backend on ${backend.url} (DynamoDB ${aws.dynamodbEndpoint}, SQS ${aws.sqsEndpoint})`);
  const shutdown = async () => {
    await backend.close();
    await aws.close();
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown());
  process.once('SIGTERM', () => void shutdown());
}

/** Real HubSpot settings from the shell win over the sandbox defaults. */
export function pickHubSpotEnv(env: NodeJS.ProcessEnv): Record<string, string> {
  const keys = [
    'HUBSPOT_BASE_URL',
    'HUBSPOT_ACCESS_TOKEN',
    'HUBSPOT_CLIENT_SECRET',
    'HUBSPOT_APP_ID',
    'HUBSPOT_PORTAL_ID',
  ];
  return Object.fromEntries(keys.flatMap((key) => (env[key] ? [[key, env[key]]] : [])));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) void main();
