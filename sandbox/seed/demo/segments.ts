import type { DefaultSegmentId } from '#src/risk/tiers';

/**
 * How accounts of each ARR segment (src/risk/tiers.ts) behave. `sensitivity` says how strongly
 * account health shows in each signal: big accounts show it in who engages and how senior, small
 * ones in product usage and support. Numbers are logit / log-rate slopes per unit of health.
 */
export interface SegmentProfile {
  id: DefaultSegmentId;
  /** Share of the portal's companies: many C/D, few A/I. */
  share: number;
  arr: readonly [number, number];
  contacts: readonly [number, number];
  /** Emails, meetings, calls and notes in 180 days for an average-health account. */
  engagementsPer180Days: number;
  ticketsPer180Days: number;
  /** Logit of churn at a renewal for an average-health account (before risk events). */
  churnLogit: number;
  sensitivity: {
    inbound: number;
    meetings: number;
    breadth: number;
    exec: number;
    usage: number;
    tickets: number;
    sentiment: number;
  };
}

export const SEGMENT_PROFILES: readonly SegmentProfile[] = [
  {
    id: 'I',
    share: 0.05,
    arr: [100_000, 600_000],
    contacts: [20, 40],
    engagementsPer180Days: 230,
    ticketsPer180Days: 6,
    churnLogit: -4.9,
    sensitivity: {
      inbound: 0.35,
      meetings: 0.4,
      breadth: 0.8,
      exec: 0.9,
      usage: 0.15,
      tickets: 0.15,
      sentiment: 0.3,
    },
  },
  {
    id: 'A',
    share: 0.1,
    arr: [50_000, 100_000],
    contacts: [10, 25],
    engagementsPer180Days: 130,
    ticketsPer180Days: 5,
    churnLogit: -4.1,
    sensitivity: {
      inbound: 0.35,
      meetings: 0.4,
      breadth: 0.7,
      exec: 0.8,
      usage: 0.2,
      tickets: 0.2,
      sentiment: 0.3,
    },
  },
  {
    id: 'B',
    share: 0.2,
    arr: [20_000, 50_000],
    contacts: [6, 15],
    engagementsPer180Days: 75,
    ticketsPer180Days: 4,
    churnLogit: -3.35,
    sensitivity: {
      inbound: 0.35,
      meetings: 0.35,
      breadth: 0.45,
      exec: 0.4,
      usage: 0.35,
      tickets: 0.3,
      sentiment: 0.35,
    },
  },
  {
    id: 'C',
    share: 0.32,
    arr: [5_000, 20_000],
    contacts: [3, 8],
    engagementsPer180Days: 42,
    ticketsPer180Days: 4,
    churnLogit: -2.8,
    sensitivity: {
      inbound: 0.25,
      meetings: 0.2,
      breadth: 0.25,
      exec: 0.2,
      usage: 0.55,
      tickets: 0.5,
      sentiment: 0.45,
    },
  },
  {
    id: 'D',
    share: 0.33,
    arr: [1_200, 5_000],
    contacts: [2, 4],
    engagementsPer180Days: 16,
    ticketsPer180Days: 3,
    churnLogit: -2.1,
    sensitivity: {
      inbound: 0.2,
      meetings: 0.15,
      breadth: 0.15,
      exec: 0.1,
      usage: 0.75,
      tickets: 0.5,
      sentiment: 0.4,
    },
  },
];
