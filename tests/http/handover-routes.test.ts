import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Client } from '@hubspot/api-client';
import { logger } from '#src/aws/powertools';
import type { HandoverView, SaveHandoverRejection } from '#src/handover/card-contract';
import { signHubSpotRequestV3 } from '#src/hubspot/signature';
import type { RunningSandbox } from '#sandbox/server';
import { DEMO_PORTAL_FACTS } from '#sandbox/seed/demo/facts';
import { IMPORT_TOKEN } from '#sandbox/tokens';
import { startLocalAws, type LocalAws } from '../../local/aws.ts';
import { LOCAL_HUBSPOT_ENV, startBackend, type Backend } from '../../local/backend.ts';
import { clientFor, startTestSandbox } from '../support/sandbox';

const { teams } = DEMO_PORTAL_FACTS;
const clientSecret = LOCAL_HUBSPOT_ENV.HUBSPOT_CLIENT_SECRET;

interface Person {
  id: string;
  userId: number;
}

let sandbox: RunningSandbox;
let aws: LocalAws;
let backend: Backend;
let app: Client;
let ae: Person;
let revOps: Person;
let csmIds: string[];

beforeAll(async () => {
  // Refused requests are logged as warnings; the assertions are on the responses and the CRM.
  logger.setLogLevel('SILENT');
  sandbox = await startTestSandbox({ seed: { name: 'demo', companies: 3 } });
  aws = await startLocalAws();
  backend = await startBackend({
    port: 0,
    env: { ...aws.env, ...LOCAL_HUBSPOT_ENV, HUBSPOT_BASE_URL: sandbox.url },
    workers: {},
    schedules: {},
    log: () => {},
  });
  app = clientFor(sandbox);
  const owners = (await app.crm.owners.ownersApi.getPage(undefined, undefined, 500)).results;
  const inTeam = (teamId: string) => owners.filter((o) => o.teams?.some((t) => t.id === teamId));
  const person = (o: { id: string; userId?: number }) => ({ id: o.id, userId: o.userId ?? 0 });
  ae = person(inTeam(teams.sales.id)[0]!);
  revOps = person(inTeam(teams.revOps.id)[0]!);
  csmIds = inTeam(teams.customerSuccess.id).map((o) => o.id);
});

afterAll(async () => {
  await backend?.close();
  await aws?.close();
  await sandbox?.close();
});

interface CallOptions {
  as?: Person | { userId: number };
  body?: unknown;
  /** Sign this instead of what is sent. */
  signed?: { path?: string; query?: string; body?: string; timestamp?: number; secret?: string };
  unsigned?: boolean;
  /** The portal HubSpot signed the request for; default the sandbox's. */
  portalId?: number;
}

const callerQuery = (userId: number, portalId = sandbox.portalId) =>
  `userId=${userId}&userEmail=someone%40acmesaas.example&appId=1000&portalId=${portalId}`;

/** A hubspot.fetch request from the card, signed as HubSpot signs it (v3). */
async function call(method: string, path: string, options: CallOptions = {}) {
  const query = callerQuery((options.as ?? ae).userId, options.portalId);
  const url = `${backend.url}/api${path}?${query}`;
  const body = options.body === undefined ? '' : JSON.stringify(options.body);
  const s = options.signed ?? {};
  const timestamp = s.timestamp ?? Date.now();
  const signature = signHubSpotRequestV3({
    method,
    url: `${backend.url}/api${s.path ?? path}?${s.query ?? query}`,
    body: s.body ?? body,
    timestamp,
    clientSecret: s.secret ?? clientSecret,
  });
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (!options.unsigned) {
    headers['x-hubspot-signature-v3'] = signature;
    headers['x-hubspot-request-timestamp'] = String(timestamp);
  }
  const response = await fetch(url, { method, headers, body: body || undefined });
  return { status: response.status, body: (await response.json()) as unknown };
}

/** A fresh sales deal owned by the AE at "Qualified To Buy", with Dana as an associated contact. */
async function salesDeal(): Promise<{ dealId: string; danaId: string }> {
  const dana = await app.crm.contacts.basicApi.create({
    properties: { email: 'dana@globex.example', firstname: 'Dana', lastname: 'Ruiz' },
    associations: [],
  });
  const deal = await app.crm.deals.basicApi.create({
    properties: {
      dealname: 'Globex platform',
      pipeline: 'default',
      dealstage: 'qualifiedtobuy',
      dealtype: 'newbusiness',
      hubspot_owner_id: ae.id,
    },
    associations: [],
  });
  await app.crm.associations.v4.basicApi.createDefault('deals', deal.id, 'contacts', dana.id);
  return { dealId: deal.id, danaId: dana.id };
}

/** A sales deal an import moved to Closed Won (no gate worker runs in this file). */
async function wonDeal(): Promise<string> {
  const { dealId } = await salesDeal();
  await clientFor(sandbox, IMPORT_TOKEN).crm.deals.basicApi.update(dealId, {
    properties: { dealstage: 'closedwon' },
  });
  return dealId;
}

const WRITTEN = [
  'dealstage',
  'rg_desired_outcome',
  'rg_success_criteria',
  'rg_champion_contact_id',
  'rg_first_value_date',
  'rg_commitments',
  'rg_handover_status',
  'rg_gate_status',
  'rg_gate_override_reason',
  'rg_handover_reviewed_at',
  'rg_csm_owner_id',
];

/** What a request could have changed: the app's properties and the deal's notes. */
async function dealState(dealId: string) {
  const deal = await app.crm.deals.basicApi.getById(dealId, WRITTEN, undefined, ['notes']);
  const noteIds = deal.associations?.notes?.results.map((n) => n.id) ?? [];
  const notes = await Promise.all(
    noteIds.map(
      async (id) => (await app.crm.objects.notes.basicApi.getById(id, ['hs_note_body'])).properties,
    ),
  );
  const { hs_lastmodifieddate: _touched, ...properties } = deal.properties;
  return { properties, notes: notes.map((n) => n.hs_note_body ?? '') };
}

const completeHandover = (danaId: string) => ({
  rg_desired_outcome: 'Close the books in 4 days instead of 10, so the CFO reports to the board by the 5th.',
  rg_success_criteria: 'Month-end close in 4 days by 2026-12-31\n95% of invoices matched automatically',
  rg_champion_contact_id: danaId,
  rg_first_value_date: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
  rg_commitments: 'Promised SSO by Q3; the buyer worried about migrating five years of ledgers.',
});

const REASON = 'Signed under the 2026 framework agreement; the CSM takes the handover at kickoff.';

describe('GET /deals/{dealId}/handover', () => {
  it('shows an empty handover on an open sales deal: stage, gate policy, next step, contacts, CSMs, viewer', async () => {
    const { dealId, danaId } = await salesDeal();
    const { status, body } = await call('GET', `/deals/${dealId}/handover`);
    expect(status).toBe(200);
    const view = body as HandoverView;
    expect(view.fields).toEqual({
      rg_desired_outcome: null,
      rg_success_criteria: null,
      rg_champion_contact_id: null,
      rg_first_value_date: null,
      rg_commitments: null,
    });
    expect(view.findings.map((f) => f.ok)).toEqual([false, false, false, false, false]);
    expect(view.summary).toMatchObject({ complete: false, completedCount: 0, total: 5 });
    expect(view.deal).toMatchObject({
      name: 'Globex platform',
      stage: 'qualifiedtobuy',
      stageLabel: 'Qualified To Buy',
      pipelineId: 'default',
      inWonStage: false,
      closeDate: null,
    });
    expect(view.gate).toEqual({
      status: null,
      policy: 'block',
      checkedAt: null,
      overrideReason: null,
      nextStep: 'Complete the handover: 5 of 5 fields still need work before the deal can be closed won.',
    });
    expect(view.contacts).toEqual([{ id: danaId, name: 'Dana Ruiz', email: 'dana@globex.example' }]);
    expect(view.csmOwners.map((o) => o.id).sort()).toEqual([...csmIds].sort());
    expect(view.review).toEqual({ reviewedAt: null, csmOwnerId: null });
    expect(view.viewer).toEqual({ userId: ae.userId, canOverride: false });
  });

  it('tells RevOps they may override', async () => {
    const { dealId } = await salesDeal();
    const { body } = await call('GET', `/deals/${dealId}/handover`, { as: revOps });
    expect((body as HandoverView).viewer).toEqual({ userId: revOps.userId, canOverride: true });
  });

  it('answers 404 for a deal that does not exist', async () => {
    expect((await call('GET', '/deals/999999999/handover')).status).toBe(404);
  });
});

describe('PUT /deals/{dealId}/handover', () => {
  it('saves a complete handover and answers the view: complete 5/5', async () => {
    const { dealId, danaId } = await salesDeal();
    const { status, body } = await call('PUT', `/deals/${dealId}/handover`, {
      body: completeHandover(danaId),
    });
    expect(status).toBe(200);
    const view = body as HandoverView;
    expect(view.summary).toMatchObject({ complete: true, completedCount: 5, total: 5 });
    expect(view.fields).toEqual(completeHandover(danaId));
    expect(view.gate.nextStep).toBe('Hold the 15-minute warm handover with the CSM and record it here.');
    expect((await dealState(dealId)).properties).toMatchObject({
      ...completeHandover(danaId),
      rg_handover_status: 'complete',
    });
  });

  it('refuses a wrong structure with 400 naming each field, and writes nothing', async () => {
    const { dealId, danaId } = await salesDeal();
    const before = await dealState(dealId);
    const { status, body } = await call('PUT', `/deals/${dealId}/handover`, {
      body: {
        ...completeHandover(danaId),
        rg_champion_contact_id: 'Dana Ruiz',
        rg_first_value_date: '30/09/2026',
        rg_budget: '10k',
      },
    });
    expect(status).toBe(400);
    const rejection = body as SaveHandoverRejection;
    expect(rejection.findings.map((f) => f.property).sort()).toEqual([
      'rg_budget',
      'rg_champion_contact_id',
      'rg_first_value_date',
    ]);
    expect(rejection.findings.every((f) => !f.ok && f.problem && f.expected && f.example)).toBe(true);
    expect(rejection.message).toContain('Champion');
    expect(rejection.message).toContain('First-value date');
    expect(await dealState(dealId)).toEqual(before);
  });

  it('refuses a caller who is no user of the portal with 403, and writes nothing', async () => {
    const { dealId, danaId } = await salesDeal();
    const before = await dealState(dealId);
    const { status, body } = await call('PUT', `/deals/${dealId}/handover`, {
      as: { userId: 424242 },
      body: completeHandover(danaId),
    });
    expect(status).toBe(403);
    expect((body as { message: string }).message).toContain('not a user (owner) of HubSpot portal');
    expect(await dealState(dealId)).toEqual(before);
  });
});

describe('POST /deals/{dealId}/handover/review', () => {
  it('records the warm handover at the server time, with the CSM and a note', async () => {
    const { dealId } = await salesDeal();
    const csmOwnerId = csmIds[0]!;
    const { status, body } = await call('POST', `/deals/${dealId}/handover/review`, {
      body: { csmOwnerId, reviewedAt: '2020-01-01T00:00:00Z' },
    });
    expect(status).toBe(200);
    const { reviewedAt } = body as { reviewedAt: string };
    expect(body).toEqual({ reviewedAt, csmOwnerId });
    // The server's clock decides, not a time the card sent.
    expect(reviewedAt.startsWith('2020')).toBe(false);
    const view = (await call('GET', `/deals/${dealId}/handover`)).body as HandoverView;
    expect(view.review).toEqual({ reviewedAt, csmOwnerId });
    expect((await dealState(dealId)).notes).toEqual([expect.stringContaining('Warm handover to')]);
  });

  it('refuses an owner id that is not one with 400 naming csmOwnerId', async () => {
    const { dealId } = await salesDeal();
    const { status, body } = await call('POST', `/deals/${dealId}/handover/review`, {
      body: { csmOwnerId: 'Kim' },
    });
    expect(status).toBe(400);
    expect((body as { message: string }).message).toContain('csmOwnerId');
  });
});

describe('POST /deals/{dealId}/gate/override', () => {
  it('lets RevOps through with a reason: overridden, with an audit note naming them', async () => {
    const dealId = await wonDeal();
    const { status, body } = await call('POST', `/deals/${dealId}/gate/override`, {
      as: revOps,
      body: { reason: REASON },
    });
    expect(status).toBe(200);
    expect(body).toEqual({ status: 'overridden', reason: REASON });
    const after = await dealState(dealId);
    expect(after.properties).toMatchObject({ rg_gate_status: 'overridden', rg_gate_override_reason: REASON });
    expect(after.notes).toEqual([
      expect.stringMatching(new RegExp(`overridden by .+\\n\\nReason: ${REASON}`)),
    ]);
    const view = (await call('GET', `/deals/${dealId}/handover`)).body as HandoverView;
    expect(view.gate).toMatchObject({ status: 'overridden', overrideReason: REASON });
  });

  it("refuses an AE's override with 403 naming RevOps, and writes nothing", async () => {
    const dealId = await wonDeal();
    const before = await dealState(dealId);
    const { status, body } = await call('POST', `/deals/${dealId}/gate/override`, {
      body: { reason: REASON },
    });
    expect(status).toBe(403);
    expect((body as { message: string }).message).toMatch(/only RevOps can override the closed-won gate/);
    expect(await dealState(dealId)).toEqual(before);
  });

  it('refuses a validly signed request from another portal with 403 naming it, and writes nothing', async () => {
    const dealId = await wonDeal();
    const before = await dealState(dealId);
    const { status, body } = await call('POST', `/deals/${dealId}/gate/override`, {
      as: revOps,
      portalId: sandbox.portalId + 1,
      body: { reason: REASON },
    });
    expect(status).toBe(403);
    expect((body as { message: string }).message).toMatch(
      new RegExp(`serves portal ${sandbox.portalId}, not portal ${sandbox.portalId + 1}`),
    );
    expect(await dealState(dealId)).toEqual(before);
  });

  it('refuses a reason under 20 characters with 400, and writes nothing', async () => {
    const dealId = await wonDeal();
    const before = await dealState(dealId);
    const { status, body } = await call('POST', `/deals/${dealId}/gate/override`, {
      as: revOps,
      body: { reason: 'CEO said so' },
    });
    expect(status).toBe(400);
    expect((body as { message: string }).message).toContain('at least 20');
    expect(await dealState(dealId)).toEqual(before);
  });
});

describe('requests HubSpot did not sign as sent', () => {
  it.each<[string, (otherDealId: string) => CallOptions]>([
    ['unsigned', () => ({ unsigned: true })],
    ['forged with another secret', () => ({ signed: { secret: 'guessed-secret' } })],
    ['stale (signed ten minutes ago)', () => ({ signed: { timestamp: Date.now() - 10 * 60_000 } })],
    ['with a tampered body', () => ({ signed: { body: JSON.stringify({ reason: `${REASON} Really.` }) } })],
    ['signed for another deal', (other) => ({ signed: { path: `/deals/${other}/gate/override` } })],
    ['signed by an AE, claiming RevOps in the query', () => ({ signed: { query: callerQuery(ae.userId) } })],
  ])('refuses an override %s with 401 and changes nothing', async (_, options) => {
    const dealId = await wonDeal();
    const otherDealId = await wonDeal();
    const before = await dealState(dealId);
    const { status, body } = await call('POST', `/deals/${dealId}/gate/override`, {
      as: revOps,
      body: { reason: REASON },
      ...options(otherDealId),
    });
    expect(status).toBe(401);
    expect((body as { message: string }).message).toMatch(/^Request signature rejected/);
    expect(await dealState(dealId)).toEqual(before);
  });

  it('refuses an unsigned save with 401 and saves nothing', async () => {
    const { dealId, danaId } = await salesDeal();
    const before = await dealState(dealId);
    const { status } = await call('PUT', `/deals/${dealId}/handover`, {
      body: completeHandover(danaId),
      unsigned: true,
    });
    expect(status).toBe(401);
    expect(await dealState(dealId)).toEqual(before);
  });
});
