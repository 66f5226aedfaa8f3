/**
 * HubSpot's CRM search limits. HUBSPOT.md records "≤ 5 filter groups and ≤ 25 filters", an older
 * reading; HubSpot's current search guide documents 5 groups, 6 filters per group and 18 filters in
 * all. The sandbox enforces the stricter set so that a request it accepts HubSpot accepts too.
 */
export const MAX_FILTER_GROUPS = 5;
export const MAX_FILTERS_PER_GROUP = 6;
export const MAX_FILTERS_TOTAL = 18;

export const DEFAULT_LIMIT = 10;
export const MAX_LIMIT = 200;

/** HubSpot answers 400 to any page reaching past the 10,000th result of a query (`after + limit`). */
export const MAX_RESULT_WINDOW = 10_000;
