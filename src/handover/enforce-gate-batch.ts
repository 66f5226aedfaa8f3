import type { ContactsPort, CrmPort } from '#src/crm/port';
import type { ContactRecord, DealRecord, Pipeline } from '#src/crm/records';
import { gateDecisionFor, type GateOutcome } from './enforce-gate';
import type { GateDecision } from './gate';
import type { GateSettings } from './gate-settings';
import { HANDOVER_DEAL_PROPERTIES, judgeHandover } from './handover-deal';
import { artifactFromProperties } from './schema';

export type GateBatchCrm = Pick<
  CrmPort,
  | 'readDeals'
  | 'dealContactIds'
  | 'readContacts'
  | 'dealPipelines'
  | 'updateDeals'
  | 'createNotes'
  | 'createTasks'
  | 'dealNoteAndTaskBodies'
>;

/**
 * Claims on violations (`GateDecision.reference`), taken before their note and task are created.
 * A violation claimed before may be reported already: by an attempt that failed after creating them
 * (its deal update failed), or whose create answer was lost. Only those cost a look at the deal's
 * notes and tasks; a first claim costs no HubSpot call.
 */
export interface ViolationClaims {
  /** Claims each reference for good; answers the ones some earlier or concurrent attempt had claimed. */
  claim(references: readonly string[]): Promise<ReadonlySet<string>>;
}

const gone = (dealId: string): GateOutcome => ({
  dealId,
  decision: { action: 'none', reason: 'the deal no longer exists', writes: {} },
});

/**
 * The gate for one deal or many (the worker's queue batch, the card's save): re-reads the deals
 * and decides on their current state only, so a duplicate or late event decides `none`. One batch
 * read of the deals (with `dealstage` history), associations and champions only for deals that
 * name a champion, the cached pipelines, then one batch create of notes, one of tasks and one
 * batch update, so a hundred deals cost about four API calls. Notes and tasks come before the
 * update: if it fails the batch fails (the caller retries it), where the other order could lose a
 * violation; the retry creates no second note or task for it (`ViolationClaims`).
 */
export async function enforceGateForDeals(
  crm: GateBatchCrm,
  claims: ViolationClaims,
  settings: GateSettings,
  dealIds: readonly string[],
  now: string,
): Promise<GateOutcome[]> {
  const ids = [...new Set(dealIds)];
  const read = await crm.readDeals(ids, HANDOVER_DEAL_PROPERTIES);
  const deals = await withContacts(crm, read);
  const contacts = await champions(crm, deals);
  const pipelines = await pipelinesKnowing(crm, deals);

  const outcomes = new Map<string, GateOutcome>();
  for (const deal of deals) {
    const { summary } = await judgeHandover(contacts, deal, artifactFromProperties(deal.properties), now);
    const decision = gateDecisionFor(deal, pipelineOf(pipelines, deal), summary, settings, now);
    outcomes.set(deal.id, { dealId: deal.id, decision, summary });
  }
  const applied = await withoutExistingReports(crm, claims, [...outcomes.values()]);
  await applyGateDecisions(crm, applied, now);
  const byDeal = new Map(applied.map((outcome) => [outcome.dealId, outcome]));
  return ids.map((id) => byDeal.get(id) ?? gone(id));
}

/**
 * The outcomes to apply, less the notes and tasks a claimed-before violation already has: found by
 * the reference in their bodies, read through the deal's associations (consistent at once, where
 * the search index lags by seconds, exactly the seconds between a failed attempt and its retry).
 */
async function withoutExistingReports(
  crm: GateBatchCrm,
  claims: ViolationClaims,
  outcomes: readonly GateOutcome[],
): Promise<GateOutcome[]> {
  const references = outcomes.flatMap(({ decision }) => decision.reference ?? []);
  if (references.length === 0) return [...outcomes];
  const claimedBefore = await claims.claim(references);
  const unsure = outcomes.filter(
    ({ decision }) => decision.reference && claimedBefore.has(decision.reference),
  );
  if (unsure.length === 0) return [...outcomes];
  const existing = await crm.dealNoteAndTaskBodies(unsure.map((o) => o.dealId));
  return outcomes.map((outcome) => {
    const { reference, note, task, ...decision } = outcome.decision;
    if (!reference || !claimedBefore.has(reference)) return outcome;
    const found = existing.get(outcome.dealId);
    const reports = (bodies: readonly string[] | undefined) => bodies?.some((b) => b.includes(reference));
    return {
      ...outcome,
      decision: {
        ...decision,
        reference,
        ...(note && !reports(found?.notes) ? { note } : {}),
        ...(task && !reports(found?.tasks) ? { task } : {}),
      },
    };
  });
}

async function withContacts(
  crm: GateBatchCrm,
  deals: readonly Omit<DealRecord, 'contactIds'>[],
): Promise<DealRecord[]> {
  // Only the champion check looks at associations: deals without a champion need no read.
  const championed = deals.filter((d) => d.properties.rg_champion_contact_id).map((d) => d.id);
  const contactIds = championed.length > 0 ? await crm.dealContactIds(championed) : new Map();
  return deals.map((deal) => ({ ...deal, contactIds: contactIds.get(deal.id) ?? [] }));
}

/** The champions of all deals in one read, served to `judgeHandover` from memory. */
async function champions(crm: GateBatchCrm, deals: readonly DealRecord[]): Promise<ContactsPort> {
  const ids = [...new Set(deals.flatMap((d) => d.properties.rg_champion_contact_id ?? []).filter(Boolean))];
  const found: ContactRecord[] = ids.length > 0 ? await crm.readContacts(ids) : [];
  return { readContacts: async (wanted) => found.filter((c) => wanted.includes(c.id)) };
}

/** The cached pipelines, reloaded once for the whole batch when a deal sits in a stage they lack. */
async function pipelinesKnowing(
  crm: GateBatchCrm,
  deals: readonly DealRecord[],
): Promise<readonly Pipeline[]> {
  const cached = await crm.dealPipelines();
  const unknown = deals.some((deal) => pipelineOf(cached, deal) === null);
  return unknown ? crm.dealPipelines({ refresh: true }) : cached;
}

function pipelineOf(pipelines: readonly Pipeline[], deal: DealRecord): Pipeline | null {
  const { pipeline: pipelineId, dealstage } = deal.properties;
  return pipelines.find((p) => p.id === pipelineId && p.stages.some((s) => s.id === dealstage)) ?? null;
}

async function applyGateDecisions(
  crm: GateBatchCrm,
  outcomes: readonly { dealId: string; decision: GateDecision }[],
  now: string,
): Promise<void> {
  const notes = outcomes.flatMap(({ dealId, decision }) =>
    decision.note ? [{ dealId, body: decision.note, timestamp: now }] : [],
  );
  const tasks = outcomes.flatMap(({ dealId, decision: { task } }) =>
    task
      ? [
          {
            dealId,
            subject: task.subject,
            body: task.body,
            dueAt: task.dueAt,
            ...(task.ownerId ? { ownerId: task.ownerId } : {}),
            ...(task.queueIds ? { queueIds: task.queueIds } : {}),
          },
        ]
      : [],
  );
  const updates = outcomes.flatMap(({ dealId, decision: { writes } }) =>
    Object.keys(writes).length > 0 ? [{ dealId, properties: writes }] : [],
  );
  if (notes.length > 0) await crm.createNotes(notes);
  if (tasks.length > 0) await crm.createTasks(tasks);
  if (updates.length > 0) await crm.updateDeals(updates);
}
