/**
 * Where the backend lives, as HubSpot sees it. Defined once: the app's permittedUrls, the webhook
 * target, the local proxy and the card's requests all derive from these names.
 *
 * The backend's base URL is not in the repository: it is the HubSpot config-profile variable
 * BACKEND_BASE_URL (hubspot-app/hsprofile.<profile>.json), which `hs project upload --profile`
 * substitutes into the *-hsmeta.json files and which HubSpot hands to cards as `context.variables`.
 */
export const BACKEND_URL_VARIABLE = 'BACKEND_BASE_URL';

/** How hsmeta files reference the variable; HubSpot interpolates `${NAME}` at upload. */
export const BACKEND_URL_REFERENCE = `\${${BACKEND_URL_VARIABLE}}`;

/** The card API is served under this path on the backend (Lambda `card-api`, locally the backend's /api). */
export const CARD_API_PATH = '/api';

/** HubSpot posts webhook batches here (Lambda `webhooks`). */
export const WEBHOOK_PATH = '/webhooks/hubspot';

/**
 * The base URL of the `local` profile. `.invalid` never resolves (RFC 2606), so a request to it can only
 * succeed through hubspot-app/app/local.json, which `hs project dev` uses to proxy it to the local backend.
 */
export const LOCAL_BACKEND_URL = 'https://renewal-guard-backend.invalid';

/** The local backend (DESIGN.md §8: port 4020). local.json proxies origins only, so paths stay as they are. */
export const LOCAL_BACKEND_TARGET = 'http://localhost:4020';
