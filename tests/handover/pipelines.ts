import type { Pipeline } from '#src/crm/records';

const stage = (id: string, label: string, displayOrder: number, isClosed: boolean, probability: string) => ({
  id,
  label,
  displayOrder,
  metadata: { isClosed: String(isClosed), probability },
});

/** HubSpot's default sales pipeline. */
export const salesPipeline: Pipeline = {
  id: 'default',
  label: 'Sales Pipeline',
  displayOrder: 0,
  stages: [
    stage('appointmentscheduled', 'Appointment Scheduled', 0, false, '0.2'),
    stage('qualifiedtobuy', 'Qualified To Buy', 1, false, '0.4'),
    stage('presentationscheduled', 'Presentation Scheduled', 2, false, '0.6'),
    stage('decisionmakerboughtin', 'Decision Maker Bought-In', 3, false, '0.8'),
    stage('contractsent', 'Contract Sent', 4, false, '0.9'),
    stage('closedwon', 'Closed Won', 5, true, '1.0'),
    stage('closedlost', 'Closed Lost', 6, true, '0.0'),
  ],
};

/** A custom pipeline: numeric stage ids, two won stages, stages listed out of display order. */
export const enterprisePipeline: Pipeline = {
  id: '7741',
  label: 'Enterprise',
  displayOrder: 1,
  stages: [
    stage('9102', 'Signed (paper)', 4, true, '1.0'),
    stage('9100', 'Discovery', 0, false, '0.1'),
    stage('9101', 'Procurement', 2, false, '0.7'),
    stage('9104', 'Security review', 1, false, '0.5'),
    stage('9103', 'Signed (e-sign)', 5, true, '1.0'),
    stage('9105', 'Lost', 6, true, '0.0'),
  ],
};
