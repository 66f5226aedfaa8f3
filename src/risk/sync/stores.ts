import type { RiskModel } from '../model/risk-model';

/** A trained (or rules-based) model with what the summary says about it. */
export interface StoredRiskModel {
  model: RiskModel;
  trainedAt: string;
  /** Held-out AUC of the learned model on the portal's past renewals; null for rules or without history. */
  heldOutAuc: number | null;
  renewals: number;
  churned: number;
}

/**
 * Where the sync keeps the portal's model between runs: a delta sync scores with it instead of
 * re-reading the whole history. DynamoDB in the backend, a JSON file for the CLI.
 */
export interface ModelStore {
  load(): Promise<StoredRiskModel | null>;
  save(model: StoredRiskModel): Promise<void>;
}

/** Where the last sync started: a delta sync looks for changes after it. */
export interface SyncCursor {
  /** ISO datetime the last completed run started at. */
  startedAt: string;
  mode: 'full' | 'delta';
}

export interface SyncCursorStore {
  read(): Promise<SyncCursor | null>;
  write(cursor: SyncCursor): Promise<void>;
}
