import type { Client } from '@hubspot/api-client';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localDocumentClient, startLocalAws, type LocalAws } from '../../local/aws.ts';
import { createViolationClaims } from '#src/aws/violation-claims';
import { CrmError } from '#src/crm/errors';
import type { CrmPort } from '#src/crm/port';
import { enforceGateForDeals, type ViolationClaims } from '#src/handover/enforce-gate-batch';
import { saveHandover } from '#src/handover/save-handover';
import { parseGateSettings } from '#src/handover/gate-settings';
import type { RunningSandbox } from '#sandbox/server';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { APP_TOKEN, IMPORT_TOKEN } from '#sandbox/tokens';
import { clientFor, startTestSandbox } from '../support/sandbox';
import { crmFor, installDealProperties } from './portal';

let sandbox: RunningSandbox;
let aws: LocalAws;
let dynamo: ReturnType<typeof localDocumentClient>;
let importer: Client;
let crm: CrmPort;
let claims: ViolationClaims;
const settings = parseGateSettings({});

beforeAll(async () => {
  sandbox = await startTestSandbox();
  aws = await startLocalAws();
  dynamo = localDocumentClient(aws);
  importer = clientFor(sandbox, IMPORT_TOKEN);
  crm = crmFor(sandbox);
  claims = createViolationClaims(dynamo.documents, aws.tableNames.idempotency, sandbox.portalId);
  await installDealProperties(clientFor(sandbox));
}, 30_000);
afterAll(async () => {
  dynamo?.close();
  await aws?.close();
  await sandbox?.close();
});

async function importedWonDeal(): Promise<string> {
  const { id } = await importer.crm.deals.basicApi.create({
    properties: {
      dealname: 'Acme platform',
      dealstage: 'contractsent',
      pipeline: 'default',
      hubspot_owner_id: PORTAL_ADMIN.id,
    },
    associations: [],
  });
  await importer.crm.deals.basicApi.update(id, { properties: { dealstage: 'closedwon' } });
  return id;
}

async function state(dealId: string) {
  const deal = await importer.crm.deals.basicApi.getById(
    dealId,
    ['dealstage', 'rg_gate_status'],
    [],
    ['notes', 'tasks'],
  );
  return {
    dealstage: deal.properties.dealstage,
    gate: deal.properties.rg_gate_status,
    notes: deal.associations?.notes?.results.length ?? 0,
    tasks: deal.associations?.tasks?.results.length ?? 0,
  };
}

const serverError = (operation: string) =>
  new CrmError('transient', `HubSpot could not ${operation}: 502`, { status: 502, operation });

/** The adapter, with one call that fails once: before HubSpot acts, or after it acted (answer lost). */
function failingOnce(call: 'updateDeals' | 'createTasks', when: 'before' | 'after'): CrmPort {
  let failed = false;
  const original = crm[call].bind(crm) as (items: never) => Promise<void>;
  return {
    ...crm,
    [call]: async (items: never) => {
      if (failed) return original(items);
      failed = true;
      if (when === 'after') await original(items);
      throw serverError(call);
    },
  };
}

async function appCallsTo(pattern: RegExp): Promise<number> {
  const counts = (await (await fetch(`${sandbox.url}/__sandbox/requests`)).json()) as {
    endpoints: Record<string, { byToken: Record<string, number> }>;
  };
  return Object.entries(counts.endpoints)
    .filter(([endpoint]) => pattern.test(endpoint))
    .reduce((sum, [, e]) => sum + (e.byToken[APP_TOKEN] ?? 0), 0);
}

const ASSOCIATION_READS = /associations.*batch\/read/;
const now = () => new Date().toISOString();

describe('gate batches retried after a failure create no second note or task', () => {
  it('a card save between a failed attempt and its retry reports the violation once', async () => {
    const dealId = await importedWonDeal();
    await expect(
      enforceGateForDeals(failingOnce('updateDeals', 'before'), claims, settings, [dealId], now()),
    ).rejects.toThrow('HubSpot could not updateDeals');
    expect(await state(dealId)).toEqual({ dealstage: 'closedwon', gate: null, notes: 1, tasks: 1 });

    // The AE saves a still incomplete handover in the card before the queue retries.
    const saved = await saveHandover(
      crm,
      settings,
      claims,
      dealId,
      {
        rg_desired_outcome: 'Close the books in 4 days instead of 10, so the CFO reports by the 5th.',
        rg_success_criteria: null,
        rg_champion_contact_id: null,
        rg_first_value_date: null,
        rg_commitments: null,
      },
      now(),
    );
    expect(saved.gate).toMatchObject({ action: 'block', status: 'blocked' });
    expect(await state(dealId)).toEqual({ dealstage: 'contractsent', gate: 'blocked', notes: 1, tasks: 1 });

    const [retry] = await enforceGateForDeals(crm, claims, settings, [dealId], now());
    expect(retry?.decision.action).not.toBe('block');
    expect(await state(dealId)).toEqual({ dealstage: 'contractsent', gate: 'blocked', notes: 1, tasks: 1 });
  });

  it('a batch whose deal update failed after its note and task were created finds them on its retry', async () => {
    const dealId = await importedWonDeal();
    await expect(
      enforceGateForDeals(failingOnce('updateDeals', 'before'), claims, settings, [dealId], now()),
    ).rejects.toThrow('HubSpot could not updateDeals');
    expect(await state(dealId)).toEqual({ dealstage: 'closedwon', gate: null, notes: 1, tasks: 1 });

    const [retry] = await enforceGateForDeals(crm, claims, settings, [dealId], now());

    expect(retry?.decision).toMatchObject({ action: 'block' });
    expect(retry?.decision).not.toHaveProperty('note');
    expect(retry?.decision).not.toHaveProperty('task');
    expect(await state(dealId)).toEqual({ dealstage: 'contractsent', gate: 'blocked', notes: 1, tasks: 1 });
  });

  it('a task HubSpot created though its answer was lost is not created again; nor is the note', async () => {
    const dealId = await importedWonDeal();
    await expect(
      enforceGateForDeals(failingOnce('createTasks', 'after'), claims, settings, [dealId], now()),
    ).rejects.toThrow('HubSpot could not createTasks');

    await enforceGateForDeals(crm, claims, settings, [dealId], now());

    expect(await state(dealId)).toEqual({ dealstage: 'contractsent', gate: 'blocked', notes: 1, tasks: 1 });
  });

  it('a task that was never created is created on the retry, next to the note that was', async () => {
    const dealId = await importedWonDeal();
    await expect(
      enforceGateForDeals(failingOnce('createTasks', 'before'), claims, settings, [dealId], now()),
    ).rejects.toThrow('HubSpot could not createTasks');
    expect(await state(dealId)).toMatchObject({ notes: 1, tasks: 0 });

    const [retry] = await enforceGateForDeals(crm, claims, settings, [dealId], now());

    expect(retry?.decision.task).toMatchObject({ assignee: 'deal_owner' });
    expect(await state(dealId)).toEqual({ dealstage: 'contractsent', gate: 'blocked', notes: 1, tasks: 1 });
  });

  it('a first attempt reads no notes or tasks: the happy path costs what it did', async () => {
    const dealIds = await Promise.all([importedWonDeal(), importedWonDeal(), importedWonDeal()]);
    const before = await appCallsTo(ASSOCIATION_READS);

    await enforceGateForDeals(crm, claims, settings, dealIds, now());

    expect(await appCallsTo(ASSOCIATION_READS)).toBe(before);
    for (const dealId of dealIds) expect(await state(dealId)).toMatchObject({ notes: 1, tasks: 1 });
  });

  it('a deal won again after it was blocked is a new violation, reported again', async () => {
    const dealId = await importedWonDeal();
    await enforceGateForDeals(crm, claims, settings, [dealId], now());
    await importer.crm.deals.basicApi.update(dealId, { properties: { dealstage: 'closedwon' } });

    await enforceGateForDeals(crm, claims, settings, [dealId], now());

    expect(await state(dealId)).toEqual({ dealstage: 'contractsent', gate: 'blocked', notes: 2, tasks: 2 });
  });
});
