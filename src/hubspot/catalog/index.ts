import { COMPANY_PROPERTIES, RISK_GROUP } from './company';
import { DEAL_PROPERTIES, HANDOVER_GROUP } from './deal';
import type { CatalogObjectType, PropertyDefinition, PropertyGroupDefinition } from './types';

export * from './types';
export { COMPANY_PROPERTIES, DEAL_PROPERTIES, HANDOVER_GROUP, RISK_GROUP };

/** Every property group and property Renewal Guard owns, per object type. `npm run setup` creates them. */
export const PROPERTY_CATALOG: Record<
  CatalogObjectType,
  { groups: PropertyGroupDefinition[]; properties: PropertyDefinition[] }
> = {
  deals: { groups: [HANDOVER_GROUP], properties: DEAL_PROPERTIES },
  companies: { groups: [RISK_GROUP], properties: COMPANY_PROPERTIES },
};

/** The user-defined deal→contact association label for the handover champion. */
export const CHAMPION_ASSOCIATION_LABEL = { label: 'Champion', name: 'champion' } as const;
