import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseFeatureColumn, readRenewalsCsv } from '#src/risk/backtest/csv-renewals';
import { syntheticRenewals } from './synthetic-renewals';

/** A CSV of past renewals from the synthetic generator, outcome as 1 (renewed) / 0 (churned), with two bad rows. */
function renewalsCsv(): string {
  const lines = ['account,customer,renewed,arr,meetings,emails_in,emails_out,nps,champion_left'];
  for (const row of syntheticRenewals(600, { seed: 11 })) {
    const f = row.features;
    lines.push(
      [
        row.id,
        row.customerId,
        row.outcome === 'renewed' ? 1 : 0,
        row.arr,
        f['meetingsCompleted'],
        f['emailsInbound'],
        f['emailsOutbound'],
        f['nps'] ?? '',
        f['championLeft'],
      ].join(','),
    );
  }
  lines.splice(5, 0, 'broken,row');
  lines.splice(9, 0, 'r-x,c-x,maybe,1000,1,1,1,7,0');
  return `${lines.join('\n')}\n`;
}

const columns = {
  id: 'account',
  outcome: 'renewed',
  customer: 'customer',
  arr: 'arr',
  features: [
    'meetings:engagement',
    'emails_in:engagement',
    'emails_out:engagement',
    'nps:number',
    'champion_left:flag',
  ].map(parseFeatureColumn),
};

describe('reading past renewals from CSV', () => {
  it('reports each bad row by its line number and uses the rest', () => {
    const { rows, rejected } = readRenewalsCsv(renewalsCsv(), columns);
    expect(rows).toHaveLength(600);
    expect(rejected).toEqual([
      { line: 6, reason: 'expected 9 fields, found 2' },
      { line: 10, reason: 'renewed "maybe" is not renewed, churned, 1 (renewed) or 0 (churned)' },
    ]);
  });

  it('reads 1 as renewed, empty cells as no data, and segments by ARR when no segment column is given', () => {
    const { rows } = readRenewalsCsv('id,outcome,arr,nps\na,1,150000,\nb,churned,3000,4\n', {
      id: 'id',
      outcome: 'outcome',
      arr: 'arr',
      features: [parseFeatureColumn('nps')],
    });
    expect(rows).toEqual([
      {
        id: 'a',
        customerId: 'a',
        segment: 'I',
        outcome: 'renewed',
        arr: 150000,
        renewalDate: null,
        features: { nps: null },
      },
      {
        id: 'b',
        customerId: 'b',
        segment: 'D',
        outcome: 'churned',
        arr: 3000,
        renewalDate: null,
        features: { nps: 4 },
      },
    ]);
  });

  it('names a missing column and the columns there are', () => {
    expect(() =>
      readRenewalsCsv('id,outcome\n', {
        id: 'id',
        outcome: 'outcome',
        features: [parseFeatureColumn('nps')],
      }),
    ).toThrow('--feature nps: no such column; the CSV has id, outcome');
  });

  it('rejects an unknown feature kind', () => {
    expect(() => parseFeatureColumn('nps:score')).toThrow(
      '--feature nps:score: kind "score" is not one of engagement, number, flag',
    );
  });
});

describe('npm run risk:backtest', () => {
  const dir = mkdtempSync(join(tmpdir(), 'risk-backtest-'));
  const file = join(dir, 'renewals.csv');
  writeFileSync(file, renewalsCsv());
  const cli = ['tsx', 'src/cli/risk-backtest.ts'];

  it('prints one JSON object with AUC, the bottom-two shares and the tiers', () => {
    const output = execFileSync(
      'npx',
      [
        ...cli,
        '--csv',
        file,
        '--id',
        'account',
        '--outcome',
        'renewed',
        '--customer',
        'customer',
        '--arr',
        'arr',
        ...columnsArgs(),
        '--json',
      ],
      { encoding: 'utf8' },
    );
    const report = JSON.parse(output) as Record<string, unknown> & {
      bottomTwo: Record<string, number>;
      tiers: unknown[];
      rejected: { line: number }[];
    };
    expect(report['auc']).toBeGreaterThan(0.65);
    expect(report.bottomTwo['accountShare']).toBeGreaterThan(0.15);
    expect(report.bottomTwo['churnShare']).toBeGreaterThan(report.bottomTwo['accountShare']!);
    expect(report.tiers).toHaveLength(5);
    expect(report.rejected.map((r) => r.line)).toEqual([6, 10]);
  });

  it('prints a readable report naming the skipped lines', () => {
    const output = execFileSync(
      'npx',
      [...cli, '--csv', file, '--id', 'account', '--outcome', 'renewed', ...columnsArgs()],
      { encoding: 'utf8' },
    );
    expect(output).toContain('skipped line 6: expected 9 fields, found 2');
    expect(output).toMatch(/Bottom two tiers: [\d.]+% of accounts hold [\d.]+% of churn/);
  });

  it('without --csv reads a portal, and says which variable is missing to reach it', () => {
    const env = { ...process.env, HUBSPOT_BASE_URL: 'https://api.hubapi.com', HUBSPOT_ACCESS_TOKEN: '' };
    const result = spawnSync('npx', cli, { encoding: 'utf8', env });
    expect(result.status).toBe(1);
    expect(result.stderr).toContain('HUBSPOT_ACCESS_TOKEN is not set');
  });

  function columnsArgs(): string[] {
    return [
      'meetings:engagement',
      'emails_in:engagement',
      'emails_out:engagement',
      'nps:number',
      'champion_left:flag',
    ].flatMap((f) => ['--feature', f]);
  }
});
