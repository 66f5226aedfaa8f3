import { hubspotConnectionFromEnv, type HubSpotConnection } from '#src/hubspot/config';

/** `npm run sandbox` / `npm start` defaults: documented, not secrets. */
export const LOCAL_SANDBOX = { baseUrl: 'http://127.0.0.1:4010', accessToken: 'sandbox-app' } as const;

/**
 * The portal a CLI reads: HUBSPOT_BASE_URL and HUBSPOT_ACCESS_TOKEN when HUBSPOT_BASE_URL is set;
 * otherwise the local sandbox, but only if one answers on its port — never HubSpot by accident.
 */
export async function portalConnection(
  env: Readonly<Record<string, string | undefined>> = process.env,
  probe: (url: string) => Promise<boolean> = sandboxAnswers,
): Promise<HubSpotConnection> {
  if (env.HUBSPOT_BASE_URL?.trim()) return hubspotConnectionFromEnv(env);
  if (await probe(LOCAL_SANDBOX.baseUrl)) {
    return {
      baseUrl: LOCAL_SANDBOX.baseUrl,
      accessToken: env.HUBSPOT_ACCESS_TOKEN?.trim() || LOCAL_SANDBOX.accessToken,
    };
  }
  throw new Error(
    `HUBSPOT_BASE_URL is not set and no sandbox answers at ${LOCAL_SANDBOX.baseUrl}.\n` +
      `Start the demo portal with \`npm run sandbox\` (or \`npm start\`), or set HUBSPOT_BASE_URL=https://api.hubapi.com ` +
      `and HUBSPOT_ACCESS_TOKEN for a real portal, or pass --csv <file> to backtest a CSV of past renewals.`,
  );
}

async function sandboxAnswers(baseUrl: string): Promise<boolean> {
  try {
    const response = await fetch(`${baseUrl}/__sandbox/health`, { signal: AbortSignal.timeout(1_000) });
    return response.ok;
  } catch {
    return false;
  }
}
