import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@hubspot/api-client';
import type { CrmPort } from '#src/crm/port';
import { createViolationClaims } from '#src/aws/violation-claims';
import { enforceGateForDeals, type ViolationClaims } from '#src/handover/enforce-gate-batch';
import { NotAllowedError } from '#src/handover/errors';
import { parseGateSettings, type GateSettings } from '#src/handover/gate-settings';
import { overrideGate } from '#src/handover/override-gate';
import { saveHandover } from '#src/handover/save-handover';
import { HandoverInputError } from '#src/handover/schema';
import { sweepUnenforcedDeals } from '#src/handover/sweep';
import type { RunningSandbox } from '#sandbox/server';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { IMPORT_TOKEN } from '#sandbox/tokens';
import { localDocumentClient, startLocalAws, type LocalAws } from '../../local/aws.ts';
import { clientFor, startTestSandbox } from '../support/sandbox';
import { crmFor, installDealProperties } from './portal';

let sandbox: RunningSandbox;
let app: Client;
let importer: Client;
let crm: CrmPort;
let aws: LocalAws;
let dynamo: ReturnType<typeof localDocumentClient>;
let claims: ViolationClaims;
const settings = parseGateSettings({ revops: { userIds: [PORTAL_ADMIN.userId] } });
const NOW = new Date().toISOString();

beforeAll(async () => {
  sandbox = await startTestSandbox();
  aws = await startLocalAws();
  dynamo = localDocumentClient(aws);
  claims = createViolationClaims(dynamo.documents, aws.tableNames.idempotency, sandbox.portalId);
  app = clientFor(sandbox);
  importer = clientFor(sandbox, IMPORT_TOKEN);
  crm = crmFor(sandbox);
  await installDealProperties(app);
});
afterAll(async () => {
  dynamo?.close();
  await aws?.close();
  await sandbox?.close();
});

/** A deal an import moved straight from Contract Sent to Closed Won, owned by the portal admin. */
async function importedWonDeal(extra: Record<string, string> = {}): Promise<string> {
  const { id } = await importer.crm.deals.basicApi.create({
    properties: {
      dealname: 'Acme platform',
      dealstage: 'contractsent',
      pipeline: 'default',
      hubspot_owner_id: PORTAL_ADMIN.id,
      ...extra,
    },
    associations: [],
  });
  await importer.crm.deals.basicApi.update(id, { properties: { dealstage: 'closedwon' } });
  return id;
}

async function engagements(dealId: string) {
  const deal = await app.crm.deals.basicApi.getById(dealId, [], [], ['notes', 'tasks']);
  return {
    notes: deal.associations?.notes?.results.length ?? 0,
    tasks: deal.associations?.tasks?.results.length ?? 0,
  };
}

async function dealProperties(dealId: string) {
  const names = [
    'dealstage',
    'rg_gate_status',
    'rg_handover_status',
    'rg_handover_missing',
    'rg_gate_override_reason',
  ];
  return (await app.crm.deals.basicApi.getById(dealId, names)).properties;
}

async function championOf(dealId: string): Promise<string> {
  const contact = await app.crm.contacts.basicApi.create({
    properties: { email: 'dana@acme.example', firstname: 'Dana', lastname: 'Ruiz' },
    associations: [],
  });
  await app.crm.associations.v4.basicApi.createDefault('deals', dealId, 'contacts', contact.id);
  return contact.id;
}

/** The gate for one deal, as the worker and the card's save run it. */
const enforce = async (gateSettings: GateSettings, dealId: string, now: string) =>
  (await enforceGateForDeals(crm, claims, gateSettings, [dealId], now))[0]!;

const firstValueDate = () => new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

describe('the closed-won gate against the sandbox', () => {
  it('moves a deal an import closed without a handover back, and gives its owner a note and a task, once', async () => {
    const dealId = await importedWonDeal();

    const outcome = await enforce(settings, dealId, NOW);
    expect(outcome.decision.action).toBe('block');
    expect(await dealProperties(dealId)).toMatchObject({
      dealstage: 'contractsent',
      rg_gate_status: 'blocked',
      rg_handover_status: 'incomplete',
    });
    expect((await dealProperties(dealId)).rg_handover_missing).toContain('Champion: not chosen');
    expect(await engagements(dealId)).toEqual({ notes: 1, tasks: 1 });

    expect((await enforce(settings, dealId, NOW)).decision.action).toBe('none');
    expect(await engagements(dealId)).toEqual({ notes: 1, tasks: 1 });
  });

  it('clears a blocked deal when the AE completes the handover in the card, without moving it forward', async () => {
    const dealId = await importedWonDeal();
    await enforce(settings, dealId, NOW);
    const champion = await championOf(dealId);

    const saved = await saveHandover(
      crm,
      settings,
      claims,
      dealId,
      {
        rg_desired_outcome: 'Close the books in 4 days instead of 10, so the CFO reports by the 5th.',
        rg_success_criteria: 'Month-end close in 4 days',
        rg_champion_contact_id: champion,
        rg_first_value_date: firstValueDate(),
        rg_commitments: 'Promised SSO by Q3; buyer worried about migration.',
      },
      NOW,
    );

    expect(saved.summary.complete).toBe(true);
    expect(saved.gate).toMatchObject({ action: 'clear', status: 'clear' });
    expect(await dealProperties(dealId)).toMatchObject({
      dealstage: 'contractsent',
      rg_gate_status: 'clear',
      rg_handover_status: 'complete',
    });
  });

  it('refuses a handover whose structure is wrong, naming the field, and writes nothing', async () => {
    const dealId = await importedWonDeal();
    const error = await saveHandover(
      crm,
      settings,
      claims,
      dealId,
      {
        rg_desired_outcome: null,
        rg_success_criteria: null,
        rg_champion_contact_id: 'dana@acme.example',
        rg_first_value_date: null,
        rg_commitments: null,
      },
      NOW,
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(HandoverInputError);
    expect((error as HandoverInputError).problems.map((p) => p.property)).toEqual(['rg_champion_contact_id']);
    expect((await dealProperties(dealId)).rg_handover_status).toBeNull();
  });

  it('flags instead of blocking in a pipeline whose policy is flag', async () => {
    const dealId = await importedWonDeal();
    const outcome = await enforce(parseGateSettings({ defaultPolicy: 'flag' }), dealId, NOW);
    expect(outcome.decision.action).toBe('flag');
    expect(await dealProperties(dealId)).toMatchObject({ dealstage: 'closedwon', rg_gate_status: 'flagged' });
    expect(await engagements(dealId)).toEqual({ notes: 0, tasks: 1 });
  });

  it('lets RevOps override with a reason and an audit note, and refuses anyone else', async () => {
    const dealId = await importedWonDeal();
    const reason = 'Signed under the framework agreement; CSM takes over at kickoff.';
    const portal = sandbox.portalId;

    await expect(
      overrideGate(crm, settings, dealId, reason, { userId: 777, portalId: portal }, NOW),
    ).rejects.toBeInstanceOf(NotAllowedError);
    expect(
      await overrideGate(
        crm,
        settings,
        dealId,
        reason,
        { userId: PORTAL_ADMIN.userId, portalId: portal },
        NOW,
      ),
    ).toEqual({
      status: 'overridden',
      reason,
    });
    expect(await dealProperties(dealId)).toMatchObject({
      rg_gate_status: 'overridden',
      rg_gate_override_reason: reason,
    });
    // The gate only records the handover status next to the override: no block, no task.
    expect((await enforce(settings, dealId, NOW)).decision.action).toBe('check');
    expect(await dealProperties(dealId)).toMatchObject({
      dealstage: 'closedwon',
      rg_gate_status: 'overridden',
    });
    expect(await engagements(dealId)).toEqual({ notes: 1, tasks: 0 });
  });

  it('does nothing to a deal that was deleted before its event was processed', async () => {
    const dealId = await importedWonDeal();
    await app.crm.deals.basicApi.archive(dealId);
    expect((await enforce(settings, dealId, NOW)).decision).toMatchObject({ action: 'none' });
  });
});

describe('the reconciliation sweep against the sandbox', () => {
  it('finds every won deal the gate never checked, a page at a time by id, and none it has checked', async () => {
    const unchecked = await Promise.all(Array.from({ length: 5 }, () => importedWonDeal()));
    const checked = await importedWonDeal({ rg_gate_status: 'clear', rg_gate_checked_at: NOW });
    const open = await importer.crm.deals.basicApi.create({
      properties: { dealname: 'Open', dealstage: 'contractsent' },
      associations: [],
    });

    const pages: string[][] = [];
    let afterDealId: string | undefined;
    const checkedBefore = new Date(Date.parse(NOW) - 3_600_000).toISOString();
    do {
      const page = await crm.dealsDueForGateCheck({
        wonStageIds: ['closedwon'],
        checkedBefore,
        limit: 2,
        ...(afterDealId ? { afterDealId } : {}),
      });
      pages.push(page.dealIds);
      afterDealId = page.nextAfterDealId ?? undefined;
    } while (afterDealId);

    const found = pages.flat();
    expect(pages.every((p) => p.length <= 2)).toBe(true);
    expect(new Set(found).size).toBe(found.length);
    expect(found).toEqual([...found].sort((a, b) => Number(a) - Number(b)));
    expect(found).toEqual(expect.arrayContaining(unchecked));
    expect(found).not.toContain(checked);
    expect(found).not.toContain(open.id);
    expect(await sweepUnenforcedDeals(crm, settings, NOW)).toEqual(expect.arrayContaining(unchecked));
  });

  it('leaves deals won before the gate started out of the sweep, and does not reopen one an event brings', async () => {
    const wonBefore = await importedWonDeal();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const startedAt = new Date().toISOString();
    await new Promise((resolve) => setTimeout(resolve, 20));
    const wonAfter = await importedWonDeal();
    const installed = parseGateSettings({ ...settings, enforcedSince: startedAt });

    const due = await sweepUnenforcedDeals(crm, installed, new Date().toISOString());
    expect(due).toContain(wonAfter);
    expect(due).not.toContain(wonBefore);

    // An event on the old deal (a field edited today) records the check and leaves it won.
    const outcome = await enforce(installed, wonBefore, new Date().toISOString());
    expect(outcome.decision.action).toBe('check');
    expect(await dealProperties(wonBefore)).toMatchObject({ dealstage: 'closedwon', rg_gate_status: null });
    expect(await engagements(wonBefore)).toEqual({ notes: 0, tasks: 0 });
  });
});
