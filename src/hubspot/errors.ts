import { CrmError, type CrmErrorKind } from '#src/crm/errors';

/** What the codegen APIs throw (each API has its own `ApiException` class, so match by shape). */
interface ApiExceptionLike {
  code: number;
  body: unknown;
  headers: Record<string, string>;
}

const isApiException = (error: unknown): error is ApiExceptionLike =>
  typeof error === 'object' &&
  error !== null &&
  typeof (error as { code?: unknown }).code === 'number' &&
  'headers' in error;

function bodyOf(body: unknown): { message?: string; correlationId?: string; policyName?: string } {
  if (typeof body === 'string') {
    try {
      return bodyOf(JSON.parse(body));
    } catch {
      return { message: body };
    }
  }
  return typeof body === 'object' && body !== null ? (body as ReturnType<typeof bodyOf>) : {};
}

function kindOf(status: number): CrmErrorKind {
  if (status === 404) return 'not_found';
  if (status === 429) return 'rate_limited';
  if (status === 401 || status === 403) return 'unauthorized';
  if (status >= 500 || status === 408) return 'transient';
  return 'validation';
}

/** `Retry-After` in seconds or as an HTTP date, in milliseconds. */
export function retryAfterMs(headers: Record<string, string>, now = Date.now()): number | undefined {
  const value = Object.entries(headers).find(([name]) => name.toLowerCase() === 'retry-after')?.[1];
  if (value === undefined) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const at = Date.parse(value);
  return Number.isNaN(at) ? undefined : Math.max(0, at - now);
}

/** Maps whatever a HubSpot call threw to a `CrmError`, keeping HubSpot's own message. */
export function toCrmError(error: unknown, operation: string): CrmError {
  if (error instanceof CrmError) return error;
  if (isApiException(error)) {
    const body = bodyOf(error.body);
    const wait = retryAfterMs(error.headers);
    return new CrmError(
      kindOf(error.code),
      `HubSpot could not ${operation}: ${body.message ?? `HTTP ${error.code}`}`,
      {
        status: error.code,
        operation,
        ...(body.correlationId ? { correlationId: body.correlationId } : {}),
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
        ...(body.policyName ? { policyName: body.policyName } : {}),
      },
    );
  }
  // No answer at all (connection refused or reset, DNS, timeout): worth another try.
  const message = error instanceof Error ? error.message : String(error);
  return new CrmError('transient', `HubSpot could not ${operation}: ${message}`, { operation });
}
