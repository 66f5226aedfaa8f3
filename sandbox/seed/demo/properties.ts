import {
  CHAMPION_ASSOCIATION_LABEL,
  PROPERTY_CATALOG,
  type PropertyDefinition,
  type PropertyGroupDefinition,
} from '#src/hubspot/catalog/index';
import type { SeedRecord } from '../records';
import { DEMO_PORTAL_FACTS } from './facts';

const { companyProperties: company, contactProperties: contact } = DEMO_PORTAL_FACTS;

/** The customer's own data, fed into HubSpot by its product analytics and survey tools. */
const SIGNALS_GROUP: PropertyGroupDefinition = {
  name: 'customer_signals',
  label: 'Customer signals',
  displayOrder: 5,
};
const RELATIONSHIP_GROUP: PropertyGroupDefinition = {
  name: 'relationship',
  label: 'Relationship',
  displayOrder: 5,
};

const signal = (
  name: string,
  label: string,
  description: string,
  type: 'number' | 'datetime',
): PropertyDefinition => ({
  name,
  label,
  description,
  type,
  fieldType: type === 'number' ? 'number' : 'date',
  groupName: SIGNALS_GROUP.name,
});

const COMPANY_SIGNALS: PropertyDefinition[] = [
  signal(
    company.weeklyActiveUsers,
    'Weekly active users',
    'Users active in the product in the last 7 days.',
    'number',
  ),
  signal(company.seats, 'Licensed seats', 'Seats under contract.', 'number'),
  signal(
    company.lastLoginAt,
    'Last product login',
    'Most recent login by any user of the account.',
    'datetime',
  ),
  signal(company.nps, 'NPS', 'Latest Net Promoter Score answer, 0–10.', 'number'),
  signal(company.csat, 'CSAT', 'Latest support satisfaction score, 1–5.', 'number'),
];

const LEFT_COMPANY: PropertyDefinition = {
  name: contact.leftCompany,
  label: 'Left company',
  description: 'Set when the person no longer works at the customer.',
  type: 'bool',
  fieldType: 'booleancheckbox',
  groupName: RELATIONSHIP_GROUP.name,
  options: [
    { label: 'Yes', value: 'true', displayOrder: 0, hidden: false },
    { label: 'No', value: 'false', displayOrder: 1, hidden: false },
  ],
};

/** Everything `npm run setup` creates, then the portal's own custom properties the risk model reads. */
export function* propertyRecords(): Generator<SeedRecord> {
  for (const [objectType, { groups, properties }] of Object.entries(PROPERTY_CATALOG)) {
    for (const group of groups) yield { kind: 'propertyGroup', objectType, group };
    for (const property of properties) yield { kind: 'property', objectType, property };
  }
  yield {
    kind: 'associationLabel',
    fromObjectType: 'deals',
    toObjectType: 'contacts',
    label: CHAMPION_ASSOCIATION_LABEL.label,
    name: CHAMPION_ASSOCIATION_LABEL.name,
  };
  yield { kind: 'propertyGroup', objectType: 'companies', group: SIGNALS_GROUP };
  for (const property of COMPANY_SIGNALS) yield { kind: 'property', objectType: 'companies', property };
  yield { kind: 'propertyGroup', objectType: 'contacts', group: RELATIONSHIP_GROUP };
  yield { kind: 'property', objectType: 'contacts', property: LEFT_COMPANY };
}
