import { randomUUID } from 'node:crypto';
import type { ModelError } from '@hubspot/api-client/lib/codegen/crm/objects/models/ModelError';

/** HubSpot's error categories the sandbox answers with. */
export type ErrorCategory =
  | 'VALIDATION_ERROR'
  | 'OBJECT_NOT_FOUND'
  | 'INVALID_AUTHENTICATION'
  | 'CONFLICT'
  | 'RATE_LIMITS'
  | 'INTERNAL_ERROR'
  | 'READ_ONLY_VALUE';

/** The body HubSpot sends with a 4xx/5xx: `ModelError` plus the `status: "error"` marker it always adds. */
export type HubSpotErrorBody = ModelError & { status: 'error'; [extra: string]: unknown };

/**
 * A request HubSpot would refuse. Thrown anywhere while a request is validated; the server's error
 * handler turns it into HubSpot's error shape. Thrown before any change is applied, so a refused
 * request changes nothing.
 */
export class HubSpotError extends Error {
  constructor(
    readonly statusCode: number,
    readonly category: ErrorCategory,
    message: string,
    readonly extra: Record<string, unknown> = {},
  ) {
    super(message);
  }

  body(): HubSpotErrorBody {
    return {
      status: 'error',
      message: this.message,
      correlationId: randomUUID(),
      category: this.category,
      ...this.extra,
    };
  }
}

export function validationError(message: string, extra: Record<string, unknown> = {}): HubSpotError {
  return new HubSpotError(400, 'VALIDATION_ERROR', message, extra);
}

export function notFound(message = 'resource not found'): HubSpotError {
  return new HubSpotError(404, 'OBJECT_NOT_FOUND', message);
}

export function conflict(message: string): HubSpotError {
  return new HubSpotError(409, 'CONFLICT', message);
}

/** One invalid property value, worded the way HubSpot reports it inside a VALIDATION_ERROR message. */
export interface PropertyProblem {
  isValid: false;
  message: string;
  /** HubSpot's code, e.g. PROPERTY_DOESNT_EXIST, INVALID_OPTION, INVALID_DATE, READ_ONLY_VALUE. */
  error: string;
  name: string;
}

/** HubSpot's 400 for bad property values: `Property values were not valid: [...]`. */
export function invalidProperties(problems: PropertyProblem[]): HubSpotError {
  return validationError(`Property values were not valid: ${JSON.stringify(problems)}`);
}
