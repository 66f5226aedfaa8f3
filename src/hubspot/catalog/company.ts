import { DEFAULT_SEGMENTS, RENEWAL_WINDOWS, RISK_TIER_LABELS, RISK_TIERS } from '#src/risk/tiers';
import { enumOptions, type PropertyDefinition, type PropertyGroupDefinition } from './types';

export const RISK_GROUP: PropertyGroupDefinition = {
  name: 'renewal_guard_risk',
  label: 'Renewal Guard: renewal risk',
  displayOrder: -1,
};

const inGroup = (p: Omit<PropertyDefinition, 'groupName'>): PropertyDefinition => ({
  ...p,
  groupName: RISK_GROUP.name,
});

/** Company properties of DESIGN.md §4: inputs the portal fills, outputs the scoring writes. */
export const COMPANY_PROPERTIES: PropertyDefinition[] = [
  inGroup({
    name: 'rg_renewal_date',
    label: 'Renewal date',
    description: 'Next contract renewal date (input).',
    type: 'date',
    fieldType: 'date',
  }),
  inGroup({
    name: 'rg_arr',
    label: 'Contract ARR',
    description: 'Annual recurring revenue under contract (input).',
    type: 'number',
    fieldType: 'number',
  }),
  inGroup({
    name: 'rg_business_change',
    label: 'Business change',
    description: "A manual flag for the customer's situation: layoffs, acquisition or pivot (input).",
    type: 'enumeration',
    fieldType: 'select',
    options: enumOptions(['none', 'layoffs', 'acquisition', 'pivot']),
  }),
  inGroup({
    name: 'rg_risk_tier',
    label: 'Renewal risk tier',
    description: 'Renewal likelihood, one of five tiers scored per segment.',
    type: 'enumeration',
    fieldType: 'select',
    options: enumOptions(RISK_TIERS, RISK_TIER_LABELS),
    readOnlyForUsers: true,
  }),
  inGroup({
    name: 'rg_risk_score',
    label: 'Renewal score',
    description: '0–100; higher renews more likely.',
    type: 'number',
    fieldType: 'number',
    readOnlyForUsers: true,
  }),
  inGroup({
    name: 'rg_churn_probability',
    label: 'Churn probability',
    description: 'Calibrated probability of churn at renewal (0–1).',
    type: 'number',
    fieldType: 'number',
    readOnlyForUsers: true,
  }),
  inGroup({
    name: 'rg_risk_drivers',
    label: 'Risk drivers',
    description: 'The top reasons behind the score, in plain words.',
    type: 'string',
    fieldType: 'textarea',
    readOnlyForUsers: true,
  }),
  inGroup({
    name: 'rg_risk_scored_at',
    label: 'Risk scored at',
    description: 'When the score was last computed.',
    type: 'datetime',
    fieldType: 'date',
    readOnlyForUsers: true,
  }),
  inGroup({
    name: 'rg_days_to_renewal',
    label: 'Days to renewal',
    description: 'Days from the scoring date to the renewal date.',
    type: 'number',
    fieldType: 'number',
    readOnlyForUsers: true,
  }),
  inGroup({
    name: 'rg_renewal_window',
    label: 'Renewal window',
    description: 'comprehensive ≥ 90 days, compressed 30–89, emergency < 30.',
    type: 'enumeration',
    fieldType: 'select',
    options: enumOptions(RENEWAL_WINDOWS),
    readOnlyForUsers: true,
  }),
  // A string, not an enumeration: a portal may segment by its own property, whose values we cannot list.
  inGroup({
    name: 'rg_segment',
    label: 'Renewal segment',
    description: `The segment whose baseline and model scored this company (by ARR: ${DEFAULT_SEGMENTS.map((s) => s.label).join(', ')}; or a configured property's value).`,
    type: 'string',
    fieldType: 'text',
    readOnlyForUsers: true,
  }),
];
