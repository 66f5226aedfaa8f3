import type { RequestCounts } from '#sandbox/limits/request-counter';
import type { RunningSandbox } from '#sandbox/server';
import { APP_TOKEN } from '#sandbox/tokens';
import { createHubSpotRiskCrm } from '#src/hubspot/risk-crm';

/** Seeds the sandbox with a demo portal of `companies` customers (deterministic for a seed number). */
export async function seedDemo(sandbox: RunningSandbox, companies: number, seedNumber = 7): Promise<void> {
  const response = await fetch(`${sandbox.url}/__sandbox/seed`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ name: 'demo', seedNumber, companies }),
  });
  if (!response.ok) throw new Error(`seeding failed: ${response.status} ${await response.text()}`);
}

export async function requestCounts(sandbox: RunningSandbox): Promise<RequestCounts> {
  return (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as RequestCounts;
}

export async function resetRequestCounts(sandbox: RunningSandbox): Promise<void> {
  await fetch(`${sandbox.url}/__sandbox/requests`, { method: 'DELETE' });
}

/** Calls to endpoints whose template contains `fragment` (e.g. `/batch/update`). */
export function callsTo(counts: RequestCounts, fragment: string): number {
  return Object.entries(counts.endpoints)
    .filter(([endpoint]) => endpoint.includes(fragment))
    .reduce((sum, [, entry]) => sum + entry.count, 0);
}

/** The risk reader as production builds it, pointed at the sandbox, with back-offs that do not wait. */
export function riskCrmFor(sandbox: RunningSandbox, token = APP_TOKEN) {
  return createHubSpotRiskCrm({ baseUrl: sandbox.url, accessToken: token, ...UNTHROTTLED });
}

export { DEMO_RISK_SETTINGS } from '../../local/demo-risk-settings';

/** The sandbox runs without rate limits in tests: the adapter need not pace itself either. */
export const UNTHROTTLED = {
  rateLimit: { maxRequests: 100_000, intervalMs: 1_000, maxConcurrent: 10 },
  searchRateLimit: { maxRequests: 100_000, intervalMs: 1_000, maxConcurrent: 2 },
  sleep: async () => {},
};
