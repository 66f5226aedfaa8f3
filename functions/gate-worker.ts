import { BatchProcessor, EventType, processPartialResponse } from '@aws-lambda-powertools/batch';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { SQSEvent, SQSRecord } from 'aws-lambda';
import { documentClient } from '#src/aws/clients';
import { readConfig } from '#src/aws/config';
import { createViolationClaims } from '#src/aws/violation-claims';
import { lambdaHandler } from '#src/aws/lambda';
import { logger, metrics } from '#src/aws/powertools';
import { isCrmError } from '#src/crm/errors';
import { createHubSpotCrm } from '#src/hubspot/crm-adapter';
import { createGateSettingsStore, loadGateSettings } from '#src/settings/gate-settings-store';
import { MalformedGateJobError, runGateChecks, type GateCheckResult } from '#src/workers/gate-checks';

const config = readConfig([
  'HUBSPOT_BASE_URL',
  'HUBSPOT_ACCESS_TOKEN',
  'SETTINGS_TABLE_NAME',
  'IDEMPOTENCY_TABLE_NAME',
  'GATE_WORKER_REQUESTS_PER_10S',
]);
const crm = createHubSpotCrm({
  baseUrl: config.HUBSPOT_BASE_URL,
  accessToken: config.HUBSPOT_ACCESS_TOKEN,
  rateLimit: { maxRequests: config.GATE_WORKER_REQUESTS_PER_10S, intervalMs: 10_000, maxConcurrent: 10 },
});
const settings = createGateSettingsStore(documentClient, config.SETTINGS_TABLE_NAME);
const processor = new BatchProcessor(EventType.SQS);

/**
 * Logs why a message failed and throws, so the batch reports it: retryable CRM failures come back
 * after the visibility timeout; everything else (a malformed job, a permanent CRM error such as a
 * missing property or a revoked token, invalid stored settings) is logged as an error and reaches
 * the DLQ after maxReceiveCount, where it can be redriven once the cause is fixed. Deleted deals
 * are not failures: the gate has nothing to do (`the deal no longer exists`).
 */
function settle(record: SQSRecord, result: GateCheckResult | undefined): void {
  if (result?.ok) return;
  const error = result?.error ?? new Error('the message was not processed');
  const context = {
    messageId: record.messageId,
    receiveCount: Number(record.attributes.ApproximateReceiveCount),
    deals: result?.jobs?.map((job) => job.dealId),
    reason: error instanceof Error ? error.message : String(error),
  };
  if (error instanceof MalformedGateJobError) {
    logger.error('malformed gate job: failing it to the DLQ', {
      ...context,
      body: record.body.slice(0, 500),
    });
  } else if (isCrmError(error) && error.retryable) {
    logger.warn('gate check failed for now: the queue retries it', { ...context, kind: error.kind });
  } else {
    logger.error('gate check failed permanently: it reaches the DLQ after maxReceiveCount', {
      ...context,
      ...(isCrmError(error) ? { kind: error.kind, ...error.details } : {}),
    });
  }
  throw error;
}

/** SQS consumer of gate.check jobs: the whole batch is enforced with batch reads and writes. */
export const handler = lambdaHandler(async (event: SQSEvent, context) => {
  const results = await runGateChecks(event.Records, {
    crm,
    settingsOf: (portalId) => loadGateSettings(settings, portalId),
    violationClaimsOf: (portalId) =>
      createViolationClaims(documentClient, config.IDEMPOTENCY_TABLE_NAME, portalId),
    now: () => new Date().toISOString(),
  });
  for (const result of results.values()) {
    if (!result.ok) continue;
    for (const { dealId, decision } of result.outcomes) {
      metrics.addMetric(`Gate_${decision.action}`, MetricUnit.Count, 1);
      if (decision.action !== 'none')
        logger.info('gate enforced', { dealId, action: decision.action, reason: decision.reason });
    }
  }
  return processPartialResponse(
    event,
    (record: SQSRecord) => settle(record, results.get(record.messageId)),
    processor,
    {
      context,
      throwOnFullBatchFailure: false,
    },
  );
});
