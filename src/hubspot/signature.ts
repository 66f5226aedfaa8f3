import { createHmac, timingSafeEqual } from 'node:crypto';

/** HubSpot rejects nothing older than this itself; its docs tell receivers to refuse older requests. */
export const MAX_SIGNATURE_AGE_MS = 5 * 60 * 1000;
/** Tolerated clock difference for timestamps from the future (our clock may lag HubSpot's). */
export const MAX_CLOCK_SKEW_MS = 30 * 1000;

export interface SignedRequest {
  /** HTTP method as called, e.g. `POST`. */
  method: string;
  /** The full URL as HubSpot called it: scheme, host, path and query. */
  url: string;
  /** The raw request body exactly as received (empty string for GET). */
  body: string;
}

export interface VerifyV3Input extends SignedRequest {
  /** `X-HubSpot-Signature-v3` header. */
  signature: string | undefined;
  /** `X-HubSpot-Request-Timestamp` header: milliseconds since the epoch. */
  timestamp: string | undefined;
  clientSecret: string;
  /** Current time in ms; injectable so tests need no clock. */
  now?: number;
}

export type SignatureRejection =
  | 'missing signature'
  | 'missing timestamp'
  | 'invalid timestamp'
  | 'stale timestamp'
  | 'timestamp in the future'
  | 'signature mismatch';

export type SignatureVerdict = { ok: true } | { ok: false; reason: SignatureRejection };

/**
 * HubSpot decodes exactly these percent-encodings before signing (developer docs, "Validate the v3
 * request signature"); every other escape (%20, %26, %3D, %23…) stays encoded. The docs list the
 * upper-case forms; we decode lower-case too because percent-encoding is case-insensitive.
 */
const DECODED_BEFORE_SIGNING: Readonly<Record<string, string>> = {
  '%3A': ':',
  '%2F': '/',
  '%3F': '?',
  '%40': '@',
  '%21': '!',
  '%24': '$',
  '%27': "'",
  '%28': '(',
  '%29': ')',
  '%2A': '*',
  '%2C': ',',
  '%3B': ';',
};

export function uriForSigning(url: string): string {
  return url.replace(/%(3A|2F|3F|40|21|24|27|28|29|2A|2C|3B)/gi, (escape) => {
    return DECODED_BEFORE_SIGNING[escape.toUpperCase()] ?? escape;
  });
}

/** Computes the v3 signature HubSpot would send for this request (used by the sandbox and tests). */
export function signHubSpotRequestV3(
  request: SignedRequest & { clientSecret: string; timestamp: number | string },
): string {
  const source = `${request.method}${uriForSigning(request.url)}${request.body}${request.timestamp}`;
  return createHmac('sha256', request.clientSecret).update(source, 'utf8').digest('base64');
}

/** Verifies `X-HubSpot-Signature-v3` in constant time, refusing stale and future timestamps. */
export function verifyHubSpotSignatureV3(input: VerifyV3Input): SignatureVerdict {
  if (!input.signature) return { ok: false, reason: 'missing signature' };
  if (!input.timestamp) return { ok: false, reason: 'missing timestamp' };
  if (!/^\d{1,16}$/.test(input.timestamp)) return { ok: false, reason: 'invalid timestamp' };
  const sentAt = Number(input.timestamp);
  const now = input.now ?? Date.now();
  if (now - sentAt > MAX_SIGNATURE_AGE_MS) return { ok: false, reason: 'stale timestamp' };
  if (sentAt - now > MAX_CLOCK_SKEW_MS) return { ok: false, reason: 'timestamp in the future' };

  const expected = Buffer.from(signHubSpotRequestV3({ ...input, timestamp: input.timestamp }), 'utf8');
  const received = Buffer.from(input.signature, 'utf8');
  // timingSafeEqual throws on different lengths; a length difference reveals nothing secret.
  const matches = expected.length === received.length && timingSafeEqual(expected, received);
  return matches ? { ok: true } : { ok: false, reason: 'signature mismatch' };
}
