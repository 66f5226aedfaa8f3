import { CHAMPION_ASSOCIATION_LABEL } from '#src/hubspot/catalog/index';

const DAY = 86_400_000;

/**
 * The names a reader of the demo portal needs — pipelines, stages, teams, the portal's own custom
 * properties and the phrases planted in engagements — so tests and the risk settings refer to them
 * instead of repeating literals.
 */
export const DEMO_PORTAL_FACTS = {
  /**
   * "Today" when no `now` is given: 2026-10-01T00:00Z. A fixed day keeps the default portal
   * byte-for-byte reproducible; `npm start` passes the current day instead.
   */
  referenceNow: Date.UTC(2026, 9, 1),
  /** Engagement, usage and sentiment history reach this far back from "now". */
  historyMonths: 18,
  /** Renewal Guard was installed this long before "now": deals closed since then passed the gate. */
  appInstalledDaysBeforeNow: 270,
  teams: {
    sales: { id: '3100001', name: 'Sales' },
    customerSuccess: { id: '3100002', name: 'Customer Success' },
    revOps: { id: '3100003', name: 'RevOps' },
  },
  ownerRoles: ['ae', 'csm', 'cs_manager', 'director', 'vp', 'revops'],
  pipelines: {
    /** HubSpot's own pipeline; the empty seed yields it, the demo only uses it. */
    defaultSales: {
      id: 'default',
      openStages: [
        'appointmentscheduled',
        'qualifiedtobuy',
        'presentationscheduled',
        'decisionmakerboughtin',
        'contractsent',
      ],
      won: 'closedwon',
      lost: 'closedlost',
    },
    enterpriseSales: {
      id: '87654300',
      label: 'Enterprise sales',
      openStages: ['87654301', '87654302', '87654303', '87654304'],
      won: '87654305',
      lost: '87654306',
    },
    renewals: {
      id: '87655400',
      label: 'Renewals',
      openStages: ['87655401', '87655402', '87655403'],
      /** Won = renewed. */
      won: '87655404',
      /** Lost = churned. */
      lost: '87655405',
    },
    /** HubSpot's default ticket pipeline, yielded by the empty seed. */
    tickets: { id: '0', stages: { new: '1', waitingOnContact: '2', waitingOnUs: '3', closed: '4' } },
  },
  renewalPipelineId: '87655400',
  dealTypes: { sales: 'newbusiness', renewal: 'existingbusiness' },
  companyProperties: {
    weeklyActiveUsers: 'product_weekly_active_users',
    seats: 'product_seats',
    lastLoginAt: 'product_last_login_at',
    nps: 'nps_score',
    csat: 'csat_score',
  },
  contactProperties: {
    /** "true" once the person has left the customer: the champion-left signal. */
    leftCompany: 'left_company',
  },
  championAssociationLabel: CHAMPION_ASSOCIATION_LABEL,
  /** Phrases planted in notes, email subjects and tickets; the risk settings' default lists. */
  riskPhrases: {
    competitive: ['comparing with', 'how do we export our data', 'migration', 'switching to'],
    budget: ['cost cutting', 'price too high', 'reviewing all vendors', 'need to show ROI', 'budget freeze'],
  },
  competitors: ['Gainsight', 'ChurnZero', 'Totango', 'Vitally', 'Planhat'],
} as const;

export const DAY_MS = DAY;
