import { readdirSync, readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { HANDOVER_PROPERTIES } from '#src/handover/fields';

export interface CrmObjectSubscription {
  subscriptionType: 'object.creation' | 'object.propertyChange';
  objectType: 'deal';
  propertyName?: string;
  active: boolean;
}

const WEBHOOKS_DIR = fileURLToPath(new URL('../hubspot-app/app/webhooks/', import.meta.url));

/** What the gate needs when the HubSpot project does not (yet) declare its webhooks. */
export const BUILT_IN_SUBSCRIPTIONS: readonly CrmObjectSubscription[] = [
  { subscriptionType: 'object.creation', objectType: 'deal', active: true },
  ...['dealstage', ...HANDOVER_PROPERTIES].map((propertyName): CrmObjectSubscription => ({
    subscriptionType: 'object.propertyChange',
    objectType: 'deal',
    propertyName,
    active: true,
  })),
];

/**
 * The subscriptions `hs project upload` would register: `crmObjects` of the one webhooks
 * `*-hsmeta.json` under hubspot-app/app/webhooks/. Falls back to the built-in list when absent.
 */
export function projectWebhookSubscriptions(dir = WEBHOOKS_DIR): {
  subscriptions: unknown[];
  source: string;
} {
  let files: string[] = [];
  try {
    files = readdirSync(dir).filter((name) => name.endsWith('-hsmeta.json'));
  } catch {
    // No webhooks folder: use the built-in list.
  }
  const file = files[0];
  if (file === undefined) return { subscriptions: [...BUILT_IN_SUBSCRIPTIONS], source: 'built-in list' };
  const meta = JSON.parse(readFileSync(`${dir}${file}`, 'utf8')) as {
    config?: { subscriptions?: { crmObjects?: unknown[] } };
  };
  const subscriptions = meta.config?.subscriptions?.crmObjects;
  if (!Array.isArray(subscriptions))
    throw new Error(`${file}: config.subscriptions.crmObjects is not a list`);
  return { subscriptions, source: `hubspot-app/app/webhooks/${file}` };
}
