import { OBJECT_TYPE_NAMES } from '../hubspot/object-types.ts';
import { DEFAULT_DEAL_PIPELINE, DEFAULT_TICKET_PIPELINE } from './default-pipelines.ts';
import type { SeedRecord } from './records.ts';
import { STANDARD_GROUPS, STANDARD_PROPERTIES } from './standard-properties.ts';

/** The portal's first user: every HubSpot portal has at least the super admin who opened it. */
export const PORTAL_ADMIN = {
  id: '10000001',
  userId: 5000001,
  email: 'admin@sandbox.example',
  firstName: 'Sandbox',
  lastName: 'Admin',
  role: 'revops',
  teams: [],
};

/**
 * What every new HubSpot portal has before anyone adds data: the standard properties and groups,
 * the default deal and ticket pipelines and the admin user. (HubSpot's own association types are
 * built into the store; they are not seed data.)
 */
export function* emptyPortal(): Iterable<SeedRecord> {
  yield { kind: 'owner', owner: PORTAL_ADMIN };
  for (const objectType of OBJECT_TYPE_NAMES) {
    for (const group of STANDARD_GROUPS[objectType]) yield { kind: 'propertyGroup', objectType, group };
    for (const property of STANDARD_PROPERTIES[objectType]) yield { kind: 'property', objectType, property };
  }
  yield { kind: 'pipeline', objectType: 'deals', pipeline: DEFAULT_DEAL_PIPELINE };
  yield { kind: 'pipeline', objectType: 'tickets', pipeline: DEFAULT_TICKET_PIPELINE };
}
