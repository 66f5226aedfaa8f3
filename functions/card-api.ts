import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { documentClient } from '#src/aws/clients';
import { readConfig } from '#src/aws/config';
import { lambdaHandler } from '#src/aws/lambda';
import { createViolationClaims } from '#src/aws/violation-claims';
import { hubspotConnectionFromEnv } from '#src/hubspot/config';
import { createHubSpotCrm } from '#src/hubspot/crm-adapter';
import { buildCardApi } from '#src/http/card-api';
import { handoverRoutes } from '#src/http/routes/handover';
import { cardRoutes } from '#src/http/routes/index';
import { createGateSettingsStore, loadGateSettings } from '#src/settings/gate-settings-store';

const config = readConfig([
  'HUBSPOT_CLIENT_SECRET',
  'HUBSPOT_PORTAL_ID',
  'CARD_API_PUBLIC_URL',
  'SETTINGS_TABLE_NAME',
  'IDEMPOTENCY_TABLE_NAME',
]);
// Module scope: warm invocations reuse the CRM's rate limiter, pipeline cache and connections.
const crm = createHubSpotCrm(hubspotConnectionFromEnv());
const gateSettingsStore = createGateSettingsStore(documentClient, config.SETTINGS_TABLE_NAME);

const app = buildCardApi(
  [
    ...cardRoutes,
    ...handoverRoutes({
      crm,
      gateSettings: (portalId) => loadGateSettings(gateSettingsStore, portalId),
      violationClaims: (portalId) =>
        createViolationClaims(documentClient, config.IDEMPOTENCY_TABLE_NAME, portalId),
      now: () => new Date().toISOString(),
    }),
  ],
  {
    clientSecret: config.HUBSPOT_CLIENT_SECRET,
    publicBaseUrl: config.CARD_API_PUBLIC_URL,
    portalId: config.HUBSPOT_PORTAL_ID,
  },
);

/** hubspot.fetch requests from the cards, behind a Lambda Function URL. */
export const handler = lambdaHandler((event: APIGatewayProxyEventV2, context) => app.resolve(event, context));
