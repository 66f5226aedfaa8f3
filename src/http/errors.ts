import { HttpError } from '@aws-lambda-powertools/event-handler/http';
import { ZodError } from 'zod';
import { logger } from '#src/aws/powertools';
import { CrmError } from '#src/crm/errors';
import { DealNotFoundError, InvalidRequestError, NotAllowedError } from '#src/handover/errors';

/** The caller is known but may not do this; `permission` names what they lack, e.g. `gate.override`. */
export class PermissionDeniedError extends Error {
  constructor(
    readonly permission: string,
    message = `You need the "${permission}" permission to do this.`,
  ) {
    super(message);
    this.name = 'PermissionDeniedError';
  }
}

export class ResourceNotFoundError extends Error {
  constructor(
    readonly resource: string,
    readonly id: string,
  ) {
    super(`${resource} ${id} was not found.`);
    this.name = 'ResourceNotFoundError';
  }
}

/** HubSpot (or another dependency) is rate limiting us or failing for now: the card may retry. */
export class UpstreamUnavailableError extends Error {
  constructor(
    readonly retryAfterSeconds: number,
    message = 'HubSpot is busy right now; try again shortly.',
  ) {
    super(message);
    this.name = 'UpstreamUnavailableError';
  }
}

/** HubSpot's ten-second rolling window: waiting this long always clears a 429. */
const DEFAULT_RETRY_AFTER_SECONDS = 10;

export interface ErrorBody {
  statusCode: number;
  error: string;
  message: string;
  details?: unknown;
}

function json(body: ErrorBody, headers: Record<string, string> = {}): Response {
  return Response.json(body, { status: body.statusCode, headers });
}

/**
 * Errors from the HubSpot client carry the HTTP status as `code` (ApiException) or `status`;
 * a 429 or 5xx there is a reason to retry later, not a bug of ours.
 */
function upstreamStatus(error: unknown): { status: number; retryAfter?: string } | undefined {
  if (typeof error !== 'object' || error === null) return undefined;
  const candidate = error as { code?: unknown; status?: unknown; headers?: Record<string, unknown> };
  const status = typeof candidate.code === 'number' ? candidate.code : candidate.status;
  if (typeof status !== 'number' || (status !== 429 && (status < 500 || status > 599))) return undefined;
  const retryAfter = candidate.headers?.['retry-after'];
  return { status, retryAfter: typeof retryAfter === 'string' ? retryAfter : undefined };
}

function serviceUnavailable(retryAfterSeconds: number, upstreamStatus?: number): Response {
  logger.warn('upstream unavailable', { upstreamStatus, retryAfterSeconds });
  return json(
    {
      statusCode: 503,
      error: 'ServiceUnavailable',
      message: 'HubSpot is busy right now; try again shortly.',
    },
    { 'Retry-After': String(retryAfterSeconds) },
  );
}

function internalError(error: unknown): Response {
  const { name, message, stack } = error instanceof Error ? error : new Error(String(error));
  logger.error('unhandled error in card API', { error: { name, message, stack } });
  return json({
    statusCode: 500,
    error: 'InternalServerError',
    message: 'Something went wrong on our side.',
  });
}

/** Maps what the CRM port reports: retry later, missing record, or a failure of ours. */
function crmErrorResponse(error: CrmError): Response {
  if (error.retryable) {
    const seconds = Math.ceil((error.details.retryAfterMs ?? DEFAULT_RETRY_AFTER_SECONDS * 1000) / 1000);
    return serviceUnavailable(seconds, error.details.status);
  }
  if (error.kind === 'not_found') return json({ statusCode: 404, error: 'NotFound', message: error.message });
  return internalError(error);
}

/** Maps anything a route throws to the response the card sees. Never echoes secrets or stacks. */
export function errorResponse(error: unknown): Response {
  if (error instanceof HttpError) return error.toWebResponse();
  if (error instanceof ZodError) {
    const details = error.issues.map((issue) => ({
      field: issue.path.join('.') || '(body)',
      message: issue.message,
    }));
    return json({
      statusCode: 400,
      error: 'ValidationError',
      message: details.map((d) => `${d.field}: ${d.message}`).join('; '),
      details,
    });
  }
  if (error instanceof InvalidRequestError) {
    const { field, problem, expected, example } = error;
    return json({
      statusCode: 400,
      error: 'ValidationError',
      message: error.message,
      details: [{ field, message: problem, expected, example }],
    });
  }
  if (error instanceof PermissionDeniedError) {
    return json({
      statusCode: 403,
      error: 'Forbidden',
      message: error.message,
      details: { permission: error.permission },
    });
  }
  if (error instanceof NotAllowedError) {
    return json({
      statusCode: 403,
      error: 'Forbidden',
      message: error.message,
      details: { permission: error.expected },
    });
  }
  if (error instanceof ResourceNotFoundError) {
    return json({
      statusCode: 404,
      error: 'NotFound',
      message: error.message,
      details: { resource: error.resource, id: error.id },
    });
  }
  if (error instanceof DealNotFoundError) {
    return json({
      statusCode: 404,
      error: 'NotFound',
      message: error.message,
      details: { resource: 'deal', id: error.dealId },
    });
  }
  if (error instanceof CrmError) return crmErrorResponse(error);
  if (error instanceof UpstreamUnavailableError) return serviceUnavailable(error.retryAfterSeconds);
  const upstream = upstreamStatus(error);
  if (upstream)
    return serviceUnavailable(Number(upstream.retryAfter) || DEFAULT_RETRY_AFTER_SECONDS, upstream.status);
  return internalError(error);
}
