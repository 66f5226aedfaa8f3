import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { readConfig } from '#src/aws/config';
import { lambdaHandler } from '#src/aws/lambda';
import { buildCardApi } from '#src/http/card-api';
import { cardRoutes } from '#src/http/routes/index';

const config = readConfig(['HUBSPOT_CLIENT_SECRET', 'CARD_API_PUBLIC_URL']);
const app = buildCardApi(cardRoutes, {
  clientSecret: config.HUBSPOT_CLIENT_SECRET,
  publicBaseUrl: config.CARD_API_PUBLIC_URL,
});

/** hubspot.fetch requests from the cards, behind a Lambda Function URL. */
export const handler = lambdaHandler((event: APIGatewayProxyEventV2, context) => app.resolve(event, context));
