import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startSandbox } from '#sandbox/server';
import { todayUtc } from '#sandbox/seed/choose';
import { APP_TOKEN, SANDBOX_TOKENS, UI_TOKEN_PREFIX } from '#sandbox/tokens';
import { runRiskSync } from '#src/cli/risk-sync';
import { startGateEnforcement } from '#src/settings/gate-settings-store';
import { localGateSettings, startLocalAws } from './aws.ts';
import { DEFAULT_BACKEND_PORT, LOCAL_HUBSPOT_ENV, startBackend } from './backend.ts';
import { DEMO_RISK_SETTINGS } from './demo-risk-settings.ts';
import { findWalkthroughDeal, walkthroughText } from './walkthrough.ts';
import { projectWebhookSubscriptions } from './webhook-subscriptions.ts';

/**
 * `npm start`: the whole system on this machine, no accounts, no network —
 * the sandbox portal (4010), DynamoDB and SQS stand-ins, and the backend functions (4020),
 * with the sandbox sending signed webhooks to the backend.
 */
const SANDBOX_PORT = 4010;
const dataDir = process.env.RENEWAL_GUARD_DATA_DIR ?? join(tmpdir(), 'renewal-guard');
const sweepEverySeconds = secondsFromEnv('RG_SWEEP_INTERVAL_SECONDS', 60);

function secondsFromEnv(name: string, fallback: number): number {
  const raw = process.env[name];
  if (raw === undefined || raw === '') return fallback;
  const seconds = Number(raw);
  if (!Number.isFinite(seconds) || seconds <= 0)
    throw new Error(`${name} must be a number of seconds above 0, e.g. 15; found "${raw}"`);
  return seconds;
}

async function main(): Promise<void> {
  const sandbox = await startSandbox({
    port: SANDBOX_PORT,
    dataDir: join(dataDir, 'sandbox'),
    // Seeded as of today, so renewal dates fall in the coming 12 months whenever the demo starts.
    seed: { name: 'demo', asOf: todayUtc() },
  });
  const aws = await startLocalAws({ dataDir: join(dataDir, 'dynamodb') });
  // What installing does: the gate enforces deals won from now on (kept across restarts), so the
  // demo portal's history of won deals is left as it is.
  const gateSettings = localGateSettings(aws);
  const { enforcedSince } = await startGateEnforcement(gateSettings.store, sandbox.portalId, new Date());
  gateSettings.close();
  const backend = await startBackend({
    port: DEFAULT_BACKEND_PORT,
    env: { ...aws.env, ...LOCAL_HUBSPOT_ENV, HUBSPOT_BASE_URL: sandbox.url },
    scheduleIntervals: { sweepsEverySeconds: sweepEverySeconds },
  });

  const targetUrl = `${backend.url}/webhooks/hubspot`;
  const { subscriptions, source } = projectWebhookSubscriptions();
  const response = await fetch(`${sandbox.url}/__sandbox/webhooks`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({
      appId: Number(LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID),
      clientSecret: LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET,
      settings: { targetUrl, maxConcurrentRequests: 10 },
      subscriptions: { crmObjects: subscriptions },
    }),
  });
  if (!response.ok)
    throw new Error(`sandbox refused the webhook subscriptions: ${response.status} ${await response.text()}`);

  console.log(`
Renewal Guard is running locally.
  sandbox (HubSpot API)  ${sandbox.url}   portal ${sandbox.portalId}, data in ${dataDir}
  backend                ${backend.url}   card API under /api, webhooks at /webhooks/hubspot
  DynamoDB / SQS         ${aws.dynamodbEndpoint} / ${aws.sqsEndpoint}
  webhooks               ${subscriptions.length} subscriptions from ${source} → ${targetUrl}
  gate                   enforced on deals won since ${enforcedSince}; sweep every ${sweepEverySeconds} s (RG_SWEEP_INTERVAL_SECONDS)

Sandbox tokens: ${SANDBOX_TOKENS.join(', ')}, ${UI_TOKEN_PREFIX}<ownerId> (the app writes as sandbox-app, app id ${LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID}).
Local client secret: ${LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET} (not a real secret).

${walkthroughText(sandbox.url, await findWalkthroughDeal(sandbox.url))}

Ctrl-C stops everything.
`);

  // After the servers are up, not before: they serve while the first sync scores the demo portal.
  // A delta runs as a full sync the first time (no cursor yet) and re-scores only changes after a restart.
  void runRiskSync({
    mode: 'delta',
    env: { HUBSPOT_ACCESS_TOKEN: APP_TOKEN, HUBSPOT_BASE_URL: sandbox.url },
    stateDir: join(dataDir, 'risk-sync'),
    settings: DEMO_RISK_SETTINGS,
    // Plain progress lines: a redrawn bar would garble the servers' own output.
    out: { write: (text: string) => process.stdout.write(text) } as NodeJS.WritableStream,
  }).catch((error: unknown) => console.error('risk sync failed:', error));

  let stopping = false;
  const shutdown = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`\n${signal}: stopping…`);
    await backend.close();
    await Promise.all([aws.close(), sandbox.close()]);
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
