import { describe, expect, it } from 'vitest';
import type { CompanyActivity, Engagement } from '#src/risk/signals/activity';
import { computeSignals } from '#src/risk/signals/compute-signals';
import { parseRiskSettings } from '#src/risk/settings';

const scoringDate = new Date('2026-06-01T00:00:00Z');
const settings = parseRiskSettings({
  properties: { activeUsers: 'weekly_active_users', seats: 'seats', nps: 'nps', csat: 'csat' },
});
const daysBefore = (days: number) => new Date(scoringDate.getTime() - days * 86_400_000).toISOString();

const company = (engagements: Engagement[], extra: Partial<CompanyActivity> = {}): CompanyActivity => ({
  companyId: 'co-1',
  properties: {},
  engagements,
  ...extra,
});
const email = (id: string, days: number, direction: string, more: Partial<Engagement> = {}): Engagement => ({
  id,
  type: 'email',
  timestamp: daysBefore(days),
  direction,
  contactIds: ['c1'],
  ...more,
});

describe('engagement signals in the 180-day window', () => {
  it('counts inbound and outbound emails, calls and distinct contacts engaged', () => {
    const signals = computeSignals(
      company([
        email('e1', 10, 'INCOMING_EMAIL', { contactIds: ['c1', 'c2'] }),
        email('e2', 20, 'EMAIL', { contactIds: ['c2'] }),
        email('e3', 30, 'inbound', { contactIds: ['c3', 'c3'] }),
        { id: 'k1', type: 'call', timestamp: daysBefore(5), contactIds: ['c4'] },
        { id: 'n1', type: 'note', timestamp: daysBefore(5), contactIds: ['c9'] },
      ]),
      scoringDate,
      settings,
    );
    expect(signals).toMatchObject({ emailsInbound: 2, emailsOutbound: 1, calls: 1, contactsEngaged: 4 });
  });

  it('leaves out activity older than the window', () => {
    const signals = computeSignals(
      company([email('old', 181, 'INCOMING_EMAIL'), email('in', 179, 'INCOMING_EMAIL')]),
      scoringDate,
      settings,
    );
    expect(signals.emailsInbound).toBe(1);
  });

  it('counts completed meetings (a past meeting without outcome happened) apart from cancelled and no-show ones', () => {
    const meeting = (id: string, outcome: string | null): Engagement => ({
      id,
      type: 'meeting',
      timestamp: daysBefore(15),
      outcome,
      contactIds: ['c1'],
    });
    const signals = computeSignals(
      company([
        meeting('m1', 'COMPLETED'),
        meeting('m2', null),
        meeting('m3', 'CANCELED'),
        meeting('m4', 'NO_SHOW'),
        meeting('m5', 'RESCHEDULED'),
      ]),
      scoringDate,
      settings,
    );
    expect(signals).toMatchObject({ meetingsCompleted: 2, meetingsCancelled: 1, meetingsNoShow: 1 });
  });

  it('counts tickets opened in the window and open tickets older than 30 days, closed ones excluded', () => {
    const ticket = (id: string, days: number, closedDaysBefore: number | null): Engagement => ({
      id,
      type: 'ticket',
      timestamp: daysBefore(days),
      closedAt: closedDaysBefore === null ? null : daysBefore(closedDaysBefore),
    });
    const signals = computeSignals(
      company([
        ticket('t1', 10, null),
        ticket('t2', 40, null),
        ticket('t3', 50, 45),
        ticket('t4', 400, null),
        ticket('t5', 60, -5),
      ]),
      scoringDate,
      settings,
    );
    // t5 closed only after the scoring date: it was still open then.
    expect(signals.ticketsOpened).toBe(4);
    expect(signals.longOpenTickets).toBe(3);
  });
});

describe('no leakage', () => {
  it('ignores future-dated activity and counts it in the diagnostics', () => {
    const signals = computeSignals(
      company([email('past', 3, 'INCOMING_EMAIL'), email('future', -3, 'INCOMING_EMAIL')]),
      scoringDate,
      settings,
    );
    expect(signals.emailsInbound).toBe(1);
    expect(signals.diagnostics.futureDatedIgnored).toBe(1);
  });

  it('leaves out engagements tied to the renewal deal itself', () => {
    const signals = computeSignals(
      company(
        [
          email('e1', 3, 'INCOMING_EMAIL', { dealIds: ['renewal-9'] }),
          email('e2', 4, 'INCOMING_EMAIL', { dealIds: ['other'] }),
        ],
        {
          renewalDealIds: ['renewal-9'],
        },
      ),
      scoringDate,
      settings,
    );
    expect(signals.emailsInbound).toBe(1);
    expect(signals.diagnostics.renewalDealIgnored).toBe(1);
  });

  it('counts an engagement associated twice only once', () => {
    const twice = email('e1', 3, 'INCOMING_EMAIL');
    const signals = computeSignals(company([twice, twice]), scoringDate, settings);
    expect(signals.emailsInbound).toBe(1);
    expect(signals.diagnostics.duplicatesIgnored).toBe(1);
  });

  it('reads property values as they stood before the scoring date', () => {
    const signals = computeSignals(
      company([], {
        properties: { nps: '2' },
        propertyHistory: {
          nps: [
            { value: '9', timestamp: daysBefore(200) },
            { value: '2', timestamp: daysBefore(-10) },
          ],
        },
      }),
      scoringDate,
      settings,
    );
    expect(signals.nps).toBe(9);
  });
});

describe('usage, sentiment and their trends', () => {
  it('measures usage as weekly active users per seat and its trend against ~90 days earlier', () => {
    const signals = computeSignals(
      company([], {
        properties: { weekly_active_users: '20', seats: '100' },
        propertyHistory: {
          weekly_active_users: [
            { value: '80', timestamp: daysBefore(150) },
            { value: '20', timestamp: daysBefore(10) },
          ],
          seats: [{ value: '100', timestamp: daysBefore(300) }],
        },
      }),
      scoringDate,
      settings,
    );
    expect(signals.usage).toBeCloseTo(0.2);
    expect(signals.usageTrend).toBeCloseTo(-2);
  });

  it('treats missing usage, NPS and CSAT as neutral and says so', () => {
    const signals = computeSignals(company([]), scoringDate, settings);
    expect([
      signals.usage,
      signals.usageTrend,
      signals.nps,
      signals.npsTrend,
      signals.csat,
      signals.csatTrend,
    ]).toEqual([null, null, null, null, null, null]);
    expect(signals.diagnostics.missing).toEqual(
      expect.arrayContaining(['no usage data', 'no NPS', 'no CSAT']),
    );
  });

  it('takes NPS and CSAT with their change, and flags a very low NPS as a risk event', () => {
    const signals = computeSignals(
      company([], {
        properties: { nps: '3', csat: '4.5' },
        propertyHistory: {
          nps: [
            { value: '8', timestamp: daysBefore(120) },
            { value: '3', timestamp: daysBefore(5) },
          ],
          csat: [
            { value: '4', timestamp: daysBefore(100) },
            { value: '4.5', timestamp: daysBefore(20) },
          ],
        },
      }),
      scoringDate,
      settings,
    );
    expect(signals).toMatchObject({ nps: 3, npsTrend: -5, csat: 4.5, csatTrend: 0.5 });
    expect(signals.events.map((e) => e.kind)).toContain('very_low_nps');
  });
});

describe('relationship signals', () => {
  it('dates the champion leaving from the flag history', () => {
    const signals = computeSignals(
      company([], {
        champion: {
          contactId: 'c1',
          leftCompanyHistory: [
            { value: 'false', timestamp: daysBefore(300) },
            { value: 'true', timestamp: '2026-04-02T10:00:00Z' },
          ],
        },
      }),
      scoringDate,
      settings,
    );
    expect(signals.events).toContainEqual({
      kind: 'champion_left',
      on: '2026-04-02',
      text: 'champion left on 2026-04-02',
    });
  });

  it('does not see a champion departure recorded after the scoring date', () => {
    const signals = computeSignals(
      company([], {
        champion: { contactId: 'c1', leftCompanyHistory: [{ value: 'true', timestamp: daysBefore(-2) }] },
      }),
      scoringDate,
      settings,
    );
    expect(signals.events).toEqual([]);
  });

  it('notices a champion role change in the window but not the first recorded title', () => {
    const champion = (history: [string, number][]) =>
      computeSignals(
        company([], {
          champion: {
            contactId: 'c1',
            jobtitleHistory: history.map(([value, days]) => ({ value, timestamp: daysBefore(days) })),
          },
        }),
        scoringDate,
        settings,
      ).events.map((e) => e.kind);
    expect(
      champion([
        ['Head of Ops', 400],
        ['Analyst', 30],
      ]),
    ).toContain('champion_changed_role');
    expect(champion([['Head of Ops', 30]])).not.toContain('champion_changed_role');
    expect(
      champion([
        ['Head of Ops', 400],
        ['Analyst', 300],
      ]),
    ).not.toContain('champion_changed_role');
  });

  it('counts days since the champion was last engaged, capped at the window, and null without a champion', () => {
    const withChampion = (engagements: Engagement[]) =>
      computeSignals(company(engagements, { champion: { contactId: 'c1' } }), scoringDate, settings)
        .daysSinceChampionEngaged;
    expect(withChampion([email('e1', 12, 'EMAIL'), email('e2', 40, 'EMAIL')])).toBe(12);
    expect(withChampion([])).toBe(180);
    const none = computeSignals(company([]), scoringDate, settings);
    expect(none.daysSinceChampionEngaged).toBeNull();
    expect(none.diagnostics.missing).toContain('no champion on record');
  });

  it('notices a new decision maker among contacts added in the window', () => {
    const signals = computeSignals(
      company([], {
        contacts: [
          { id: 'c7', createdAt: daysBefore(20), jobtitle: 'Chief Financial Officer' },
          { id: 'c8', createdAt: daysBefore(20), jobtitle: 'Analyst' },
        ],
      }),
      scoringDate,
      settings,
    );
    expect(signals.events.map((e) => e.kind)).toEqual(['new_decision_maker']);
  });
});

describe('competitive and budget language, business change', () => {
  it('finds competitor phrases in notes and budget phrases in email subjects and tickets, with the date', () => {
    const signals = computeSignals(
      company([
        {
          id: 'n1',
          type: 'note',
          timestamp: '2026-05-02T09:00:00Z',
          body: 'They asked about a data export before switching to Acme.',
        },
        email('e1', 5, 'INCOMING_EMAIL', { subject: 'Budget freeze for Q3' }),
      ]),
      scoringDate,
      settings,
    );
    expect(signals.events.find((e) => e.kind === 'competitor_language')?.text).toMatch(
      /data export|switching to/,
    );
    expect(signals.events.find((e) => e.kind === 'competitor_language')?.on).toBe('2026-05-02');
    expect(signals.events.find((e) => e.kind === 'budget_language')?.text).toBe(
      'budget language ("Budget freeze") in an email on 2026-05-27',
    );
  });

  it('ignores phrases in email bodies, inside other words, and uses configured lists', () => {
    const activity = company([
      email('e1', 5, 'INCOMING_EMAIL', { subject: 'Hello', body: 'we are comparing vendors' }),
      { id: 'n1', type: 'note', timestamp: daysBefore(3), body: 'immigration paperwork' },
    ]);
    expect(computeSignals(activity, scoringDate, settings).events).toEqual([]);
    const custom = parseRiskSettings({ phrases: { competitor: ['paperwork'] } });
    expect(computeSignals(activity, scoringDate, custom).events.map((e) => e.kind)).toEqual([
      'competitor_language',
    ]);
  });

  it('flags a manual business change, but not "none"', () => {
    const flagged = (value: string) =>
      computeSignals(
        company([], { properties: { rg_business_change: value } }),
        scoringDate,
        settings,
      ).events.map((e) => e.kind);
    expect(flagged('acquisition')).toEqual(['business_change']);
    expect(flagged('none')).toEqual([]);
  });
});
