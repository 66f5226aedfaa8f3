import { BACKEND_URL_VARIABLE } from './backend';

/**
 * Every variable the hsmeta files reference. A config profile (hubspot-app/hsprofile.<name>.json,
 * written by scripts/hubspot-profile.ts at deploy) must define each one.
 */
export const PROFILE_VARIABLES = [
  BACKEND_URL_VARIABLE,
  'SUPPORT_EMAIL',
  'SUPPORT_DOCUMENTATION_URL',
] as const;
export type ProfileVariable = (typeof PROFILE_VARIABLES)[number];

const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '0.0.0.0']);

/**
 * Why HubSpot would refuse this as a `permittedUrls` or webhook URL, or null when it is fine:
 * it must be absolute HTTPS and not a local address (local backends are reached through local.json).
 */
export function publicHttpsUrlProblem(value: string): string | null {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return `"${value}" is not an absolute URL (expected https://host)`;
  }
  if (url.protocol !== 'https:') return `"${value}" must use https (HubSpot only calls HTTPS URLs)`;
  if (LOCAL_HOSTS.has(url.hostname)) {
    return `"${value}" points at this machine; HubSpot cannot call it: map it in app/local.json instead`;
  }
  return null;
}
