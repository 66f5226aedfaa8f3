// Writes hubspot-app/hsprofile.<name>.json, the HubSpot config profile that fills the hsmeta variables
// (the backend URL, support contacts) for one target account: `hs project upload --profile <name>`.
//
//   HUBSPOT_ACCOUNT_ID=123 RENEWAL_GUARD_BACKEND_URL=https://… npx tsx scripts/hubspot-profile.ts prod
//
// The `local` profile defaults the backend URL to LOCAL_BACKEND_URL, which app/local.json proxies.
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { LOCAL_BACKEND_URL } from '#src/project/backend';
import { publicHttpsUrlProblem, type ProfileVariable } from '#src/project/profile';

const name = process.argv[2];
if (!name || !/^[^.]+$/.test(name)) {
  throw new Error('usage: tsx scripts/hubspot-profile.ts <profile-name> (letters, digits, dashes; no dots)');
}

function required(variable: string, fallback?: string): string {
  const value = process.env[variable] ?? fallback;
  if (!value) throw new Error(`${variable} is not set: it is required to write the "${name}" profile`);
  return value;
}

const accountId = Number(required('HUBSPOT_ACCOUNT_ID'));
if (!Number.isSafeInteger(accountId) || accountId <= 0) {
  throw new Error(`HUBSPOT_ACCOUNT_ID must be the numeric id of the target HubSpot account`);
}

const backendUrl = required(
  'RENEWAL_GUARD_BACKEND_URL',
  name === 'local' ? LOCAL_BACKEND_URL : undefined,
).replace(/\/+$/, '');
const problem = publicHttpsUrlProblem(backendUrl);
if (problem) throw new Error(`RENEWAL_GUARD_BACKEND_URL: ${problem}`);

const variables: Record<ProfileVariable, string> = {
  BACKEND_BASE_URL: backendUrl,
  SUPPORT_EMAIL: required('RENEWAL_GUARD_SUPPORT_EMAIL'),
  SUPPORT_DOCUMENTATION_URL: required('RENEWAL_GUARD_DOCUMENTATION_URL'),
};

const file = join('hubspot-app', `hsprofile.${name}.json`);
writeFileSync(file, `${JSON.stringify({ accountId, variables }, null, 2)}\n`);
console.log(`wrote ${file}`);
