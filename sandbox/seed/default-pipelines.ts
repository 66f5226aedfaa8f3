import type { SeedPipeline } from './records.ts';

/** HubSpot's default deal pipeline, with its stage ids, labels and probabilities (strings, as on the wire). */
export const DEFAULT_DEAL_PIPELINE: SeedPipeline = {
  id: 'default',
  label: 'Sales Pipeline',
  displayOrder: 0,
  stages: [
    ['appointmentscheduled', 'Appointment Scheduled', '0.2'],
    ['qualifiedtobuy', 'Qualified To Buy', '0.4'],
    ['presentationscheduled', 'Presentation Scheduled', '0.6'],
    ['decisionmakerboughtin', 'Decision Maker Bought-In', '0.8'],
    ['contractsent', 'Contract Sent', '0.9'],
    ['closedwon', 'Closed Won', '1.0'],
    ['closedlost', 'Closed Lost', '0.0'],
  ].map(([id, label, probability], displayOrder) => ({
    id: id!,
    label: label!,
    displayOrder,
    metadata: { isClosed: String(id === 'closedwon' || id === 'closedlost'), probability: probability! },
  })),
};

/** HubSpot's default support pipeline `0`: New, Waiting on contact, Waiting on us, Closed. */
export const DEFAULT_TICKET_PIPELINE: SeedPipeline = {
  id: '0',
  label: 'Support Pipeline',
  displayOrder: 0,
  stages: [
    ['1', 'New', 'OPEN'],
    ['2', 'Waiting on contact', 'OPEN'],
    ['3', 'Waiting on us', 'OPEN'],
    ['4', 'Closed', 'CLOSED'],
  ].map(([id, label, ticketState], displayOrder) => ({
    id: id!,
    label: label!,
    displayOrder,
    metadata: { ticketState: ticketState!, isClosed: String(ticketState === 'CLOSED') },
  })),
};
