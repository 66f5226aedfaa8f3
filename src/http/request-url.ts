import type { APIGatewayProxyEventV2 } from 'aws-lambda';

/**
 * The URL as the caller (HubSpot) called it, which is what its v3 signature covers.
 * A Function URL sees its own host; behind a custom domain or the local backend the caller used
 * another origin and possibly a path prefix, given as `publicBaseUrl` (e.g. `http://127.0.0.1:4020/api`).
 */
export function calledUrl(event: APIGatewayProxyEventV2, publicBaseUrl?: string): string {
  const query = event.rawQueryString ? `?${event.rawQueryString}` : '';
  if (publicBaseUrl) return `${publicBaseUrl.replace(/\/+$/, '')}${event.rawPath}${query}`;
  const scheme = event.headers['x-forwarded-proto'] ?? 'https';
  const host = event.headers.host ?? event.requestContext.domainName;
  return `${scheme}://${host}${event.rawPath}${query}`;
}

/** The body exactly as sent: Function URLs base64-encode bodies they do not recognise as text. */
export function rawBody(event: APIGatewayProxyEventV2): string {
  if (event.body === undefined) return '';
  return event.isBase64Encoded ? Buffer.from(event.body, 'base64').toString('utf8') : event.body;
}
