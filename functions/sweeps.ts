import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ScheduledEvent } from 'aws-lambda';
import { documentClient, sqs } from '#src/aws/clients';
import { readConfig } from '#src/aws/config';
import { lambdaHandler } from '#src/aws/lambda';
import { logger, metrics } from '#src/aws/powertools';
import { GATE_JOBS_PER_MESSAGE, SqsJobQueue } from '#src/aws/queue';
import { sweepUnenforcedDeals } from '#src/handover/sweep';
import { createHubSpotCrm } from '#src/hubspot/crm-adapter';
import type { GateCheckJob } from '#src/jobs';
import { createGateSettingsStore, loadGateSettings } from '#src/settings/gate-settings-store';

const config = readConfig([
  'HUBSPOT_BASE_URL',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_PORTAL_ID',
  'SETTINGS_TABLE_NAME',
  'GATE_QUEUE_URL',
]);
const crm = createHubSpotCrm({ baseUrl: config.HUBSPOT_BASE_URL, accessToken: config.HUBSPOT_ACCESS_TOKEN });
const settings = createGateSettingsStore(documentClient, config.SETTINGS_TABLE_NAME);
const gateQueue = new SqsJobQueue(sqs, config.GATE_QUEUE_URL, { jobsPerMessage: GATE_JOBS_PER_MESSAGE });

/**
 * Scheduled reconciliation: won deals the gate never checked (a lost webhook) or whose check is
 * stale become gate.check jobs, sent 10 to an SQS batch; the worker decides on their current state.
 */
export const handler = lambdaHandler(async (event: ScheduledEvent) => {
  const portalId = config.HUBSPOT_PORTAL_ID;
  const now = event.time || new Date().toISOString();
  const dealIds = await sweepUnenforcedDeals(crm, await loadGateSettings(settings, portalId), now);
  const jobs = dealIds.map((dealId): GateCheckJob => ({
    type: 'gate.check',
    portalId,
    dealId,
    reason: 'sweep',
  }));
  await gateQueue.send(jobs);
  metrics.addMetric('GateSweepDealsEnqueued', MetricUnit.Count, jobs.length);
  logger.info('gate sweep done', { portalId, dealsDue: dealIds.length, enqueued: jobs.length });
  return { enqueued: jobs.length };
});
