import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { APIGatewayProxyEventV2, APIGatewayProxyStructuredResultV2 } from 'aws-lambda';
import { documentClient, sqs } from '#src/aws/clients';
import { readConfig } from '#src/aws/config';
import { createEventLog, WEBHOOK_EVENT_MEMORY_SECONDS } from '#src/aws/event-log';
import { lambdaHandler } from '#src/aws/lambda';
import { logger, metrics } from '#src/aws/powertools';
import { GATE_JOBS_PER_MESSAGE, SqsJobQueue } from '#src/aws/queue';
import { verifyHubSpotSignatureV3 } from '#src/hubspot/signature';
import { calledUrl, rawBody } from '#src/http/request-url';
import { acceptWebhookBatch } from '#src/webhooks/accept-batch';
import { parseHubSpotEventBatch } from '#src/webhooks/hubspot-event';

const config = readConfig([
  'HUBSPOT_CLIENT_SECRET',
  'HUBSPOT_APP_ID',
  'IDEMPOTENCY_TABLE_NAME',
  'GATE_QUEUE_URL',
  'WEBHOOK_PUBLIC_URL',
]);
/** A delivery's gate checks travel as one message (up to 100 deals): one SQS call, not ten. */
const gateQueue = new SqsJobQueue(sqs, config.GATE_QUEUE_URL, { jobsPerMessage: GATE_JOBS_PER_MESSAGE });
/** Keyed by portal and eventId: HubSpot re-sends an event with the same eventId on every retry. */
const handledEvents = createEventLog({
  client: documentClient,
  tableName: config.IDEMPOTENCY_TABLE_NAME,
  keyPrefix: 'webhooks.hubspot-event',
  expiresAfterSeconds: WEBHOOK_EVENT_MEMORY_SECONDS,
});

function reply(statusCode: number, body: unknown): APIGatewayProxyStructuredResultV2 {
  return { statusCode, headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) };
}

/** HubSpot webhook receiver: verify, validate, deduplicate, enqueue gate checks, answer fast. */
export const handler = lambdaHandler(async (event: APIGatewayProxyEventV2) => {
  const body = rawBody(event);
  const verdict = verifyHubSpotSignatureV3({
    method: event.requestContext.http.method,
    url: calledUrl(event, config.WEBHOOK_PUBLIC_URL),
    body,
    signature: event.headers['x-hubspot-signature-v3'],
    timestamp: event.headers['x-hubspot-request-timestamp'],
    clientSecret: config.HUBSPOT_CLIENT_SECRET,
  });
  if (!verdict.ok) {
    logger.warn('webhook rejected', { reason: verdict.reason });
    return reply(401, { error: 'Unauthorized', message: `Request signature rejected: ${verdict.reason}` });
  }

  const batch = parseHubSpotEventBatch(body);
  if (!batch.ok) {
    logger.warn('invalid webhook batch', { problems: batch.problems });
    return reply(400, {
      error: 'InvalidWebhookBatch',
      message: batch.problems[0]?.message,
      details: batch.problems,
    });
  }

  const outcome = await acceptWebhookBatch(batch.events, {
    appId: config.HUBSPOT_APP_ID,
    gateQueue,
    claim: (events) => handledEvents.claim(events, (e) => `${e.portalId}:${e.eventId}`),
    onConfirmFailed: (error) => logger.warn('could not confirm webhook claims', { error: String(error) }),
  });
  metrics.addMetric('WebhookEventsReceived', MetricUnit.Count, outcome.received);
  metrics.addMetric('WebhookDuplicateEvents', MetricUnit.Count, outcome.duplicates);
  metrics.addMetric('GateChecksEnqueued', MetricUnit.Count, outcome.enqueued);
  logger.info('webhook batch accepted', { ...outcome });
  return reply(200, outcome);
});
