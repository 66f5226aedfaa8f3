import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { HANDOVER_PROPERTIES } from '#src/handover/fields';
import { WEBHOOKS_HSMETA_PATH, webhooksHsmeta, webhooksHsmetaText } from '#src/project/webhooks';
import { buildCards } from '../../scripts/build/cards';
import { formatProblems, validateProject } from '../../scripts/project/validate';

const root = join(import.meta.dirname, '..', '..');
const copies: string[] = [];

/** A copy of the project (hsproject.json + hubspot-app) with the cards built into it. */
async function builtCopy(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'rg-project-'));
  copies.push(dir);
  cpSync(join(root, 'hsproject.json'), join(dir, 'hsproject.json'));
  cpSync(join(root, 'hubspot-app'), join(dir, 'hubspot-app'), {
    recursive: true,
    filter: (path) => !/hsprofile\.|[/\\]cards[/\\](dist|package\.json)/.test(path),
  });
  await buildCards(root, join(dir, 'hubspot-app'));
  return dir;
}

function editJson(dir: string, file: string, edit: (json: Record<string, unknown>) => void): void {
  const path = join(dir, file);
  const json = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
  edit(json);
  writeFileSync(path, JSON.stringify(json));
}

async function problemsOf(dir: string): Promise<string> {
  return formatProblems(await validateProject(dir, { requireBuild: true }));
}

afterAll(() => {
  for (const dir of copies.splice(0)) rmSync(dir, { recursive: true, force: true });
});

describe('the HubSpot project', () => {
  let valid: string;
  beforeAll(async () => {
    valid = await builtCopy();
  });

  it('passes the offline checks once the cards are built', async () => {
    expect(await problemsOf(valid)).toBe('');
  });

  it('is not uploadable before the build: the card entrypoint and cards/package.json are missing', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'rg-project-'));
    copies.push(dir);
    cpSync(join(root, 'hsproject.json'), join(dir, 'hsproject.json'));
    cpSync(join(valid, 'hubspot-app', 'app'), join(dir, 'hubspot-app', 'app'), {
      recursive: true,
      filter: (path) => !/[/\\]cards[/\\](dist|package\.json)/.test(path),
    });
    const problems = await problemsOf(dir);
    expect(problems).toContain('/app/cards/dist/handover-card.jsx does not exist (run npm run build)');
    expect(problems).toContain('app/cards/package.json is missing');
  });

  it('subscribes the webhooks to stage changes, deal creation and every handover field, as generated', () => {
    const committed = readFileSync(join(root, WEBHOOKS_HSMETA_PATH), 'utf8');
    expect(committed, 'run npm run build and commit the webhooks file').toBe(webhooksHsmetaText());
    const watched = webhooksHsmeta().config.subscriptions.crmObjects.map(
      (s) => s.propertyName ?? s.subscriptionType,
    );
    expect(watched).toEqual(['object.creation', 'dealstage', ...HANDOVER_PROPERTIES]);
  });

  it('ships a card bundle without zod or React inside (HubSpot provides React; the rules need no zod)', () => {
    const bundle = readFileSync(join(valid, 'hubspot-app/app/cards/dist/handover-card.jsx'), 'utf8');
    expect(bundle).toMatch(/from ["']@hubspot\/ui-extensions["']/);
    expect(bundle).toMatch(/from ["']react\/jsx-runtime["']/);
    expect(bundle).not.toContain('node_modules/zod');
    expect(bundle.length).toBeLessThan(100_000);
  });
});

describe('a broken copy of the project fails with a message naming the file and the fix', () => {
  it('invalid JSON in a card config', async () => {
    const dir = await builtCopy();
    writeFileSync(join(dir, 'hubspot-app/app/cards/handover-card-hsmeta.json'), '{ "uid": "handover_card", ');
    expect(await problemsOf(dir)).toMatch(
      /hubspot-app\/app\/cards\/handover-card-hsmeta\.json: invalid JSON/,
    );
  });

  it('a card in a location HubSpot does not have, and without a name', async () => {
    const dir = await builtCopy();
    editJson(dir, 'hubspot-app/app/cards/handover-card-hsmeta.json', (json) => {
      const config = json['config'] as Record<string, unknown>;
      config['location'] = 'crm.record.middle';
      delete config['name'];
    });
    const problems = await problemsOf(dir);
    expect(problems).toContain('handover-card-hsmeta.json: config.location:');
    expect(problems).toContain('handover-card-hsmeta.json: config.name:');
  });

  it('two components sharing a uid, an invalid uid and an unknown top-level key', async () => {
    const dir = await builtCopy();
    editJson(dir, 'hubspot-app/app/webhooks/webhooks-hsmeta.json', (json) => {
      json['uid'] = 'handover_card';
    });
    editJson(dir, 'hubspot-app/app/app-hsmeta.json', (json) => {
      json['uid'] = 'renewal guard!';
      json['settings'] = {};
    });
    const problems = await problemsOf(dir);
    expect(problems).toMatch(
      /webhooks-hsmeta\.json: uid "handover_card" is already used by .*handover-card-hsmeta\.json/,
    );
    expect(problems).toContain(
      "app-hsmeta.json: 'uid' should use only letters, numbers, periods, hyphens, and underscores",
    );
    expect(problems).toContain('app-hsmeta.json: unexpected top-level keys settings');
  });

  it('a card config nested one folder too deep, which HubSpot would silently skip', async () => {
    const dir = await builtCopy();
    cpSync(
      join(dir, 'hubspot-app/app/cards/handover-card-hsmeta.json'),
      join(dir, 'hubspot-app/app/cards/dist/extra-hsmeta.json'),
    );
    expect(await problemsOf(dir)).toContain(
      'hubspot-app/app/cards/dist/extra-hsmeta.json: HubSpot skips this file',
    );
  });

  it('a fetch URL that is plain http or points at localhost', async () => {
    const dir = await builtCopy();
    editJson(dir, 'hubspot-app/app/app-hsmeta.json', (json) => {
      const config = json['config'] as { permittedUrls: { fetch: string[] } };
      config.permittedUrls.fetch = ['http://api.example.test', 'https://localhost:4020'];
    });
    const problems = await problemsOf(dir);
    expect(problems).toContain('"http://api.example.test" must use https');
    expect(problems).toContain('"https://localhost:4020" points at this machine');
    expect(problems).toContain('config.permittedUrls.fetch must include ${BACKEND_BASE_URL}');
  });

  it('a config profile whose backend URL is local, or that forgets a variable', async () => {
    const dir = await builtCopy();
    const profile = (variables: Record<string, string>) => JSON.stringify({ accountId: 1, variables });
    writeFileSync(
      join(dir, 'hubspot-app/hsprofile.dev.json'),
      profile({
        BACKEND_BASE_URL: 'https://127.0.0.1',
        SUPPORT_EMAIL: 'a@b.test',
        SUPPORT_DOCUMENTATION_URL: 'https://d.test',
      }),
    );
    writeFileSync(
      join(dir, 'hubspot-app/hsprofile.prod.json'),
      profile({ BACKEND_BASE_URL: 'https://rg.example.test' }),
    );
    const problems = await problemsOf(dir);
    expect(problems).toMatch(
      /app-hsmeta\.json: config\.permittedUrls\.fetch: "https:\/\/127\.0\.0\.1" points at this machine.*\(profile "dev"\)/,
    );
    expect(problems).toContain(
      'config.settings.targetUrl: "https://127.0.0.1/webhooks/hubspot" points at this machine',
    );
    expect(problems).toMatch(/hsprofile\.prod\.json: Missing value for SUPPORT_EMAIL/);
  });

  it('a property-change subscription that names no property', async () => {
    const dir = await builtCopy();
    editJson(dir, 'hubspot-app/app/webhooks/webhooks-hsmeta.json', (json) => {
      const config = json['config'] as { subscriptions: { crmObjects: unknown[] } };
      config.subscriptions.crmObjects.push({
        subscriptionType: 'object.propertyChange',
        objectType: 'deal',
        active: true,
      });
    });
    expect(await problemsOf(dir)).toContain(
      'config.subscriptions.crmObjects.7: propertyName is required for object.propertyChange and only allowed there',
    );
  });

  it('the same webhook subscription twice', async () => {
    const dir = await builtCopy();
    editJson(dir, 'hubspot-app/app/webhooks/webhooks-hsmeta.json', (json) => {
      const config = json['config'] as { subscriptions: { crmObjects: unknown[] } };
      config.subscriptions.crmObjects.push(config.subscriptions.crmObjects[1]);
    });
    expect(await problemsOf(dir)).toContain('"object.propertyChange deal dealstage" is listed twice');
  });

  it('a local proxy that routes a path, which HubSpot does not support', async () => {
    const dir = await builtCopy();
    writeFileSync(
      join(dir, 'hubspot-app/app/local.json'),
      JSON.stringify({ proxy: { 'https://renewal-guard-backend.invalid/api': 'http://localhost:4020/api' } }),
    );
    expect(await problemsOf(dir)).toContain('must be an origin without a path');
  });

  it('an unknown platform version', async () => {
    const dir = await builtCopy();
    editJson(dir, 'hsproject.json', (json) => {
      json['platformVersion'] = '2024.1';
    });
    expect(await problemsOf(dir)).toContain(
      'hsproject.json: platformVersion "2024.1" is not supported: use 2026.03',
    );
  });
});
