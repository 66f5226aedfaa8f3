import type { ContactsPort, DealsPort, PipelinesPort } from '#src/crm/port';
import type { DealRecord, Pipeline } from '#src/crm/records';
import { DealNotFoundError } from './errors';
import { HANDOVER_PROPERTIES } from './fields';
import { handoverFindings, handoverSummary, type HandoverFinding, type HandoverSummary } from './findings';
import { artifactFromProperties, type HandoverArtifact } from './schema';

/** The deal properties the handover use cases read. */
export const HANDOVER_DEAL_PROPERTIES = [
  'dealname',
  'dealstage',
  'pipeline',
  'dealtype',
  'createdate',
  'closedate',
  'hubspot_owner_id',
  ...HANDOVER_PROPERTIES,
  'rg_handover_status',
  'rg_handover_missing',
  'rg_gate_status',
  'rg_gate_checked_at',
  'rg_gate_override_reason',
  'rg_gate_won_entry',
  'rg_handover_reviewed_at',
  'rg_csm_owner_id',
] as const;

export interface HandoverDeal {
  deal: DealRecord;
  artifact: HandoverArtifact;
  findings: HandoverFinding[];
  summary: HandoverSummary;
}

export async function readDeal(crm: Pick<DealsPort, 'readDeal'>, dealId: string): Promise<DealRecord> {
  const deal = await crm.readDeal(dealId, HANDOVER_DEAL_PROPERTIES);
  if (!deal) throw new DealNotFoundError(dealId);
  return deal;
}

/** Judges an artifact against its deal, looking the champion up among the CRM's contacts. */
export async function judgeHandover(
  crm: ContactsPort,
  deal: DealRecord,
  artifact: HandoverArtifact,
  today: string,
): Promise<HandoverDeal> {
  const championId = artifact.rg_champion_contact_id;
  const [contact] = championId === null ? [] : await crm.readContacts([championId]);
  const name = [contact?.firstName, contact?.lastName].filter(Boolean).join(' ');
  const findings = handoverFindings(artifact, {
    dealCreatedAt: deal.properties.createdate ?? today,
    closeDate: deal.properties.closedate ?? null,
    today,
    champion: contact && {
      id: contact.id,
      associatedWithDeal: deal.contactIds.includes(contact.id),
      email: contact.email,
      ...(name ? { name } : {}),
    },
  });
  return { deal, artifact, findings, summary: handoverSummary(findings) };
}

export async function readHandoverDeal(
  crm: Pick<DealsPort, 'readDeal'> & ContactsPort,
  dealId: string,
  today: string,
): Promise<HandoverDeal> {
  const deal = await readDeal(crm, dealId);
  return judgeHandover(crm, deal, artifactFromProperties(deal.properties), today);
}

/** The deal's pipeline, reloaded once when the cached pipelines do not know its stage (added since). */
export async function pipelineOfDeal(crm: PipelinesPort, deal: DealRecord): Promise<Pipeline | null> {
  const { pipeline: pipelineId, dealstage } = deal.properties;
  const find = (pipelines: readonly Pipeline[]) =>
    pipelines.find((p) => p.id === pipelineId && p.stages.some((s) => s.id === dealstage));
  return find(await crm.dealPipelines()) ?? find(await crm.dealPipelines({ refresh: true })) ?? null;
}
