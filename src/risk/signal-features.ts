import type { FeatureSpec } from './model/features';
import type { RiskSettings } from './settings';
import type { CompanySignals, RiskEvent } from './signals/company-signals';

/**
 * The features the portal's scoring derives from `CompanySignals`, with the rules-based default
 * weights every learned model must beat. Weights are churn log-odds per unit of the feature's x
 * (engagement: per halving/doubling vs the segment's renewing accounts; number: per standard
 * deviation; flag: when the event happened). Negative weights mean "more of it, less risk".
 * The sizes follow common health-score practice: usage and two-way engagement weigh most among
 * the continuous signals; a champion leaving and competitor talk are the strongest events.
 * The five engagement features move together, so their weights are split: together −0.58 per
 * halving, so an account with no engagement at all (floored at ⅛ of its peers) adds ≈ 1.7.
 */
export const SIGNAL_FEATURES: readonly FeatureSpec[] = [
  {
    name: 'contactsEngaged',
    kind: 'engagement',
    label: 'contacts engaged',
    group: 'engagement',
    defaultWeight: -0.15,
  },
  {
    name: 'meetingsCompleted',
    kind: 'engagement',
    label: 'meetings',
    group: 'engagement',
    defaultWeight: -0.2,
  },
  {
    name: 'emailsInbound',
    kind: 'engagement',
    label: 'emails from the customer',
    group: 'engagement',
    defaultWeight: -0.15,
  },
  // Our own outreach says little on its own: a silent customer can receive many emails.
  {
    name: 'emailsOutbound',
    kind: 'engagement',
    label: 'emails to the customer',
    group: 'engagement',
    defaultWeight: -0.03,
  },
  { name: 'calls', kind: 'engagement', label: 'calls', group: 'engagement', defaultWeight: -0.05 },
  {
    name: 'meetingsMissed',
    kind: 'number',
    label: 'cancelled or missed meetings',
    group: 'meeting follow-through',
    defaultWeight: 0.2,
    defaultCenter: 0,
    defaultScale: 1,
  },
  { name: 'usage', kind: 'engagement', label: 'product usage', group: 'usage', defaultWeight: -0.45 },
  {
    name: 'usageTrend',
    kind: 'number',
    label: 'usage trend (log2 change over the trend period)',
    group: 'usage',
    defaultWeight: -0.35,
    defaultCenter: 0,
    defaultScale: 0.5,
  },
  // Tickets track size and adoption as much as pain: a light weight; long-open ones weigh more.
  {
    name: 'ticketsOpened',
    kind: 'engagement',
    label: 'tickets opened',
    group: 'support',
    defaultWeight: 0.05,
  },
  {
    name: 'longOpenTickets',
    kind: 'number',
    label: 'long-open tickets',
    group: 'support',
    defaultWeight: 0.3,
    defaultCenter: 0,
    defaultScale: 1,
  },
  {
    name: 'nps',
    kind: 'number',
    label: 'NPS',
    group: 'sentiment',
    defaultWeight: -0.4,
    defaultCenter: 8,
    defaultScale: 2,
  },
  {
    name: 'npsTrend',
    kind: 'number',
    label: 'NPS change',
    group: 'sentiment',
    defaultWeight: -0.2,
    defaultCenter: 0,
    defaultScale: 2,
  },
  // CSAT scales differ by portal (1–5, 0–100): without history its baseline comes from the portal's accounts.
  {
    name: 'csat',
    kind: 'number',
    label: 'CSAT',
    group: 'sentiment',
    defaultWeight: -0.25,
    defaultCenter: 0,
    defaultScale: 1,
  },
  {
    name: 'csatTrend',
    kind: 'number',
    label: 'CSAT change',
    group: 'sentiment',
    defaultWeight: -0.15,
    defaultCenter: 0,
    defaultScale: 1,
  },
  {
    name: 'daysSinceChampionEngaged',
    kind: 'number',
    label: 'days since the champion was engaged',
    group: 'relationship',
    defaultWeight: 0.3,
    defaultCenter: 30,
    defaultScale: 45,
  },
  { name: 'championLeft', kind: 'flag', label: 'champion left', group: 'champion left', defaultWeight: 1.2 },
  {
    name: 'championChangedRole',
    kind: 'flag',
    label: 'champion changed role',
    group: 'relationship',
    defaultWeight: 0.5,
  },
  {
    name: 'newDecisionMaker',
    kind: 'flag',
    label: 'new decision maker',
    group: 'relationship',
    defaultWeight: 0.3,
  },
  {
    name: 'competitorLanguage',
    kind: 'flag',
    label: 'competitor language',
    group: 'competition',
    defaultWeight: 0.9,
  },
  { name: 'budgetLanguage', kind: 'flag', label: 'budget language', group: 'budget', defaultWeight: 0.7 },
  { name: 'veryLowNps', kind: 'flag', label: 'very low NPS', group: 'sentiment', defaultWeight: 0.8 },
  {
    name: 'businessChange',
    kind: 'flag',
    label: 'business change',
    group: 'business change',
    defaultWeight: 0.6,
  },
];

export const SIGNAL_FEATURE_NAMES: readonly string[] = SIGNAL_FEATURES.map((f) => f.name);

const EVENT_FEATURE: Record<RiskEvent['kind'], string> = {
  champion_left: 'championLeft',
  champion_changed_role: 'championChangedRole',
  new_decision_maker: 'newDecisionMaker',
  competitor_language: 'competitorLanguage',
  budget_language: 'budgetLanguage',
  very_low_nps: 'veryLowNps',
  business_change: 'businessChange',
};

/** The raw feature values of one company, in SIGNAL_FEATURES order (NaN = no data). */
export function signalFeatureValues(signals: CompanySignals, into?: Float64Array): Float64Array {
  const values = into ?? new Float64Array(SIGNAL_FEATURES.length);
  const events = new Set(signals.events.map((e) => EVENT_FEATURE[e.kind]));
  const orNaN = (v: number | null): number => (v === null ? Number.NaN : v);
  const byName: Record<string, number> = {
    contactsEngaged: signals.contactsEngaged,
    meetingsCompleted: signals.meetingsCompleted,
    emailsInbound: signals.emailsInbound,
    emailsOutbound: signals.emailsOutbound,
    calls: signals.calls,
    meetingsMissed: signals.meetingsCancelled + signals.meetingsNoShow,
    usage: orNaN(signals.usage),
    usageTrend: orNaN(signals.usageTrend),
    ticketsOpened: signals.ticketsOpened,
    longOpenTickets: signals.longOpenTickets,
    nps: orNaN(signals.nps),
    npsTrend: orNaN(signals.npsTrend),
    csat: orNaN(signals.csat),
    csatTrend: orNaN(signals.csatTrend),
    daysSinceChampionEngaged: orNaN(signals.daysSinceChampionEngaged),
  };
  SIGNAL_FEATURES.forEach((feature, j) => {
    values[j] =
      feature.kind === 'flag' ? (events.has(feature.name) ? 1 : 0) : (byName[feature.name] ?? Number.NaN);
  });
  return values;
}

/** Plain-words details of the flags that fired, for reasons ("champion left on 2026-09-02"). */
export function signalEventTexts(signals: CompanySignals): Record<string, string> {
  const texts: Record<string, string> = {};
  for (const event of signals.events) texts[EVENT_FEATURE[event.kind]] ??= event.text;
  return texts;
}

/** The signal features with the portal's weight overrides applied. */
export function signalFeatures(settings: Pick<RiskSettings, 'weights'>): FeatureSpec[] {
  return SIGNAL_FEATURES.map((f) => ({ ...f, defaultWeight: settings.weights[f.name] ?? f.defaultWeight }));
}
