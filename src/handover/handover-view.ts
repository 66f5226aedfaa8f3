import type { CrmPort } from '#src/crm/port';
import type { ContactRecord, Owner } from '#src/crm/records';
import type { Actor } from './actor';
import { instantMs } from './calendar-date';
import type { CardContact, CardOwner, HandoverView } from './card-contract';
import { GATE_STATUSES, type GateStatus } from './fields';
import { isRevOps, policyFor, type GateSettings } from './gate-settings';
import { pipelineOfDeal, readHandoverDeal } from './handover-deal';
import { nextStep } from './next-step';
import { stageLabel, wonStageIds } from './won-stages';

export type HandoverViewCrm = Pick<
  CrmPort,
  'readDeal' | 'readContacts' | 'dealPipelines' | 'owners' | 'ownerByUserId'
>;

/** The team whose members the card offers as CSM owners; with no such team, every owner. */
export const CSM_TEAM_NAME = 'Customer Success';

/** Everything the deal card shows, read fresh from the CRM and judged by the same rules as the gate. */
export async function handoverView(
  crm: HandoverViewCrm,
  settings: GateSettings,
  dealId: string,
  actor: Actor,
  now: string,
): Promise<HandoverView> {
  const { deal, artifact, findings, summary } = await readHandoverDeal(crm, dealId, now);
  const [pipeline, contacts, owners, viewer] = await Promise.all([
    pipelineOfDeal(crm, deal),
    crm.readContacts(deal.contactIds),
    crm.owners(),
    crm.ownerByUserId(actor.userId),
  ]);
  const p = deal.properties;
  const stage = p.dealstage ?? '';
  const inWonStage = pipeline ? wonStageIds([pipeline]).has(stage) : false;
  const policy = policyFor(settings, p.pipeline ?? '', p.dealtype);
  const status = gateStatus(p.rg_gate_status);
  const canOverride = isRevOps({ userId: actor.userId, teams: viewer?.teams ?? [] }, settings);
  const reviewedAt = isoOrNull(p.rg_handover_reviewed_at);
  return {
    dealId: deal.id,
    fields: artifact,
    findings,
    summary,
    deal: {
      name: p.dealname ?? `Deal ${deal.id}`,
      stage,
      stageLabel: pipeline ? stageLabel(pipeline, stage) : stage,
      pipelineId: p.pipeline ?? '',
      createdAt: isoOrNull(p.createdate) ?? now,
      closeDate: isoOrNull(p.closedate),
      inWonStage,
    },
    gate: {
      status,
      policy,
      checkedAt: isoOrNull(p.rg_gate_checked_at),
      overrideReason: p.rg_gate_override_reason || null,
      nextStep: nextStep({ status, policy, summary, inWonStage, reviewed: reviewedAt !== null, canOverride }),
    },
    contacts: contacts.map(cardContact).sort((a, b) => a.name.localeCompare(b.name)),
    csmOwners: csmOwners(owners),
    review: { reviewedAt, csmOwnerId: p.rg_csm_owner_id || null },
    viewer: { userId: actor.userId, canOverride },
  };
}

function gateStatus(value: string | null | undefined): GateStatus | null {
  return GATE_STATUSES.find((s) => s === value) ?? null;
}

/** HubSpot gives datetimes as ISO strings or, from older writers, epoch milliseconds. */
function isoOrNull(value: string | null | undefined): string | null {
  const ms = value ? instantMs(value) : null;
  return ms === null ? null : new Date(ms).toISOString();
}

function cardContact(contact: ContactRecord): CardContact {
  const name = [contact.firstName, contact.lastName].filter(Boolean).join(' ');
  return { id: contact.id, name: name || contact.email || `Contact ${contact.id}`, email: contact.email };
}

function csmOwners(owners: readonly Owner[]): CardOwner[] {
  const team = CSM_TEAM_NAME.toLowerCase();
  const inCs = owners.filter((o) => o.teams.some((t) => t.name.trim().toLowerCase() === team));
  return (inCs.length > 0 ? inCs : owners)
    .map((o) => ({
      id: o.id,
      name: [o.firstName, o.lastName].filter(Boolean).join(' ') || o.email || `Owner ${o.id}`,
    }))
    .sort((a, b) => a.name.localeCompare(b.name));
}
