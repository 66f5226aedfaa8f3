import {
  GATE_STATUSES,
  HANDOVER_FIELDS,
  HANDOVER_STATUSES,
  RENEWAL_OUTCOMES,
  type HandoverField,
} from '#src/handover/fields';
import {
  enumOptions,
  type FieldType,
  type PropertyDefinition,
  type PropertyGroupDefinition,
  type PropertyType,
} from './types';

export const HANDOVER_GROUP: PropertyGroupDefinition = {
  name: 'renewal_guard_handover',
  label: 'Renewal Guard: handover',
  displayOrder: -1,
};

const FIELD_TYPES: Record<HandoverField['kind'], { type: PropertyType; fieldType: FieldType }> = {
  textarea: { type: 'string', fieldType: 'textarea' },
  contact: { type: 'string', fieldType: 'text' },
  date: { type: 'date', fieldType: 'date' },
};

const artifact: PropertyDefinition[] = HANDOVER_FIELDS.map((field) => ({
  name: field.property,
  label: field.label,
  description: field.description,
  groupName: HANDOVER_GROUP.name,
  ...FIELD_TYPES[field.kind],
}));

function derived(
  name: string,
  label: string,
  description: string,
  shape: { type: PropertyType; fieldType: FieldType; options?: PropertyDefinition['options'] },
): PropertyDefinition {
  return { name, label, description, groupName: HANDOVER_GROUP.name, readOnlyForUsers: true, ...shape };
}

/** Deal properties of DESIGN.md §1: the five fields, then what the backend derives. */
export const DEAL_PROPERTIES: PropertyDefinition[] = [
  ...artifact,
  derived(
    'rg_handover_status',
    'Handover status',
    'Whether all five handover fields pass their quality rules.',
    {
      type: 'enumeration',
      fieldType: 'select',
      options: enumOptions(HANDOVER_STATUSES),
    },
  ),
  derived(
    'rg_handover_missing',
    'Handover: what is missing',
    'Plain-language list of what the handover still needs.',
    {
      type: 'string',
      fieldType: 'textarea',
    },
  ),
  derived(
    'rg_gate_status',
    'Closed-won gate status',
    'What the closed-won gate last decided for this deal.',
    {
      type: 'enumeration',
      fieldType: 'select',
      options: enumOptions(GATE_STATUSES),
    },
  ),
  derived('rg_gate_checked_at', 'Gate checked at', 'When the closed-won gate last evaluated this deal.', {
    type: 'datetime',
    fieldType: 'date',
  }),
  derived(
    'rg_gate_override_reason',
    'Gate override reason',
    'Why RevOps let this deal close without a complete handover.',
    {
      type: 'string',
      fieldType: 'textarea',
    },
  ),
  derived(
    'rg_gate_won_entry',
    'Gate: won-stage entry decided',
    'The won-stage entry (stage@time) the gate last decided on, so each violation gets one note and one task.',
    { type: 'string', fieldType: 'text' },
  ),
  derived('rg_handover_reviewed_at', 'Warm handover at', 'When the 15-minute AE→CSM walk-through happened.', {
    type: 'datetime',
    fieldType: 'date',
  }),
  derived('rg_csm_owner_id', 'CSM owner', 'The owner id of the CSM who took over at the warm handover.', {
    type: 'string',
    fieldType: 'text',
  }),
  derived('rg_renewal_outcome', 'Renewal outcome', "What became of the account's renewal.", {
    type: 'enumeration',
    fieldType: 'select',
    options: enumOptions(RENEWAL_OUTCOMES),
  }),
];
