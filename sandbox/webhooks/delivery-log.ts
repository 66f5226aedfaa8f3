import type { AttemptStatus } from './post-delivery';

export interface DeliveryLogEntry {
  /** The batch's id: every attempt of one batch shares it; a duplicate copy has its own. */
  id: number;
  attemptNumber: number;
  /** The HTTP status or why there was none; null when no request was made (dropped events). */
  status: AttemptStatus | null;
  events: number;
  eventIds: number[];
  /** When the attempt finished, ISO 8601. */
  at: string;
  outcome: 'delivered' | 'retrying' | 'failed' | 'dropped';
  duplicate: boolean;
}

export interface DeliverySummary {
  /** Events not yet sent: in the batch window, queued for a free slot, or waiting for a retry. */
  pending: number;
  /** Requests on the wire. */
  inFlight: number;
  /** The latest attempts, oldest first. */
  deliveries: DeliveryLogEntry[];
}

/** Keeps the latest entries only, so a long-running sandbox does not grow without bound. */
export class DeliveryLog {
  private readonly entries: DeliveryLogEntry[] = [];

  constructor(private readonly capacity = 1_000) {}

  record(entry: DeliveryLogEntry): void {
    this.entries.push(entry);
    if (this.entries.length > this.capacity) this.entries.splice(0, this.entries.length - this.capacity);
  }

  latest(): DeliveryLogEntry[] {
    return [...this.entries];
  }
}
