import { parseArgs } from 'node:util';
import { signHubSpotRequestV3 } from '#src/hubspot/signature';
import { DEFAULT_BACKEND_PORT, LOCAL_HUBSPOT_ENV } from './backend.ts';

/**
 * Calls the local card API as a card's `hubspot.fetch` would: HubSpot appends the caller to the
 * URL and signs it (v3) with the app's client secret. For trying the backend without HubSpot.
 *
 *   npm run card -- GET /deals/<deal>/handover --user <user>
 *   npm run card -- PUT /deals/<deal>/handover --user <user> --body '{"rg_desired_outcome": "…"}'
 */
const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    user: { type: 'string' },
    body: { type: 'string' },
    backend: { type: 'string', default: `http://127.0.0.1:${DEFAULT_BACKEND_PORT}` },
    portal: { type: 'string', default: process.env.HUBSPOT_PORTAL_ID ?? LOCAL_HUBSPOT_ENV.HUBSPOT_PORTAL_ID },
  },
});

const [method, path] = positionals;
const fail = (message: string): never => {
  console.error(
    `${message}\nusage: npm run card -- <GET|PUT|POST> </deals/…> --user <userId> [--body '<json>']`,
  );
  process.exit(2);
};
if (!method || !['GET', 'PUT', 'POST'].includes(method.toUpperCase()))
  fail('METHOD must be GET, PUT or POST');
if (!path?.startsWith('/')) fail('the path must start with /, e.g. /deals/30000030/handover');
if (!values.user || !/^\d+$/.test(values.user))
  fail('--user must be the numeric HubSpot user id of the caller');
if (values.body !== undefined) {
  try {
    JSON.parse(values.body);
  } catch {
    fail('--body must be JSON');
  }
}

const query = new URLSearchParams({
  userId: values.user!,
  portalId: values.portal,
  appId: LOCAL_HUBSPOT_ENV.HUBSPOT_APP_ID,
});
const url = `${values.backend}/api${path}?${query}`;
const body = values.body ?? '';
const timestamp = Date.now();
const signature = signHubSpotRequestV3({
  method: method!.toUpperCase(),
  url,
  body,
  timestamp,
  clientSecret: process.env.HUBSPOT_CLIENT_SECRET ?? LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET,
});

const response = await fetch(url, {
  method: method!.toUpperCase(),
  headers: {
    'content-type': 'application/json',
    'x-hubspot-signature-v3': signature,
    'x-hubspot-request-timestamp': String(timestamp),
  },
  ...(body ? { body } : {}),
});
console.log(`${response.status} ${response.statusText}`);
const text = await response.text();
try {
  console.log(JSON.stringify(JSON.parse(text), null, 2));
} catch {
  console.log(text);
}
process.exitCode = response.ok ? 0 : 1;
