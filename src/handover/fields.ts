/**
 * The five fields of the handover artifact (DESIGN.md §1), defined once.
 * The card, the card API, the gate, the property catalog and the sandbox seed all import this list.
 */
export const HANDOVER_FIELDS = [
  {
    property: 'rg_desired_outcome',
    label: 'Desired outcome',
    description: 'What the buyer said they want to achieve, in their words.',
    kind: 'textarea',
  },
  {
    property: 'rg_success_criteria',
    label: 'Success criteria',
    description:
      'How both sides will know it worked: one criterion a line, each with a number, amount or date.',
    kind: 'textarea',
  },
  {
    property: 'rg_champion_contact_id',
    label: 'Champion',
    description: 'The buyer-side person who carries the project (a contact associated with the deal).',
    kind: 'contact',
  },
  {
    property: 'rg_first_value_date',
    label: 'First-value date',
    description: 'When the buyer expects the first outcome.',
    kind: 'date',
  },
  {
    property: 'rg_commitments',
    label: 'Commitments & risks',
    description: 'What was promised in the sale, and concerns the buyer raised.',
    kind: 'textarea',
  },
] as const;

export type HandoverField = (typeof HANDOVER_FIELDS)[number];
export type HandoverProperty = HandoverField['property'];

export const HANDOVER_PROPERTIES: readonly HandoverProperty[] = HANDOVER_FIELDS.map((f) => f.property);

/** Written by the card's "no commitments were made" checkbox instead of free text. */
export const NO_COMMITMENTS_MARKER = '[none] No commitments were made and the buyer raised no concerns.';

export const HANDOVER_STATUSES = ['complete', 'incomplete'] as const;
export type HandoverStatus = (typeof HANDOVER_STATUSES)[number];

export const GATE_STATUSES = ['clear', 'blocked', 'flagged', 'overridden'] as const;
export type GateStatus = (typeof GATE_STATUSES)[number];

export const GATE_POLICIES = ['block', 'flag', 'off'] as const;
export type GatePolicy = (typeof GATE_POLICIES)[number];

export const RENEWAL_OUTCOMES = ['renewed', 'churned'] as const;
export type RenewalOutcome = (typeof RENEWAL_OUTCOMES)[number];
