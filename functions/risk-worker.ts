import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { parser } from '@aws-lambda-powertools/batch/parser';
import type { ParsedRecord } from '@aws-lambda-powertools/batch/types';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { documentClient } from '#src/aws/clients';
import { readConfig } from '#src/aws/config';
import { lambdaHandler } from '#src/aws/lambda';
import { logger, metrics } from '#src/aws/powertools';
import { RATE_SHARE_KEYS, riskWorkerRateLimit } from '#src/aws/risk-rate-shares';
import { DynamoRiskModelStore } from '#src/aws/risk-sync-stores';
import { isCrmError } from '#src/crm/errors';
import { createHubSpotRiskCrm } from '#src/hubspot/risk-crm';
import { riskScoreJobSchema, type RiskScoreJob } from '#src/jobs';
import { scoringModel } from '#src/risk/score-company';
import { createRiskSettingsReader } from '#src/settings/risk-settings-store';
import { scoreRiskJob } from '#src/workers/risk-scoring';

const config = readConfig([
  'HUBSPOT_BASE_URL',
  'HUBSPOT_ACCESS_TOKEN',
  'HUBSPOT_PORTAL_ID',
  'SETTINGS_TABLE_NAME',
  'SYNC_CURSORS_TABLE_NAME',
  ...RATE_SHARE_KEYS,
]);
// One instance's share of the portal limit: at most RISK_WORKER_CONCURRENCY instances run at once.
const crm = createHubSpotRiskCrm({
  baseUrl: config.HUBSPOT_BASE_URL,
  accessToken: config.HUBSPOT_ACCESS_TOKEN,
  rateLimit: riskWorkerRateLimit(config),
});
const settings = createRiskSettingsReader(documentClient, config.SETTINGS_TABLE_NAME);
const models = new DynamoRiskModelStore(
  documentClient,
  config.SYNC_CURSORS_TABLE_NAME,
  config.HUBSPOT_PORTAL_ID,
);
/** A body that is not a risk.score job fails its record (and reaches the DLQ), never the batch. */
const processor = new BatchProcessor(EventType.SQS, {
  parser,
  innerSchema: riskScoreJobSchema,
  transformer: 'json',
  logger,
});

export class NoRiskModelError extends Error {
  constructor(readonly portalId: number) {
    super(
      `No risk model is stored for portal ${portalId}: run a full sync (npm run risk:sync -- --all) first.`,
    );
    this.name = 'NoRiskModelError';
  }
}

async function scoreRecord(record: ParsedRecord<SQSRecord, RiskScoreJob>): Promise<void> {
  const job = record.body;
  const log = { messageId: record.messageId, portalId: job.portalId, companies: job.companyIds.length };
  try {
    if (job.portalId !== config.HUBSPOT_PORTAL_ID)
      throw new Error(
        `a job for portal ${job.portalId} reached the worker of portal ${config.HUBSPOT_PORTAL_ID}`,
      );
    const stored = await models.load();
    if (!stored) throw new NoRiskModelError(job.portalId);
    const outcome = await scoreRiskJob(job, {
      crm,
      model: scoringModel(stored.model),
      settings: await settings.get(job.portalId),
      now: new Date(),
    });
    metrics.addMetric('RiskCompaniesScored', MetricUnit.Count, outcome.scored);
    metrics.addMetric('RiskOutputsWritten', MetricUnit.Count, outcome.written);
    metrics.addMetric('RiskReviewTasks', MetricUnit.Count, outcome.tasksCreated);
    logger.info('risk job scored', { ...log, ...outcome });
  } catch (error) {
    // Thrown back to the batch processor: this record alone is reported and comes back.
    if (isCrmError(error) && error.retryable)
      logger.warn('risk job failed for now: the queue retries it', { ...log, kind: error.kind });
    else logger.error('risk job failed: it reaches the DLQ after maxReceiveCount', { ...log, error });
    throw error;
  }
}

/**
 * SQS consumer of risk.score jobs. Records run one after another: the instance's share of the rate
 * limit, not parallel records, bounds its throughput, and a failed record leaves the others done.
 */
export const handler = lambdaHandler((event: SQSEvent, context) =>
  processPartialResponse(event, scoreRecord, processor, {
    context,
    processInParallel: false,
    throwOnFullBatchFailure: false,
  }),
);
