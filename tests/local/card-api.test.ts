import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { lambdaHandler } from '#src/aws/lambda';
import { logger } from '#src/aws/powertools';
import { CrmError } from '#src/crm/errors';
import { signHubSpotRequestV3 } from '#src/hubspot/signature';
import { buildCardApi, CardReply, type CardRoute } from '#src/http/card-api';
import { PermissionDeniedError, ResourceNotFoundError } from '#src/http/errors';
import { startBackend, type Backend } from '../../local/backend.ts';

const clientSecret = 'card-test-secret';

/** Routes standing in for the features: each shows one thing the shell does for them. */
const routes: CardRoute[] = [
  { method: 'GET', path: '/whoami', handle: async ({ identity }) => identity },
  {
    method: 'POST',
    path: '/deals/:dealId/notes',
    handle: async ({ params, body }) => {
      const note = z.object({ text: z.string().min(5) }).parse(body);
      return new CardReply(201, { dealId: params.dealId, text: note.text });
    },
  },
  {
    method: 'POST',
    path: '/deals/:dealId/override',
    handle: async () => {
      throw new PermissionDeniedError('gate.override');
    },
  },
  {
    method: 'GET',
    path: '/deals/:dealId',
    handle: async ({ params }) => {
      throw new ResourceNotFoundError('Deal', params.dealId ?? '');
    },
  },
  {
    method: 'GET',
    path: '/busy',
    handle: async () => {
      throw new CrmError('rate_limited', 'You have reached your ten_secondly_rolling limit.', {
        retryAfterMs: 4_000,
      });
    },
  },
  {
    method: 'GET',
    path: '/broken',
    handle: async () => {
      throw new Error(`token ${clientSecret} leaked?`);
    },
  },
];

let backend: Backend;
let apiBase: string;

beforeAll(async () => {
  // Rejections and the deliberate 500 are logged; the assertions are on the responses.
  logger.setLogLevel('SILENT');
  backend = await startBackend({
    port: 0,
    env: {},
    workers: {},
    schedules: {},
    http: {
      cardApi: async () => {
        // The local backend strips `/api`; the signature covers the URL the card called, prefix included.
        const app = buildCardApi(routes, { clientSecret, publicBaseUrl: `${backend.url}/api` });
        return { handler: lambdaHandler((event, context) => app.resolve(event, context)) };
      },
    },
  });
  apiBase = `${backend.url}/api`;
});

afterAll(async () => {
  await backend?.close();
});

const caller = 'portalId=4242&userId=77&userEmail=ae%40example.com&appId=1000';

function signedFetch(
  method: string,
  path: string,
  options: { body?: unknown; query?: string; secret?: string; sendUrl?: string } = {},
) {
  const url = `${apiBase}${path}?${options.query ?? caller}`;
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  const timestamp = Date.now();
  const signature = signHubSpotRequestV3({
    method,
    url,
    body,
    timestamp,
    clientSecret: options.secret ?? clientSecret,
  });
  return fetch(options.sendUrl ?? url, {
    method,
    headers: {
      'content-type': 'application/json',
      'x-hubspot-signature-v3': signature,
      'x-hubspot-request-timestamp': String(timestamp),
    },
    body: body || undefined,
  });
}

describe('card API shell', () => {
  it('answers GET /health without a signature', async () => {
    const response = await fetch(`${apiBase}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: 'ok' });
  });

  it('hands routes the caller from the signed query: portal, user and email', async () => {
    const response = await signedFetch('GET', '/whoami');
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ portalId: 4242, userId: 77, userEmail: 'ae@example.com' });
  });

  it('refuses an unsigned request, and one whose caller was changed after signing', async () => {
    expect((await fetch(`${apiBase}/whoami?${caller}`)).status).toBe(401);
    const tampered = await signedFetch('GET', '/whoami', {
      sendUrl: `${apiBase}/whoami?${caller.replace('userId=77', 'userId=1')}`,
    });
    expect(tampered.status).toBe(401);
    expect(await tampered.json()).toMatchObject({
      message: 'Request signature rejected: signature mismatch',
    });
  });

  it('refuses a signed request that does not say who is calling', async () => {
    const response = await signedFetch('GET', '/whoami', { query: 'portalId=4242' });
    expect(response.status).toBe(401);
    expect(((await response.json()) as { message: string }).message).toContain('userId');
  });

  it('passes path params and the JSON body, and lets a route choose its status', async () => {
    const response = await signedFetch('POST', '/deals/123/notes', { body: { text: 'Kickoff booked' } });
    expect(response.status).toBe(201);
    expect(await response.json()).toEqual({ dealId: '123', text: 'Kickoff booked' });
  });

  it('answers a body that fails its schema with 400 naming the field', async () => {
    const response = await signedFetch('POST', '/deals/123/notes', { body: { text: 'no' } });
    expect(response.status).toBe(400);
    const body = (await response.json()) as { details: { field: string }[] };
    expect(body.details).toEqual([expect.objectContaining({ field: 'text' })]);
  });

  it('answers 403 naming the missing permission', async () => {
    const response = await signedFetch('POST', '/deals/123/override', { body: {} });
    expect(response.status).toBe(403);
    expect(await response.json()).toMatchObject({ details: { permission: 'gate.override' } });
  });

  it('answers 404 for a missing record and for an unknown route', async () => {
    expect((await signedFetch('GET', '/deals/999')).status).toBe(404);
    expect((await signedFetch('GET', '/nothing-here')).status).toBe(404);
  });

  it('answers 503 with Retry-After when HubSpot rate limits us', async () => {
    const response = await signedFetch('GET', '/busy');
    expect(response.status).toBe(503);
    expect(response.headers.get('retry-after')).toBe('4');
  });

  it('answers anything else with a 500 that reveals nothing', async () => {
    const response = await signedFetch('GET', '/broken');
    expect(response.status).toBe(500);
    const text = await response.text();
    expect(text).not.toContain(clientSecret);
    expect(JSON.parse(text)).toMatchObject({ error: 'InternalServerError' });
  });
});
