import { DEMO_PORTAL_FACTS } from '#sandbox/seed/demo/facts';
import { riskSettingsSchema, type RiskSettings } from '#src/risk/settings';

const P = DEMO_PORTAL_FACTS.companyProperties;

/** The demo portal's risk settings: its usage, survey and left-company properties, its renewals pipeline. */
export const DEMO_RISK_SETTINGS: RiskSettings = riskSettingsSchema.parse({
  properties: {
    activeUsers: P.weeklyActiveUsers,
    seats: P.seats,
    nps: P.nps,
    csat: P.csat,
    leftCompany: DEMO_PORTAL_FACTS.contactProperties.leftCompany,
  },
  renewals: { pipelineIds: [DEMO_PORTAL_FACTS.renewalPipelineId] },
});
