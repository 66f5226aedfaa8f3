import type { ChangeEvent, ChangeKind } from '#sandbox/events';
import { PLURAL_OBJECT_TYPE, type CrmObjectSubscription, type SubscriptionType } from './config';

/**
 * One event of a delivery, as HubSpot posts it for `object.*` subscriptions (developer platform
 * projects). From HubSpot's documentation as remembered, not re-read: the field set matches its
 * examples; `sourceId` is left out when the change has no source id; creation and deletion events
 * carry no `propertyName`/`propertyValue`; legacy `changeFlag` is not sent.
 */
export interface WebhookEvent {
  eventId: number;
  subscriptionId: number;
  portalId: number;
  appId: number;
  occurredAt: number;
  subscriptionType: SubscriptionType;
  attemptNumber: number;
  objectId: number;
  objectTypeId: string;
  propertyName?: string;
  propertyValue?: string;
  changeSource: string;
  sourceId?: string;
  isSensitive: boolean;
}

/** An event waiting to be sent: everything but the attempt number, which each attempt sets. */
export type PendingEvent = Omit<WebhookEvent, 'attemptNumber'>;

const SUBSCRIPTION_TYPE_OF: Record<ChangeKind, SubscriptionType> = {
  creation: 'object.creation',
  propertyChange: 'object.propertyChange',
  deletion: 'object.deletion',
};

/** The active subscription a change falls under, if any; property changes match by property name. */
export function matchingSubscription(
  change: ChangeEvent,
  subscriptions: readonly CrmObjectSubscription[],
): CrmObjectSubscription | undefined {
  const subscriptionType = SUBSCRIPTION_TYPE_OF[change.kind];
  return subscriptions.find(
    (s) =>
      s.active &&
      s.subscriptionType === subscriptionType &&
      PLURAL_OBJECT_TYPE[s.objectType] === change.objectType &&
      (subscriptionType !== 'object.propertyChange' || s.propertyName === change.propertyName),
  );
}

export function toPendingEvent(
  change: ChangeEvent,
  subscription: CrmObjectSubscription,
  ids: { eventId: number; appId: number },
): PendingEvent {
  const property =
    change.kind === 'propertyChange'
      ? // A cleared property is reported with an empty value.
        { propertyName: change.propertyName, propertyValue: change.propertyValue ?? '' }
      : {};
  const source = change.actor.sourceId === undefined ? {} : { sourceId: change.actor.sourceId };
  return {
    eventId: ids.eventId,
    subscriptionId: subscription.id,
    portalId: change.portalId,
    appId: ids.appId,
    occurredAt: change.occurredAt,
    subscriptionType: subscription.subscriptionType,
    objectId: Number(change.objectId),
    objectTypeId: change.objectTypeId,
    ...property,
    changeSource: change.actor.changeSource,
    ...source,
    isSensitive: false,
  };
}

/** The request body of one attempt: HubSpot stamps every event with the attempt's number. */
export function deliveryBody(events: readonly PendingEvent[], attemptNumber: number): string {
  return JSON.stringify(
    events.map(({ eventId, subscriptionId, portalId, appId, occurredAt, subscriptionType, ...rest }) => ({
      eventId,
      subscriptionId,
      portalId,
      appId,
      occurredAt,
      subscriptionType,
      attemptNumber,
      ...rest,
    })),
  );
}
