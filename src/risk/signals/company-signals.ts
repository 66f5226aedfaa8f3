/** A discrete risk event found in the window, dated, in plain words. */
export interface RiskEvent {
  kind:
    | 'champion_left'
    | 'champion_changed_role'
    | 'new_decision_maker'
    | 'competitor_language'
    | 'budget_language'
    | 'very_low_nps'
    | 'business_change';
  /** Day of the event (YYYY-MM-DD), when known. */
  on: string | null;
  /** Plain words for a CSM, e.g. "champion left on 2026-09-02". */
  text: string;
}

/** Why some of a company's data could not count (leakage guards and gaps). */
export interface SignalDiagnostics {
  /** Engagements dated on or after the scoring date: ignored. */
  futureDatedIgnored: number;
  /** Engagements tied to a renewal deal: ignored (they follow from renewing). */
  renewalDealIgnored: number;
  /** The same engagement id seen again: counted once. */
  duplicatesIgnored: number;
  /** Engagements without a valid timestamp: ignored. */
  undatedIgnored: number;
  /** Data gaps in plain words, e.g. "no usage data"; the signal is neutral. */
  missing: string[];
}

/** Signals of one company in the window ending at the scoring date. Null means "no data" (neutral). */
export interface CompanySignals {
  companyId: string;
  scoringDate: string;
  contactsEngaged: number;
  meetingsCompleted: number;
  meetingsCancelled: number;
  meetingsNoShow: number;
  emailsInbound: number;
  emailsOutbound: number;
  calls: number;
  ticketsOpened: number;
  longOpenTickets: number;
  /** Active users, or active users ÷ seats when seats are configured. */
  usage: number | null;
  /** log2(usage now ÷ usage `trendLookbackDays` earlier). */
  usageTrend: number | null;
  nps: number | null;
  npsTrend: number | null;
  csat: number | null;
  csatTrend: number | null;
  /** Days since the champion was last in an engagement (capped at the window); null without a champion. */
  daysSinceChampionEngaged: number | null;
  events: RiskEvent[];
  diagnostics: SignalDiagnostics;
}
