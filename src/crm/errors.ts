/**
 * Failures of a CRM call, typed so a handler knows what to do: retry later (`retryable`), answer
 * 404, or report a permanent problem with the CRM's own message.
 */
export type CrmErrorKind = 'not_found' | 'rate_limited' | 'transient' | 'validation' | 'unauthorized';

export class CrmError extends Error {
  constructor(
    readonly kind: CrmErrorKind,
    message: string,
    readonly details: {
      /** HTTP status, when the CRM answered. */
      status?: number;
      /** e.g. HubSpot's `correlationId`, for its support. */
      correlationId?: string;
      /** Milliseconds the CRM asked us to wait (`Retry-After`). */
      retryAfterMs?: number;
      /** What was being done: "update deal 123". */
      operation?: string;
      /** Which rate limit was hit, e.g. TEN_SECONDLY_ROLLING, SECONDLY, DAILY. */
      policyName?: string;
    } = {},
  ) {
    super(message);
    this.name = 'CrmError';
  }

  /** Rate limits and transient failures pass if tried again later; the rest never will. */
  get retryable(): boolean {
    return this.kind === 'rate_limited' || this.kind === 'transient';
  }
}

export const isCrmError = (error: unknown, kind?: CrmErrorKind): error is CrmError =>
  error instanceof CrmError && (kind === undefined || error.kind === kind);
