import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunningSandbox } from '#sandbox/server';
import { LOCAL_SANDBOX, portalConnection } from '#src/cli/portal-connection';
import { startTestSandbox } from '../support/sandbox.ts';
import { DEMO_RISK_SETTINGS, seedDemo } from '../risk-sync/portal.ts';

let sandbox: RunningSandbox;
const settingsFile = join(mkdtempSync(join(tmpdir(), 'portal-backtest-')), 'risk-settings.json');

beforeAll(async () => {
  sandbox = await startTestSandbox();
  await seedDemo(sandbox, 150);
  writeFileSync(settingsFile, JSON.stringify(DEMO_RISK_SETTINGS));
});

afterAll(async () => {
  await sandbox?.close();
});

/** Asynchronously: the sandbox answers from this process while the CLI runs. */
const backtest = (args: string[]) =>
  promisify(execFile)('npx', ['tsx', 'src/cli/risk-backtest.ts', '--settings', settingsFile, ...args], {
    encoding: 'utf8',
    env: { ...process.env, HUBSPOT_BASE_URL: sandbox.url, HUBSPOT_ACCESS_TOKEN: 'sandbox-app' },
  });

describe('npm run risk:backtest against a portal', () => {
  it('replays the demo portal’s renewals and reports AUC, bottom-two shares and every tier as JSON', async () => {
    const result = await backtest(['--json']);
    const report = JSON.parse(result.stdout) as {
      companies: number;
      renewals: number;
      churned: number;
      auc: number;
      bottomTwo: { accountShare: number; churnShare: number };
      tiers: { tier: string }[];
    };
    expect(report.companies).toBe(150);
    expect(report.churned).toBeGreaterThan(10);
    expect(report.renewals).toBeGreaterThan(report.churned);
    // Held out: the demo's latent health shows in engagement, so ranking beats a coin toss.
    expect(report.auc).toBeGreaterThan(0.6);
    expect(report.bottomTwo.churnShare).toBeGreaterThan(report.bottomTwo.accountShare);
    expect(report.tiers.map((t) => t.tier)).toEqual([
      'likely_to_renew',
      'above_average',
      'average',
      'below_average',
      'churn_risk',
    ]);
  });

  it('prints the same readable report as CSV mode, naming the portal', async () => {
    const result = await backtest([]);
    expect(result.stdout).toContain(`Portal ${sandbox.url}: 150 companies with a renewal date read`);
    expect(result.stdout).toMatch(/Bottom two tiers: [\d.]+% of accounts hold [\d.]+% of churn/);
  });
});

describe('which portal the CLI reads', () => {
  it('HUBSPOT_BASE_URL and its token when set', async () => {
    const env = { HUBSPOT_BASE_URL: 'https://api.hubapi.com', HUBSPOT_ACCESS_TOKEN: 'pat-1' };
    await expect(portalConnection(env, async () => true)).resolves.toEqual({
      baseUrl: 'https://api.hubapi.com',
      accessToken: 'pat-1',
    });
  });

  it('the local sandbox with its app token when HUBSPOT_BASE_URL is unset and a sandbox answers', async () => {
    await expect(portalConnection({}, async () => true)).resolves.toEqual(LOCAL_SANDBOX);
  });

  it('a clear message, not HubSpot, when HUBSPOT_BASE_URL is unset and no sandbox answers', async () => {
    await expect(portalConnection({}, async () => false)).rejects.toThrow(
      /HUBSPOT_BASE_URL is not set and no sandbox answers at http:\/\/127\.0\.0\.1:4010/,
    );
  });
});
