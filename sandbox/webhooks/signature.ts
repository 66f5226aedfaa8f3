import { createHash, createHmac } from 'node:crypto';

export interface SignedRequest {
  method: string;
  /** The full URL HubSpot calls: scheme, host, path and query. */
  url: string;
  body: string;
  clientSecret: string;
  /** Milliseconds since the epoch; a fresh one for every attempt, so a late retry still passes the 5-minute check. */
  timestamp: number;
}

/**
 * The signature headers HubSpot puts on a webhook delivery. v3 is what the backend verifies:
 * base64 HMAC-SHA256 keyed with the client secret over method + URL + body + timestamp. Webhook
 * deliveries also carry the older v1 signature (hex SHA-256 of secret + body) with its version header,
 * so a receiver that still checks v1 works too. Same algorithms as `Signature.getSignature` in
 * @hubspot/api-client.
 */
export function signatureHeaders(request: SignedRequest): Record<string, string> {
  const v3 = createHmac('sha256', request.clientSecret)
    .update(`${request.method}${request.url}${request.body}${request.timestamp}`)
    .digest('base64');
  const v1 = createHash('sha256').update(`${request.clientSecret}${request.body}`).digest('hex');
  return {
    'X-HubSpot-Signature-v3': v3,
    'X-HubSpot-Request-Timestamp': String(request.timestamp),
    'X-HubSpot-Signature': v1,
    'X-HubSpot-Signature-Version': 'v1',
  };
}
