import { PutCommand } from '@aws-sdk/lib-dynamodb';
import type { Message } from '@aws-sdk/client-sqs';
import type { Context, ScheduledEvent, SQSBatchResponse, SQSEvent } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalAws, type LocalAws } from '../../local/aws.ts';
import { LOCAL_HUBSPOT_ENV, startBackend, type Backend } from '../../local/backend.ts';
import { loadFunction } from '../../local/functions.ts';
import { lambdaContext, scheduledEvent, sqsEvent } from '../../local/lambda-events.ts';
import type { RunningSandbox } from '#sandbox/server';
import { DEFAULT_PORTAL_ID } from '#sandbox/server';
import { WORKFLOW_TOKEN } from '#sandbox/tokens';
import { documentClient } from '#src/aws/clients';
import { DynamoRiskModelStore } from '#src/aws/risk-sync-stores';
import type { RiskScoreJob } from '#src/jobs';
import { buildRulesModel } from '#src/risk/model/rules-model';
import { parseRiskSettings } from '#src/risk/settings';
import { signalFeatures } from '#src/risk/signal-features';
import { formerCustomerReason } from '#src/risk/sync/former-customer';
import { readRequest } from '#src/risk/sync/sync-risk';
import { clientFor, startTestSandbox } from '../support/sandbox.ts';
import { DEMO_RISK_SETTINGS, riskCrmFor, seedDemo } from '../risk-sync/portal.ts';

type SqsHandler = (event: SQSEvent, context: Context) => Promise<SQSBatchResponse>;
type ScheduledHandler = (event: ScheduledEvent, context: Context) => Promise<unknown>;

let sandbox: RunningSandbox;
let aws: LocalAws;
let backend: Backend;
let companyIds: string[];
/** The current customers among them: former ones (last renewal lost) are not scored. */
let current: string[];

/** The demo's companies with a renewal date, ascending by id, as the scheduler lists them. */
async function demoCompanyIds(): Promise<string[]> {
  const ids: string[] = [];
  let after: string | undefined;
  do {
    const page = await clientFor(sandbox).crm.companies.basicApi.getPage(100, after, ['rg_renewal_date']);
    ids.push(...page.results.filter((c) => c.properties.rg_renewal_date).map((c) => c.id));
    after = page.paging?.next?.after;
  } while (after);
  return ids.sort((a, b) => Number(a) - Number(b));
}

async function currentCustomers(ids: readonly string[]): Promise<string[]> {
  const crm = riskCrmFor(sandbox);
  const settings = parseRiskSettings(DEMO_RISK_SETTINGS);
  const [page, pipelines] = await Promise.all([
    crm.readRiskPage(readRequest(settings, ids)),
    crm.dealPipelines(),
  ]);
  return page.records
    .filter((record) => formerCustomerReason(record, pipelines, settings) === null)
    .map((record) => record.id);
}

async function tiersOf(ids: readonly string[]): Promise<Map<string, string | null>> {
  const { results } = await clientFor(sandbox).crm.companies.batchApi.read({
    inputs: ids.map((id) => ({ id })),
    properties: ['rg_risk_tier'],
    propertiesWithHistory: [],
  });
  return new Map(results.map((c) => [c.id, c.properties.rg_risk_tier || null]));
}

async function until(check: () => Promise<boolean>): Promise<void> {
  while (!(await check())) await new Promise((resolve) => setTimeout(resolve, 100));
}

let sequence = 0;
function jobEvent(jobs: readonly RiskScoreJob[]): SQSEvent {
  const messages: Message[] = jobs.map((job) => ({
    MessageId: `message-${++sequence}`,
    ReceiptHandle: `receipt-${sequence}`,
    Body: JSON.stringify(job),
  }));
  return sqsEvent(messages, 'arn:aws:sqs:us-east-1:123456789012:renewal-guard-risk');
}

const riskWorker = async () => (await loadFunction<{ handler: SqsHandler }>('risk-worker')()).handler;
const job = (ids: readonly string[]): RiskScoreJob => ({
  type: 'risk.score',
  portalId: DEFAULT_PORTAL_ID,
  companyIds: [...ids],
});

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedDemo(sandbox, 40);
  companyIds = await demoCompanyIds();
  current = await currentCustomers(companyIds);
  aws = await startLocalAws({ visibilityTimeoutSeconds: 1 });
  backend = await startBackend({
    port: 0,
    env: { ...aws.env, ...LOCAL_HUBSPOT_ENV, HUBSPOT_BASE_URL: sandbox.url },
    workers: {
      'risk-worker': {
        queueUrl: aws.queueUrls.risk,
        concurrency: 2,
        load: loadFunction<{ handler: SqsHandler }>('risk-worker'),
      },
    },
    schedules: {},
  });
  // The portal's risk settings and a stored model, as a full sync would have left them.
  await documentClient.send(
    new PutCommand({
      TableName: aws.tableNames.settings,
      Item: { portalId: DEFAULT_PORTAL_ID, settings: { risk: DEMO_RISK_SETTINGS } },
    }),
  );
  const settings = parseRiskSettings(DEMO_RISK_SETTINGS);
  await new DynamoRiskModelStore(documentClient, aws.tableNames.syncCursors, DEFAULT_PORTAL_ID).save({
    model: buildRulesModel(signalFeatures(settings), settings, {}),
    trainedAt: new Date().toISOString(),
    heldOutAuc: null,
    renewals: 0,
    churned: 0,
  });
});

afterAll(async () => {
  await backend?.close();
  await aws?.close();
  await sandbox?.close();
});

describe('scheduled renewal-risk scoring', () => {
  it('the scheduler queues every company with a renewal date and the workers write their tiers', async () => {
    const { handler } = await loadFunction<{ handler: ScheduledHandler }>('risk-scheduler')();
    const outcome = await handler(scheduledEvent('risk-scheduler'), lambdaContext('risk-scheduler', 60_000));
    expect(outcome).toMatchObject({ companies: companyIds.length, jobs: 1 });

    await until(async () => [...(await tiersOf(current)).values()].every((tier) => tier !== null));
    const tiers = await tiersOf(companyIds);
    expect(companyIds.filter((id) => tiers.get(id) !== null)).toEqual(current);
  });

  it('a job with a company deleted since it was queued succeeds for the rest', async () => {
    const [gone, ...rest] = current.slice(0, 6) as [string, ...string[]];
    await clientFor(sandbox, WORKFLOW_TOKEN).crm.companies.basicApi.archive(gone);
    // Forget the earlier scores so the write is visible.
    await clientFor(sandbox, WORKFLOW_TOKEN).crm.companies.batchApi.update({
      inputs: rest.map((id) => ({ id, properties: { rg_risk_tier: '' } })),
    });

    const handler = await riskWorker();
    const response = await handler(jobEvent([job([gone, ...rest])]), lambdaContext('risk-worker', 60_000));

    expect(response.batchItemFailures).toEqual([]);
    expect([...(await tiersOf(rest)).values()].every((tier) => tier !== null)).toBe(true);
  });

  it('a transient HubSpot failure returns only that record as a batch item failure', async () => {
    const first = current.slice(6, 12);
    const second = current.slice(12, 18);
    await clientFor(sandbox, WORKFLOW_TOKEN).crm.companies.batchApi.update({
      inputs: [...first, ...second].map((id) => ({ id, properties: { rg_risk_tier: '' } })),
    });
    await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
    await setFaults({ storm: { durationMs: 600_000 } });

    const handler = await riskWorker();
    const event = jobEvent([job(first), job(second)]);
    const responding = handler(event, lambdaContext('risk-worker', 120_000));
    // The first job's four tries are all refused; the storm passes before the second job's retries run out.
    await until(async () => (await requestCounts()).tooManyRequests >= 4);
    await setFaults({ storm: null });
    const response = await responding;

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: event.Records[0]!.messageId }]);
    const tiers = await tiersOf([...first, ...second]);
    expect(first.map((id) => tiers.get(id))).toEqual(first.map(() => null));
    expect(second.every((id) => tiers.get(id) !== null)).toBe(true);
  });

  it('a message that is not a risk.score job fails alone and the others are scored', async () => {
    const ids = current.slice(18, 24);
    await clientFor(sandbox, WORKFLOW_TOKEN).crm.companies.batchApi.update({
      inputs: ids.map((id) => ({ id, properties: { rg_risk_tier: '' } })),
    });
    const event = jobEvent([job(ids)]);
    const malformed = { ...event.Records[0]!, messageId: 'malformed', body: '{"type":"risk.score"}' };
    event.Records.unshift(malformed);

    const response = await (await riskWorker())(event, lambdaContext('risk-worker', 60_000));

    expect(response.batchItemFailures).toEqual([{ itemIdentifier: 'malformed' }]);
    expect([...(await tiersOf(ids)).values()].every((tier) => tier !== null)).toBe(true);
  });
});

async function setFaults(body: unknown): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/faults`, {
    method: 'PUT',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`faults: ${response.status} ${await response.text()}`);
}

async function requestCounts(): Promise<{ tooManyRequests: number }> {
  return (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as { tooManyRequests: number };
}
