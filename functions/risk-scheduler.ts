import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { ScheduledEvent } from 'aws-lambda';
import { documentClient, sqs } from '#src/aws/clients';
import { readConfig } from '#src/aws/config';
import { lambdaHandler } from '#src/aws/lambda';
import { logger, metrics } from '#src/aws/powertools';
import { SqsJobQueue } from '#src/aws/queue';
import { RATE_SHARE_KEYS, riskSchedulerRateLimits } from '#src/aws/risk-rate-shares';
import { DynamoRiskModelStore } from '#src/aws/risk-sync-stores';
import { createHubSpotRiskCrm } from '#src/hubspot/risk-crm';
import { createRiskSettingsReader } from '#src/settings/risk-settings-store';
import { fanOutRiskScoring } from '#src/workers/risk-fan-out';

const config = readConfig([
  'HUBSPOT_BASE_URL',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_PORTAL_ID',
  'SETTINGS_TABLE_NAME',
  'SYNC_CURSORS_TABLE_NAME',
  'RISK_QUEUE_URL',
  ...RATE_SHARE_KEYS,
]);
const crm = createHubSpotRiskCrm({
  baseUrl: config.HUBSPOT_BASE_URL,
  accessToken: config.HUBSPOT_ACCESS_TOKEN,
  ...riskSchedulerRateLimits(config),
});
const queue = new SqsJobQueue(sqs, config.RISK_QUEUE_URL);
const settings = createRiskSettingsReader(documentClient, config.SETTINGS_TABLE_NAME);
const models = new DynamoRiskModelStore(
  documentClient,
  config.SYNC_CURSORS_TABLE_NAME,
  config.HUBSPOT_PORTAL_ID,
);

/**
 * Daily (EventBridge Scheduler): queues every company with a renewal date as risk.score jobs of
 * ≤ 100. Without a stored model there is nothing to score with: the full sync trains it (see
 * README, "Renewal risk"), so the run says so and queues nothing rather than fill the DLQ.
 */
export const handler = lambdaHandler(async (_event: ScheduledEvent) => {
  const portalId = config.HUBSPOT_PORTAL_ID;
  const stored = await models.load();
  if (!stored) {
    logger.error('no risk model stored: run a full sync (npm run risk:sync -- --all) to train one', {
      portalId,
    });
    return { portalId, companies: 0, jobs: 0, skipped: 'no model' };
  }
  const { properties } = await settings.get(portalId);
  const outcome = await fanOutRiskScoring(
    { portalId, renewalDateProperty: properties.renewalDate },
    { crm, queue },
  );
  metrics.addMetric('RiskJobsQueued', MetricUnit.Count, outcome.jobs);
  logger.info('risk scoring queued', { portalId, ...outcome, modelTrainedAt: stored.trainedAt });
  return { portalId, ...outcome };
});
