import type { ChangeActor } from './events.ts';

/**
 * The sandbox's bearer tokens. Each stands for an actor, and HubSpot records that actor as the
 * change source of every write made with it (property history and webhook events).
 */
export const APP_TOKEN = 'sandbox-app';
export const INTEGRATION_TOKEN = 'sandbox-integration';
export const IMPORT_TOKEN = 'sandbox-import';
export const WORKFLOW_TOKEN = 'sandbox-workflow';
/** `sandbox-ui-<ownerId>`: a person working in the CRM UI. */
export const UI_TOKEN_PREFIX = 'sandbox-ui-';

/** Renewal Guard's own app id in the sandbox: its writes say INTEGRATION, sourceId "1000". */
export const SANDBOX_APP_ID = 1000;
/** Another installed app's id. */
export const OTHER_APP_ID = 2000;

export const SANDBOX_TOKENS = [APP_TOKEN, INTEGRATION_TOKEN, IMPORT_TOKEN, WORKFLOW_TOKEN] as const;

export function uiToken(ownerId: string): string {
  return `${UI_TOKEN_PREFIX}${ownerId}`;
}

/** The actor a token stands for; `userIdOfOwner` resolves UI tokens. Undefined for unknown tokens. */
export function actorForToken(
  token: string,
  userIdOfOwner: (ownerId: string) => number | undefined,
): ChangeActor | undefined {
  switch (token) {
    case APP_TOKEN:
      return { changeSource: 'INTEGRATION', sourceId: String(SANDBOX_APP_ID), appId: SANDBOX_APP_ID };
    case INTEGRATION_TOKEN:
      return { changeSource: 'INTEGRATION', sourceId: String(OTHER_APP_ID), appId: OTHER_APP_ID };
    case IMPORT_TOKEN:
      return { changeSource: 'IMPORT' };
    case WORKFLOW_TOKEN:
      return { changeSource: 'AUTOMATION_PLATFORM' };
  }
  if (!token.startsWith(UI_TOKEN_PREFIX)) return undefined;
  const userId = userIdOfOwner(token.slice(UI_TOKEN_PREFIX.length));
  return userId === undefined ? undefined : { changeSource: 'CRM_UI', sourceId: `userId:${userId}` };
}
