import type { HandoverFields, HandoverView } from '#src/handover/card-contract';
import type { HandoverProperty } from '#src/handover/fields';
// Straight from the rules module: schema.ts re-exports them but also builds zod schemas, ~800 KB in a card.
import { handoverFindings, type HandoverFinding } from '#src/handover/findings';

export type FindingsByField = Record<HandoverProperty, HandoverFinding>;

/**
 * The findings for what the AE has typed, by the gate's own rules. The card knows the deal's
 * associated contacts; for a champion outside that list (a saved value the AE has not changed),
 * the API's finding is the one that knows why.
 */
export function liveFindings(fields: HandoverFields, view: HandoverView): FindingsByField {
  const championId = fields.rg_champion_contact_id;
  const contact = view.contacts.find((c) => c.id === championId);
  const findings = handoverFindings(fields, {
    dealCreatedAt: view.deal.createdAt,
    closeDate: view.deal.closeDate,
    champion: contact ? { ...contact, associatedWithDeal: true } : null,
  });
  const byField = Object.fromEntries(findings.map((f) => [f.property, f])) as FindingsByField;
  const savedChampion = view.findings.find((f) => f.property === 'rg_champion_contact_id');
  if (!contact && championId !== null && championId === view.fields.rg_champion_contact_id && savedChampion) {
    byField.rg_champion_contact_id = savedChampion;
  }
  return byField;
}
