import { BadRequestError, Router, UnauthorizedError } from '@aws-lambda-powertools/event-handler/http';
import type { RequestContext } from '@aws-lambda-powertools/event-handler/types';
import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { logger } from '#src/aws/powertools';
import { verifyHubSpotSignatureV3 } from '#src/hubspot/signature';
import { errorResponse, PermissionDeniedError } from '#src/http/errors';
import { identityFromSignedUrl, type Identity } from '#src/http/identity';
import { calledUrl, rawBody } from '#src/http/request-url';

export type CardMethod = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

export interface CardRequest {
  /** From the verified signature's query parameters: the only source of portal and user. */
  identity: Identity;
  /** Path parameters, e.g. `{ dealId: '123' }` for `/deals/:dealId/handover`. */
  params: Readonly<Record<string, string>>;
  query: URLSearchParams;
  /** The parsed JSON body (undefined when empty). Validate it with a zod schema: a ZodError becomes a 400. */
  body: unknown;
}

/**
 * A route of the card API. Paths are as the router sees them (`/deals/:dealId/handover`), the same on
 * AWS (Function URL root) and locally (the backend strips its `/api` prefix).
 * Throw PermissionDeniedError / ResourceNotFoundError / UpstreamUnavailableError / ZodError for 403/404/503/400.
 */
export interface CardRoute {
  method: CardMethod;
  path: `/${string}`;
  handle(request: CardRequest): Promise<unknown>;
}

/** Return this from a route for a status other than 200. */
export class CardReply {
  constructor(
    readonly status: number,
    readonly body: unknown,
  ) {}
}

export interface CardApiOptions {
  clientSecret: string;
  /** See `calledUrl`: the origin (and prefix) HubSpot called when it is not the Function URL's. */
  publicBaseUrl?: string;
  /** Clock for the signature's freshness check; tests pass a fixed one. */
  now?: () => number;
  /**
   * The portal this backend serves (its access token's portal). A request HubSpot signed for any
   * other portal is refused: the token would otherwise read and write the wrong portal's records.
   */
  portalId?: number;
}

function verifiedRequest(
  reqCtx: RequestContext,
  options: CardApiOptions,
): { identity: Identity; url: URL; body: string } {
  if (reqCtx.responseType !== 'ApiGatewayV2')
    throw new Error('the card API expects Lambda Function URL events');
  const event: APIGatewayProxyEventV2 = reqCtx.event;
  const url = calledUrl(event, options.publicBaseUrl);
  const body = rawBody(event);
  const verdict = verifyHubSpotSignatureV3({
    method: event.requestContext.http.method,
    url,
    body,
    signature: event.headers['x-hubspot-signature-v3'],
    timestamp: event.headers['x-hubspot-request-timestamp'],
    clientSecret: options.clientSecret,
    now: options.now?.(),
  });
  if (!verdict.ok) {
    logger.warn('card request rejected', { reason: verdict.reason, path: event.rawPath });
    throw new UnauthorizedError(`Request signature rejected: ${verdict.reason}`);
  }
  const parsedUrl = new URL(url);
  const identity = identityFromSignedUrl(parsedUrl);
  if ('problem' in identity)
    throw new UnauthorizedError(`Signed request lacks the caller: ${identity.problem}`);
  if (options.portalId !== undefined && identity.portalId !== options.portalId) {
    logger.warn('card request from another portal', { portalId: identity.portalId });
    throw new PermissionDeniedError(
      `access to portal ${identity.portalId}`,
      `This Renewal Guard backend serves portal ${options.portalId}, not portal ${identity.portalId}.`,
    );
  }
  return { identity, url: parsedUrl, body };
}

function parseJsonBody(body: string): unknown {
  if (body.trim() === '') return undefined;
  try {
    return JSON.parse(body);
  } catch {
    throw new BadRequestError('The request body is not valid JSON.');
  }
}

/** The card API: `GET /health` unsigned, every registered route behind HubSpot's v3 signature. */
export function buildCardApi(routes: readonly CardRoute[], options: CardApiOptions): Router {
  const router = new Router({ logger });
  router.get('/health', () => ({ status: 'ok' }));
  for (const route of routes) {
    router.route(
      async (reqCtx) => {
        const { identity, url, body } = verifiedRequest(reqCtx, options);
        logger.appendKeys({ portalId: identity.portalId, userId: identity.userId });
        const result = await route.handle({
          identity,
          params: reqCtx.params,
          query: url.searchParams,
          body: parseJsonBody(body),
        });
        return result instanceof CardReply
          ? Response.json(result.body, { status: result.status })
          : Response.json(result ?? null);
      },
      { method: route.method, path: route.path },
    );
  }
  router.errorHandler(Error, async (error) => errorResponse(error));
  return router;
}
