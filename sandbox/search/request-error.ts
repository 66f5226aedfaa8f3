/**
 * A search request HubSpot would reject with 400 VALIDATION_ERROR. The message names the bad field
 * (as a JSON path into the request), what was found and what is accepted. The wording is the
 * sandbox's own in HubSpot's manner; HubSpot's exact texts could not be checked.
 */
export class SearchRequestError extends Error {
  override readonly name = 'SearchRequestError';
}
