import { DEMO_PORTAL_FACTS } from './facts';

/**
 * What customers and CSMs write, in two banks: everyday activity and the competitive or budget
 * language (DEMO_PORTAL_FACTS.riskPhrases) that precedes churn more often than not.
 */
const competitor = (i: number) => DEMO_PORTAL_FACTS.competitors[i % DEMO_PORTAL_FACTS.competitors.length];

export const OUTGOING_SUBJECTS = [
  'Following up on our call',
  'Your quarterly business review',
  'Onboarding: next steps',
  'New feature: scheduled exports',
  'Checking in',
  'Training session invite',
  'Agenda for next week',
];

export const INCOMING_SUBJECTS = [
  'Re: Following up on our call',
  'Question about user permissions',
  'Re: Training session invite',
  'Can we add more seats?',
  'Feedback from the team',
  'Re: Agenda for next week',
];

export const RISK_SUBJECTS = [
  'Re: renewal – price too high for us',
  'Question: how do we export our data?',
  `Comparing with ${competitor(0)} – a few questions`,
  'Cost cutting across all tools',
  'We are reviewing all vendors this quarter',
  'Need to show ROI to our CFO',
];

export const NOTES = [
  'Call recap: rollout to the second office on track',
  'QBR done; champion happy with the reporting',
  'Asked for SSO improvements on the roadmap',
  'Admin training held, 12 attendees',
  'Walked through the new dashboards with the team',
];

export const RISK_NOTES = [
  'Customer mentioned cost cutting; budget under review',
  `Champion says they are comparing with ${competitor(1)}`,
  'Asked how do we export our data before the renewal',
  'Finance is reviewing all vendors; price too high per seat',
  'New CFO: we need to show ROI before renewal',
  `Migration to ${competitor(2)} being discussed internally`,
];

export const MEETING_TITLES = [
  'Weekly check-in',
  'Onboarding session',
  'Quarterly business review',
  'Training',
];
export const EXEC_MEETING_TITLE = 'Executive business review';

export const RENEWAL_SUBJECTS = [
  'Renewal proposal',
  'Re: Renewal proposal',
  'Renewal terms for next year',
  'Order form for signature',
];
export const RENEWAL_MEETING_TITLE = 'Renewal negotiation';

export const TICKET_SUBJECTS = [
  'Login issue with SSO',
  'Report export fails',
  'Salesforce sync delayed',
  'Permissions for a new team',
  'Invoice question',
  'Dashboard slow to load',
  'API rate limit errors',
];

export const RISK_TICKET_SUBJECTS = [
  'How do we export our data?',
  'Bulk data export for migration',
  'Remove add-on to cut costs',
];

export const TICKET_CONTENT = [
  'Reported by an admin.',
  'Several users affected.',
  'Blocking a team workflow since yesterday.',
];
