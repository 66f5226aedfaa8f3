import { hubspot } from '@hubspot/ui-extensions';
import type {
  CardApiErrorBody,
  HandoverFields,
  HandoverView,
  OverrideGateResponse,
  RecordReviewResponse,
  SaveHandoverRejection,
} from '#src/handover/card-contract';
import type { HandoverFinding } from '#src/handover/findings';
import { CARD_API_PATH } from '#src/project/backend';

/** A refused or failed card API request, with the backend's own message. */
export class CardApiError extends Error {
  constructor(
    readonly status: number,
    message: string,
    /** Per-field findings of a 400 on save. */
    readonly findings: HandoverFinding[] = [],
  ) {
    super(message);
    this.name = 'CardApiError';
  }
}

/** HubSpot caps hubspot.fetch at 15 s; the card API answers well within that or not at all. */
const TIMEOUT_MS = 15_000;

type Method = 'GET' | 'PUT' | 'POST';

async function errorFrom(response: Response): Promise<CardApiError> {
  const body = (await response.json().catch(() => null)) as Partial<
    CardApiErrorBody & SaveHandoverRejection
  > | null;
  const message =
    typeof body?.message === 'string' ? body.message : `The backend answered ${response.status}.`;
  return new CardApiError(response.status, message, Array.isArray(body?.findings) ? body.findings : []);
}

/** The deal card's calls to `{backend}/api` (src/handover/card-contract.ts), one function each. */
export function handoverApi(backendUrl: string, dealId: string) {
  const base = `${backendUrl}${CARD_API_PATH}/deals/${encodeURIComponent(dealId)}`;

  async function call<T>(method: Method, path: string, body?: object): Promise<T> {
    let response: Response;
    try {
      response = await hubspot.fetch(`${base}${path}`, {
        method,
        timeout: TIMEOUT_MS,
        ...(body ? { body: { ...body } } : {}),
      });
    } catch (error) {
      const reason = error instanceof Error ? error.message : String(error);
      throw new CardApiError(0, `Renewal Guard could not be reached (${reason}).`);
    }
    if (!response.ok) throw await errorFrom(response);
    return (await response.json()) as T;
  }

  return {
    load: () => call<HandoverView>('GET', '/handover'),
    save: (fields: HandoverFields) => call<HandoverView>('PUT', '/handover', fields),
    recordReview: (csmOwnerId: string) =>
      call<RecordReviewResponse>('POST', '/handover/review', { csmOwnerId }),
    overrideGate: (reason: string) => call<OverrideGateResponse>('POST', '/gate/override', { reason }),
  };
}

export type HandoverApi = ReturnType<typeof handoverApi>;

/** What to tell the user about a failed request, in plain words. */
export function describeFailure(error: unknown): string {
  if (!(error instanceof CardApiError)) return error instanceof Error ? error.message : String(error);
  switch (error.status) {
    case 0:
      return error.message;
    case 403:
      return `You do not have permission to do this. ${error.message}`;
    case 404:
      return `Renewal Guard does not know this deal. ${error.message}`;
    case 429:
      return 'HubSpot is receiving too many requests from Renewal Guard right now. Wait a moment and try again.';
    default:
      return error.status >= 500 ? `Renewal Guard failed to answer. ${error.message}` : error.message;
  }
}
