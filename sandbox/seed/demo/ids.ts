/** Numeric string ids, unique within each object type, handed out in yield order like HubSpot's. */
export class ObjectIds {
  private readonly next = new Map<string, number>();

  /** `base` keeps types apart in logs (a company id never looks like a deal id) at no cost. */
  constructor(private readonly bases: Readonly<Record<string, number>>) {}

  take(objectType: string): string {
    const n = this.next.get(objectType) ?? this.bases[objectType] ?? 1;
    this.next.set(objectType, n + 1);
    return String(n);
  }
}

export const DEMO_ID_BASES: Readonly<Record<string, number>> = {
  companies: 10_000_001,
  contacts: 20_000_001,
  deals: 30_000_001,
  emails: 40_000_001,
  meetings: 50_000_001,
  calls: 60_000_001,
  notes: 70_000_001,
  tickets: 80_000_001,
};
