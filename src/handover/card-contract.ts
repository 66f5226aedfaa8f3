/**
 * The card API between the deal card (cards/handover) and the backend's `card-api` function, under
 * `{backend}/api`. Types only: both sides import this one definition.
 */
import type { GatePolicy, GateStatus, HandoverProperty } from './fields';
import type { HandoverFinding, HandoverSummary } from './findings';

/** The five fields keyed by deal property; null means not filled. Dates are `YYYY-MM-DD`. */
export type HandoverFields = Record<HandoverProperty, string | null>;

export interface CardContact {
  id: string;
  name: string;
  email: string | null;
}

export interface CardOwner {
  id: string;
  name: string;
}

/** `GET /deals/{dealId}/handover`, and the answer to a successful `PUT`. */
export interface HandoverView {
  dealId: string;
  fields: HandoverFields;
  findings: HandoverFinding[];
  summary: HandoverSummary;
  deal: {
    name: string;
    stage: string;
    stageLabel: string;
    pipelineId: string;
    createdAt: string;
    closeDate: string | null;
    inWonStage: boolean;
  };
  gate: {
    status: GateStatus | null;
    policy: GatePolicy;
    checkedAt: string | null;
    overrideReason: string | null;
    /** What the viewer should do next, in plain words. */
    nextStep: string;
  };
  /** The contacts associated with the deal: the champion is chosen among them. */
  contacts: CardContact[];
  /** Who may receive the deal as CSM owner. */
  csmOwners: CardOwner[];
  review: { reviewedAt: string | null; csmOwnerId: string | null };
  viewer: { userId: number; canOverride: boolean };
}

/** `PUT /deals/{dealId}/handover` body. */
export type SaveHandoverRequest = HandoverFields;

/** `PUT` 400 when the structure is invalid: each finding names its field. */
export interface SaveHandoverRejection {
  message: string;
  findings: HandoverFinding[];
}

/** `POST /deals/{dealId}/handover/review`: the warm AE→CSM handover happened. */
export interface RecordReviewRequest {
  csmOwnerId: string;
}
export interface RecordReviewResponse {
  reviewedAt: string;
  csmOwnerId: string;
}

/** `POST /deals/{dealId}/gate/override`: RevOps only; the reason is at least 20 characters. */
export interface OverrideGateRequest {
  reason: string;
}
export interface OverrideGateResponse {
  status: 'overridden';
  reason: string;
}

/** Any other 4xx/5xx: 403 names the missing permission. */
export interface CardApiErrorBody {
  message: string;
}
