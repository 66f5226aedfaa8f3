/** How to reach one HubSpot portal: the real API by default, the sandbox or a proxy by `HUBSPOT_BASE_URL`. */
export interface HubSpotConnection {
  baseUrl: string;
  accessToken: string;
}

export const DEFAULT_HUBSPOT_BASE_URL = 'https://api.hubapi.com';

export function hubspotConnectionFromEnv(
  env: Readonly<Record<string, string | undefined>> = process.env,
): HubSpotConnection {
  const accessToken = env.HUBSPOT_ACCESS_TOKEN?.trim();
  if (!accessToken) {
    throw new Error(
      'HUBSPOT_ACCESS_TOKEN is not set: give the private app access token (pat-…), or the sandbox token when HUBSPOT_BASE_URL points at the sandbox.',
    );
  }
  const baseUrl = (env.HUBSPOT_BASE_URL?.trim() || DEFAULT_HUBSPOT_BASE_URL).replace(/\/+$/, '');
  if (!/^https?:\/\/[^/]+/.test(baseUrl)) {
    throw new Error(
      `HUBSPOT_BASE_URL must be an http(s) URL such as ${DEFAULT_HUBSPOT_BASE_URL}; got "${baseUrl}".`,
    );
  }
  return { baseUrl, accessToken };
}
