import { DEMO_PORTAL_FACTS } from '#sandbox/seed/demo/facts';
import type { RiskSettingsInput } from '#src/risk/settings';

/** The demo portal's risk settings: its own usage, survey and contact properties, its renewal pipeline. */
export const DEMO_RISK_SETTINGS: RiskSettingsInput = {
  properties: {
    activeUsers: DEMO_PORTAL_FACTS.companyProperties.weeklyActiveUsers,
    seats: DEMO_PORTAL_FACTS.companyProperties.seats,
    nps: DEMO_PORTAL_FACTS.companyProperties.nps,
    csat: DEMO_PORTAL_FACTS.companyProperties.csat,
    leftCompany: DEMO_PORTAL_FACTS.contactProperties.leftCompany,
  },
  renewals: { pipelineIds: [DEMO_PORTAL_FACTS.renewalPipelineId] },
};
