import { HANDOVER_PROPERTIES } from '#src/handover/fields';
import { BACKEND_URL_REFERENCE, WEBHOOK_PATH } from './backend';

export interface CrmObjectSubscription {
  subscriptionType: 'object.creation' | 'object.propertyChange';
  objectType: 'deal';
  propertyName?: string;
  active: boolean;
}

export interface WebhooksHsmeta {
  uid: string;
  type: 'webhooks';
  config: {
    settings: { targetUrl: string; maxConcurrentRequests: number };
    subscriptions: { crmObjects: CrmObjectSubscription[]; legacyCrmObjects: []; hubEvents: [] };
  };
}

export const WEBHOOKS_HSMETA_PATH = 'hubspot-app/app/webhooks/webhooks-hsmeta.json';

/**
 * HubSpot delivers this many requests at once at most. Each request only verifies, deduplicates and
 * enqueues (the gate worker does the CRM calls), so a small number keeps the webhooks Lambda warm
 * without letting a burst of stage changes fan out beyond the portal's rate limit downstream.
 */
const MAX_CONCURRENT_REQUESTS = 10;

function propertyChange(propertyName: string): CrmObjectSubscription {
  return { subscriptionType: 'object.propertyChange', objectType: 'deal', propertyName, active: true };
}

/**
 * The gate's triggers (DESIGN.md §2): a deal's stage changes, a deal is created, or one of the five
 * handover fields changes. HubSpot takes one subscription per property, so the handover fields are
 * listed from HANDOVER_FIELDS rather than by hand; `npm run build` writes this to WEBHOOKS_HSMETA_PATH.
 */
export function webhooksHsmeta(): WebhooksHsmeta {
  return {
    uid: 'renewal_guard_webhooks',
    type: 'webhooks',
    config: {
      settings: {
        targetUrl: `${BACKEND_URL_REFERENCE}${WEBHOOK_PATH}`,
        maxConcurrentRequests: MAX_CONCURRENT_REQUESTS,
      },
      subscriptions: {
        crmObjects: [
          { subscriptionType: 'object.creation', objectType: 'deal', active: true },
          propertyChange('dealstage'),
          ...HANDOVER_PROPERTIES.map(propertyChange),
        ],
        legacyCrmObjects: [],
        hubEvents: [],
      },
    },
  };
}

/** The file's exact text, formatted as Prettier leaves JSON, so a fresh build leaves git clean. */
export function webhooksHsmetaText(): string {
  return `${JSON.stringify(webhooksHsmeta(), null, 2)}\n`;
}
