import type { RiskSettings } from '../settings';
import { toMillis, type CompanyActivity, type Engagement } from './activity';
import type { CompanySignals, RiskEvent, SignalDiagnostics } from './company-signals';
import { entriesBetween, numberAt, valueAt } from './property-history';
import { phraseMatcher } from './phrases';
import { DAY_MS, isoDay, scoringWindow, type ScoringWindow } from './window';

/**
 * The signals of one company in the window ending at the scoring date (DESIGN.md §4).
 * Leakage guards: only activity dated before the scoring date counts; engagements tied to a
 * renewal deal are left out; an engagement id seen twice counts once. Each is counted in
 * `diagnostics`. Missing usage, NPS or CSAT data gives null (neutral) and a line in `missing`.
 */
export function computeSignals(
  activity: CompanyActivity,
  scoringDate: Date,
  settings: RiskSettings,
): CompanySignals {
  const window = scoringWindow(scoringDate, settings.windowDays);
  const diagnostics: SignalDiagnostics = {
    futureDatedIgnored: 0,
    renewalDealIgnored: 0,
    duplicatesIgnored: 0,
    undatedIgnored: 0,
    missing: [],
  };
  const engagements = usableEngagements(activity, window, diagnostics);
  const inWindow = engagements.filter((e) => e.time >= window.start);
  const events: RiskEvent[] = [];

  const contacts = new Set<string>();
  let meetingsCompleted = 0;
  let meetingsCancelled = 0;
  let meetingsNoShow = 0;
  let emailsInbound = 0;
  let emailsOutbound = 0;
  let calls = 0;
  let ticketsOpened = 0;
  for (const { engagement } of inWindow) {
    // Notes are our own writing and tickets are support load: neither shows the customer engaging.
    const engaging =
      engagement.type === 'email' || engagement.type === 'call' || meetingOutcome(engagement) === 'completed';
    if (engaging) for (const id of engagement.contactIds ?? []) contacts.add(id);
    if (engagement.type === 'meeting') {
      const outcome = meetingOutcome(engagement);
      if (outcome === 'completed') meetingsCompleted++;
      else if (outcome === 'cancelled') meetingsCancelled++;
      else if (outcome === 'no_show') meetingsNoShow++;
    } else if (engagement.type === 'email') {
      if (emailDirection(engagement) === 'inbound') emailsInbound++;
      else emailsOutbound++;
    } else if (engagement.type === 'call') calls++;
    else if (engagement.type === 'ticket') ticketsOpened++;
  }

  const longOpenBefore = window.end - settings.longOpenTicketDays * DAY_MS;
  const longOpenTickets = engagements.filter(({ engagement, time }) => {
    if (engagement.type !== 'ticket' || time >= longOpenBefore) return false;
    const closedAt = engagement.closedAt == null ? Number.NaN : toMillis(engagement.closedAt);
    return !(closedAt < window.end);
  }).length;

  const { properties, propertyHistory = {} } = activity;
  const trendFrom = window.end - settings.trendLookbackDays * DAY_MS;
  const measure = (property: string | undefined) =>
    property
      ? {
          now: numberAt(propertyHistory[property], properties[property], window.end),
          before: propertyHistory[property]?.length
            ? numberAt(propertyHistory[property], null, trendFrom)
            : null,
        }
      : { now: null, before: null };

  const active = measure(settings.properties.activeUsers);
  const seats = measure(settings.properties.seats);
  const usageOf = (users: number | null, seatCount: number | null): number | null => {
    if (users === null) return null;
    if (!settings.properties.seats) return users;
    return seatCount !== null && seatCount > 0 ? users / seatCount : null;
  };
  const usage = usageOf(active.now, seats.now);
  const usageBefore = usageOf(active.before, seats.before ?? seats.now);
  // A trend from or to zero has no finite ratio: ±3 doublings is the cap engagement ratios use too.
  const usageTrend =
    usage === null || usageBefore === null
      ? null
      : usageBefore === 0 && usage === 0
        ? 0
        : Math.max(-3, Math.min(3, Math.log2((usage + 1e-9) / (usageBefore + 1e-9))));
  if (usage === null) diagnostics.missing.push('no usage data');

  const nps = measure(settings.properties.nps);
  const csat = measure(settings.properties.csat);
  if (nps.now === null) diagnostics.missing.push('no NPS');
  if (csat.now === null) diagnostics.missing.push('no CSAT');
  if (nps.now !== null && nps.now <= settings.veryLowNpsAtMost) {
    events.push({ kind: 'very_low_nps', on: null, text: `very low NPS (${nps.now})` });
  }

  const championDays = championSignals(activity, engagements, window, events, diagnostics);
  languageEvents(inWindow, settings, events);
  newDecisionMaker(activity, window, settings, events);
  businessChange(activity, settings, window, events);

  return {
    companyId: activity.companyId,
    scoringDate: new Date(window.end).toISOString(),
    contactsEngaged: contacts.size,
    meetingsCompleted,
    meetingsCancelled,
    meetingsNoShow,
    emailsInbound,
    emailsOutbound,
    calls,
    ticketsOpened,
    longOpenTickets,
    usage,
    usageTrend,
    nps: nps.now,
    npsTrend: nps.now !== null && nps.before !== null ? nps.now - nps.before : null,
    csat: csat.now,
    csatTrend: csat.now !== null && csat.before !== null ? csat.now - csat.before : null,
    daysSinceChampionEngaged: championDays,
    events,
    diagnostics,
  };
}

interface DatedEngagement {
  engagement: Engagement;
  time: number;
}

/** Engagements dated before the scoring date, once each, not tied to a renewal deal. */
function usableEngagements(
  activity: CompanyActivity,
  window: ScoringWindow,
  diagnostics: SignalDiagnostics,
): DatedEngagement[] {
  const renewalDeals = new Set(activity.renewalDealIds ?? []);
  const seen = new Set<string>();
  const usable: DatedEngagement[] = [];
  for (const engagement of activity.engagements) {
    const key = `${engagement.type}:${engagement.id}`;
    if (seen.has(key)) {
      diagnostics.duplicatesIgnored++;
      continue;
    }
    seen.add(key);
    const time = toMillis(engagement.timestamp);
    if (!Number.isFinite(time)) diagnostics.undatedIgnored++;
    else if (time >= window.end) diagnostics.futureDatedIgnored++;
    else if (engagement.dealIds?.some((id) => renewalDeals.has(id))) diagnostics.renewalDealIgnored++;
    else usable.push({ engagement, time });
  }
  return usable;
}

type MeetingOutcome = 'completed' | 'cancelled' | 'no_show' | 'other';

function meetingOutcome(engagement: Engagement): MeetingOutcome | null {
  if (engagement.type !== 'meeting') return null;
  const outcome = (engagement.outcome ?? '').toLowerCase().replace(/[\s-]/g, '_');
  // Most meetings logged from calendars never get an outcome: one that started before the scoring date happened.
  if (outcome === '' || outcome === 'completed') return 'completed';
  if (outcome === 'canceled' || outcome === 'cancelled') return 'cancelled';
  if (outcome === 'no_show' || outcome === 'noshow') return 'no_show';
  return 'other';
}

function emailDirection(engagement: Engagement): 'inbound' | 'outbound' {
  const direction = (engagement.direction ?? '').toUpperCase();
  return direction === 'INBOUND' || direction === 'INCOMING_EMAIL' ? 'inbound' : 'outbound';
}

function championSignals(
  activity: CompanyActivity,
  engagements: DatedEngagement[],
  window: ScoringWindow,
  events: RiskEvent[],
  diagnostics: SignalDiagnostics,
): number | null {
  const champion = activity.champion;
  if (!champion) {
    diagnostics.missing.push('no champion on record');
    return null;
  }
  // The flag's history dates the departure: the start of its latest run of "true" before the scoring date.
  const flags = entriesBetween(champion.leftCompanyHistory, Number.NEGATIVE_INFINITY, window.end);
  if (flags.length > 0 && isTrue(flags.at(-1)?.value ?? null)) {
    let first = flags.length - 1;
    while (first > 0 && isTrue(flags[first - 1]?.value ?? null)) first--;
    const on = isoDay(flags[first]?.time ?? window.end);
    events.push({ kind: 'champion_left', on, text: `champion left on ${on}` });
  }
  const titles = entriesBetween(champion.jobtitleHistory, Number.NEGATIVE_INFINITY, window.end);
  const change = titles.findLast(
    (entry, i) => i > 0 && entry.time >= window.start && (entry.value ?? '') !== (titles[i - 1]?.value ?? ''),
  );
  if (change) {
    events.push({
      kind: 'champion_changed_role',
      on: isoDay(change.time),
      text: `champion changed role to "${change.value ?? 'no title'}" on ${isoDay(change.time)}`,
    });
  }
  let last = Number.NEGATIVE_INFINITY;
  for (const { engagement, time } of engagements) {
    if (engagement.type !== 'note' && engagement.contactIds?.includes(champion.contactId))
      last = Math.max(last, time);
  }
  // Not engaged in the whole window counts as the full window: older contact says no more.
  return Math.min(window.days, Math.floor((window.end - last) / DAY_MS));
}

const isTrue = (value: string | null): boolean =>
  value !== null && ['true', '1', 'yes'].includes(value.toLowerCase());

function languageEvents(inWindow: DatedEngagement[], settings: RiskSettings, events: RiskEvent[]): void {
  const lists = [
    {
      kind: 'competitor_language' as const,
      matcher: phraseMatcher(settings.phrases.competitor),
      label: 'competitor language',
    },
    {
      kind: 'budget_language' as const,
      matcher: phraseMatcher(settings.phrases.budget),
      label: 'budget language',
    },
  ];
  const sorted = [...inWindow].sort((a, b) => b.time - a.time);
  for (const { kind, matcher, label } of lists) {
    for (const { engagement, time } of sorted) {
      const text = searchableText(engagement);
      const phrase = text ? matcher.firstMatch(text) : null;
      if (phrase) {
        events.push({
          kind,
          on: isoDay(time),
          text: `${label} ("${phrase}") in ${engagement.type === 'email' ? 'an' : 'a'} ${engagement.type} on ${isoDay(time)}`,
        });
        break;
      }
    }
  }
}

/** Notes, email subjects and tickets (DESIGN.md §4); email bodies carry quoted threads and signatures. */
function searchableText(engagement: Engagement): string | null {
  if (engagement.type === 'note') return engagement.body ?? null;
  if (engagement.type === 'email') return engagement.subject ?? null;
  if (engagement.type === 'ticket') return `${engagement.subject ?? ''}\n${engagement.body ?? ''}`;
  return null;
}

function newDecisionMaker(
  activity: CompanyActivity,
  window: ScoringWindow,
  settings: RiskSettings,
  events: RiskEvent[],
): void {
  const titles = phraseMatcher(settings.phrases.decisionMakerTitles);
  const newcomer = (activity.contacts ?? [])
    .map((contact) => ({ contact, time: toMillis(contact.createdAt) }))
    .filter(
      ({ contact, time }) =>
        time >= window.start && time < window.end && contact.id !== activity.champion?.contactId,
    )
    .sort((a, b) => b.time - a.time)
    .find(({ contact }) => contact.jobtitle && titles.firstMatch(contact.jobtitle));
  if (newcomer) {
    events.push({
      kind: 'new_decision_maker',
      on: isoDay(newcomer.time),
      text: `new decision maker (${newcomer.contact.jobtitle}) added on ${isoDay(newcomer.time)}`,
    });
  }
}

function businessChange(
  activity: CompanyActivity,
  settings: RiskSettings,
  window: ScoringWindow,
  events: RiskEvent[],
): void {
  const property = settings.properties.businessChange;
  const history = activity.propertyHistory?.[property];
  const value = valueAt(history, activity.properties[property], window.end);
  if (!value || value === 'none' || value === 'false') return;
  const since = entriesBetween(history, Number.NEGATIVE_INFINITY, window.end).at(-1);
  const on = since ? isoDay(since.time) : null;
  events.push({
    kind: 'business_change',
    on,
    text: `business change: ${value.replace(/_/g, ' ')}${on ? ` since ${on}` : ''}`,
  });
}
