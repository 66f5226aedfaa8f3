import { setTimeout as sleep } from 'node:timers/promises';
import { QUEUE_EVENT_SOURCES } from '#src/aws/event-sources';
import { PROPERTY_CATALOG } from '#src/hubspot/catalog/index';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { startSandbox } from '#sandbox/server';
import { APP_TOKEN, IMPORT_TOKEN } from '#sandbox/tokens';
import { startGateEnforcement } from '#src/settings/gate-settings-store';
import { localGateSettings, startLocalAws } from '../local/aws.ts';
import { LOCAL_HUBSPOT_ENV, startBackend } from '../local/backend.ts';
import { queueWorker } from '../local/functions.ts';
import { projectWebhookSubscriptions } from '../local/webhook-subscriptions.ts';
import { measuredOn, writeResultsSection } from './support/results.ts';

/**
 * `npm run bench -- gate [deals=5000] [gateWorkerRequestsPer10s=180]`: an import moves incomplete deals into
 * closed-won with the sandbox's 190-per-10-s limit on; the whole local system (webhooks, SQS, the
 * gate worker) enforces the gate under `block`. Measures until every deal is blocked, from the
 * sandbox's change feed (no API calls of its own), then checks the end state once through the API.
 */
const DEALS = Number(process.argv[2] ?? 5_000);
const GATE_SHARE = process.argv[3] ?? '180';
const LIMIT = 190;

const sandbox = await startSandbox({ port: 0, rateLimit: LIMIT });
const api = async (token: string, method: string, path: string, body?: unknown): Promise<unknown> => {
  for (;;) {
    const response = await fetch(`${sandbox.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    // The import shares the portal's limit with the app: it waits its turn like HubSpot's importer.
    if (response.status === 429) {
      await sleep(500);
      continue;
    }
    if (!response.ok) throw new Error(`${method} ${path}: ${response.status} ${await response.text()}`);
    return response.status === 204 ? null : response.json();
  }
};
const admin = (method: string, path: string, body?: unknown) =>
  fetch(`${sandbox.url}${path}`, {
    method,
    ...(body === undefined
      ? {}
      : { headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) }),
  });

// Set-up, not measured: the properties `npm run setup` creates, and the open deals.
const { groups, properties } = PROPERTY_CATALOG.deals;
for (const group of groups) await api(APP_TOKEN, 'POST', '/crm/v3/properties/deals/groups', group);
for (const { readOnlyForUsers: _backendOnly, ...property } of properties)
  await api(APP_TOKEN, 'POST', '/crm/v3/properties/deals', property);
const dealIds: string[] = [];
for (let i = 0; i < DEALS; i += 100) {
  const inputs = Array.from({ length: Math.min(100, DEALS - i) }, (_, k) => ({
    properties: {
      dealname: `Imported deal ${i + k + 1}`,
      pipeline: 'default',
      dealstage: 'contractsent',
      hubspot_owner_id: PORTAL_ADMIN.id,
    },
  }));
  const created = (await api(IMPORT_TOKEN, 'POST', '/crm/v3/objects/deals/batch/create', { inputs })) as {
    results: { id: string }[];
  };
  dealIds.push(...created.results.map((d) => d.id));
}

const aws = await startLocalAws({ visibilityTimeoutSeconds: 30 });
// Installed before the import: the gate enforces every deal it moves.
const gateSettings = localGateSettings(aws);
await startGateEnforcement(gateSettings.store, sandbox.portalId, new Date());
gateSettings.close();
const backend = await startBackend({
  port: 0,
  env: {
    ...aws.env,
    ...LOCAL_HUBSPOT_ENV,
    HUBSPOT_PORTAL_ID: String(sandbox.portalId),
    HUBSPOT_BASE_URL: sandbox.url,
    GATE_WORKER_REQUESTS_PER_10S: GATE_SHARE,
    POWERTOOLS_LOG_LEVEL: 'ERROR',
  },
  workers: {
    // As deployed (QUEUE_EVENT_SOURCES): batches of up to 100 gathered for up to 1 s, two
    // invocations at once. Locally they share the module-scope client and so its limiter.
    'gate-worker': queueWorker('gate-worker', aws.queueUrls.gate),
  },
  schedules: {},
  log: (line) => console.error(line),
});
await admin('PUT', '/__sandbox/webhooks', {
  appId: Number(LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID),
  clientSecret: LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET,
  settings: { targetUrl: `${backend.url}/webhooks/hubspot`, maxConcurrentRequests: 10 },
  subscriptions: { crmObjects: projectWebhookSubscriptions().subscriptions },
});
// Let the rolling window of the set-up calls pass, so the app starts with the whole limit.
await sleep(10_500);
await admin('DELETE', '/__sandbox/requests');

const blocked = new Set<string>();
const engagements = { notes: 0, tasks: 0 };
let lastBlockedAt = 0;
const done = new Promise<void>((resolve) => {
  sandbox.feed.subscribe((events) => {
    for (const e of events) {
      if (e.actor.appId !== Number(LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID)) continue;
      if (e.kind === 'creation' && e.objectType === 'notes') engagements.notes++;
      if (e.kind === 'creation' && e.objectType === 'tasks') engagements.tasks++;
      if (e.objectType === 'deals' && e.propertyName === 'rg_gate_status' && e.propertyValue === 'blocked') {
        blocked.add(e.objectId);
        lastBlockedAt = performance.now();
      }
    }
    if (blocked.size >= DEALS) resolve();
  });
});

const started = performance.now();
for (let i = 0; i < dealIds.length; i += 100) {
  const inputs = dealIds.slice(i, i + 100).map((id) => ({ id, properties: { dealstage: 'closedwon' } }));
  await api(IMPORT_TOKEN, 'POST', '/crm/v3/objects/deals/batch/update', { inputs });
}
const importSeconds = (performance.now() - started) / 1000;
const progress = setInterval(() => console.error(`… ${blocked.size} of ${DEALS} enforced`), 10_000);
await done;
clearInterval(progress);
const totalSeconds = (lastBlockedAt - started) / 1000;

const counts = (await (await admin('GET', '/__sandbox/requests')).json()) as {
  tooManyRequests: number;
  endpoints: Record<string, { byToken: Record<string, number> }>;
};
const appCalls = Object.values(counts.endpoints).reduce((sum, e) => sum + (e.byToken[APP_TOKEN] ?? 0), 0);
const importCalls = Object.values(counts.endpoints).reduce(
  (sum, e) => sum + (e.byToken[IMPORT_TOKEN] ?? 0),
  0,
);
const perEndpoint = Object.entries(counts.endpoints)
  .filter(([, e]) => e.byToken[APP_TOKEN])
  .map(([endpoint, e]) => `${endpoint} ${e.byToken[APP_TOKEN]}`)
  .join(', ');
// The import's calls count against the same portal limit as the app's: the limit must carry both.
const portalCalls = appCalls + importCalls;
const sustainedSeconds = portalCalls / (LIMIT / 10);
// Rolling window, exactly: 190 at once, then 190 more each time the window has passed.
const windowSeconds = (Math.ceil(portalCalls / LIMIT) - 1) * 10;
const worker = QUEUE_EVENT_SOURCES['gate-worker'];

// The end state, once, through the API: every deal back in Contract Sent, blocked.
let wrong = 0;
for (let i = 0; i < dealIds.length; i += 100) {
  const batch = (await api(APP_TOKEN, 'POST', '/crm/v3/objects/deals/batch/read', {
    inputs: dealIds.slice(i, i + 100).map((id) => ({ id })),
    properties: ['dealstage', 'rg_gate_status'],
  })) as { results: { properties: Record<string, string | null> }[] };
  wrong += batch.results.filter(
    (d) => d.properties.dealstage !== 'contractsent' || d.properties.rg_gate_status !== 'blocked',
  ).length;
}
await backend.close();
await aws.close();
await sandbox.close();

const ratio = totalSeconds / sustainedSeconds;
const section = `<!-- gate:start -->
## Gate (\`npm run bench -- gate\`)

Measured ${measuredOn()}. Sandbox limit ${LIMIT} requests / 10 s (shared by the import and the app); the whole local system: signed webhooks → webhook function (DynamoDB event log: a batch read and batch writes per delivery) → local SQS → gate worker (as deployed: ${worker.maximumConcurrency} invocations at once, batches of up to ${worker.batchSize} messages gathered for up to ${worker.maximumBatchingWindowSeconds} s, limiter share ${GATE_SHARE} / 10 s), policy \`block\`.

| what | figure |
|---|---|
| deals moved to closed-won by an import (\`sandbox-import\`, batch updates of 100) | ${DEALS.toLocaleString('en')} in ${importSeconds.toFixed(1)} s (${importCalls} calls) |
| time until every deal was enforced (from the import's first call) | ${totalSeconds.toFixed(1)} s |
| API calls by the app (\`sandbox-app\`) | ${appCalls.toLocaleString('en')} (${(appCalls / DEALS).toFixed(2)} per enforced deal); 429s in the portal: ${counts.tooManyRequests} |
| API calls in the portal (app + import), which share the limit | ${portalCalls.toLocaleString('en')} |
| time the rate limit alone requires for those calls | ${sustainedSeconds.toFixed(1)} s at 19 / s (${windowSeconds} s with the rolling window modelled exactly: ${LIMIT} at once, ${LIMIT} more per 10 s) |
| ratio total ÷ rate-limit time | ${ratio.toFixed(2)} (${windowSeconds > 0 ? (totalSeconds / windowSeconds).toFixed(2) : 'n/a: every call fits in the first window'} against the exact window) |
| notes / tasks created by the app | ${engagements.notes.toLocaleString('en')} / ${engagements.tasks.toLocaleString('en')} |
| deals not back in Contract Sent and blocked at the end | ${wrong} |

App calls by endpoint: ${perEndpoint}.
<!-- gate:end -->`;

writeResultsSection('gate', section);
console.log(section);
process.exit(0);
