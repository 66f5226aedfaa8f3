/** What one attempt came to: the HTTP status, or why there was none. */
export type AttemptStatus = number | 'timeout' | 'refused' | 'error';

export interface AttemptResult {
  status: AttemptStatus;
  /** The response's Retry-After header, in milliseconds from now. */
  retryAfterMs?: number;
}

export interface DeliveryRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
  /** Aborted when the dispatcher closes; the attempt then settles at once as undefined. */
  cancel: AbortSignal;
}

/** POSTs one delivery and classifies the outcome; never throws. */
export async function postDelivery(request: DeliveryRequest): Promise<AttemptResult | undefined> {
  const timeout = AbortSignal.timeout(request.timeoutMs);
  try {
    const response = await fetch(request.url, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', ...request.headers },
      body: request.body,
      // A redirect is the receiver's answer, not a hop to follow: HubSpot signs the configured URL only.
      redirect: 'manual',
      signal: AbortSignal.any([request.cancel, timeout]),
    });
    // Read the body so the connection is released; the timeout covers a receiver that never finishes it.
    await response.arrayBuffer();
    const retryAfterMs = parseRetryAfter(response.headers.get('retry-after'), Date.now());
    return retryAfterMs === undefined
      ? { status: response.status }
      : { status: response.status, retryAfterMs };
  } catch (error) {
    if (request.cancel.aborted) return undefined;
    if (timeout.aborted) return { status: 'timeout' };
    return { status: causeCode(error) === 'ECONNREFUSED' ? 'refused' : 'error' };
  }
}

/** Retry-After is either delay-seconds or an HTTP date (RFC 9110 §10.2.3). */
export function parseRetryAfter(header: string | null, now: number): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  if (/^\d+(\.\d+)?$/.test(header.trim())) return Math.round(Number(header) * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** fetch wraps socket errors: `TypeError('fetch failed', { cause: { code: 'ECONNREFUSED' } })`. */
function causeCode(error: unknown): string | undefined {
  const cause = error instanceof Error ? error.cause : undefined;
  if (typeof cause === 'object' && cause !== null && 'code' in cause && typeof cause.code === 'string') {
    return cause.code;
  }
  return undefined;
}
