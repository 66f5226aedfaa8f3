import { hubspotConnectionFromEnv } from '#src/hubspot/config';
import { formatSetupReport, setupPortal } from '#src/hubspot/setup';
import { createHubSpotSetupApi } from '#src/hubspot/setup-api';

/**
 * `npm run setup`: creates or updates Renewal Guard's property groups, properties and the "Champion"
 * association label in the portal of HUBSPOT_ACCESS_TOKEN (at HUBSPOT_BASE_URL). Safe to run again.
 */
async function main(): Promise<number> {
  const connection = hubspotConnectionFromEnv();
  console.log(`Setting up the portal at ${connection.baseUrl}`);
  console.log(formatSetupReport(await setupPortal(createHubSpotSetupApi(connection))));
  return 0;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    // Our errors name what to fix; none of them carries the token.
    console.error(`Setup failed: ${error instanceof Error ? error.message : String(error)}`);
    process.exit(1);
  },
);
