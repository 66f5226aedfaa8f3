import {
  Alert,
  Button,
  Checkbox,
  ErrorState,
  LoadingButton,
  LoadingSpinner,
  ProgressBar,
  StatusTag,
  Text,
  TextArea,
  hubspot,
} from '@hubspot/ui-extensions';
import { createRenderer } from '@hubspot/ui-extensions/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { HandoverFields, HandoverView } from '#src/handover/card-contract';
import { HANDOVER_PROPERTIES, NO_COMMITMENTS_MARKER } from '#src/handover/fields';
import { handoverFindings, handoverSummary } from '#src/handover/findings';
import { HandoverCard } from '../../cards/handover/HandoverCard';

const BACKEND = 'https://backend.renewal-guard.test';
const HANDOVER_URL = `${BACKEND}/api/deals/42/handover`;

const COMPLETE: HandoverFields = {
  rg_desired_outcome: 'Close the books in 4 days instead of 10, so the CFO reports to the board by the 5th.',
  rg_success_criteria: 'Month-end close in 4 days by 2026-09-30\n90% of invoices matched automatically',
  rg_champion_contact_id: '51',
  rg_first_value_date: '2026-09-30',
  rg_commitments: 'Promised SSO by Q3; buyer worried about migrating five years of invoices.',
};

function view(fields: HandoverFields, overrides: Partial<HandoverView> = {}): HandoverView {
  const deal = {
    name: 'Acme renewal platform',
    stage: 'contractsent',
    stageLabel: 'Contract sent',
    pipelineId: 'default',
    createdAt: '2026-01-10T09:00:00Z',
    closeDate: '2026-06-30',
    inWonStage: false,
  };
  const contacts = [
    { id: '51', name: 'Dana Ruiz', email: 'dana@acme.test' },
    { id: '52', name: 'Lee Park', email: null },
  ];
  const findings = handoverFindings(fields, {
    dealCreatedAt: deal.createdAt,
    closeDate: deal.closeDate,
    champion: { id: '51', name: 'Dana Ruiz', email: 'dana@acme.test', associatedWithDeal: true },
  });
  return {
    dealId: '42',
    fields,
    findings,
    summary: handoverSummary(findings),
    deal,
    gate: {
      status: 'clear',
      policy: 'block',
      checkedAt: '2026-03-01T10:00:00Z',
      overrideReason: null,
      nextStep: 'Nothing to do: the deal may close.',
    },
    contacts,
    csmOwners: [{ id: '9001', name: 'Casey CSM' }],
    review: { reviewedAt: null, csmOwnerId: null },
    viewer: { userId: 7, canOverride: false },
    ...overrides,
  };
}

const json = (status: number, body: unknown) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json' } });

/** Answers hubspot.fetch by method and URL, as the card API would. */
function backend(routes: Record<string, (body: unknown) => Response | Promise<Response>>) {
  return vi.spyOn(hubspot, 'fetch').mockImplementation(async (url, options) => {
    const route = routes[`${options?.method ?? 'GET'} ${String(url)}`];
    if (!route) throw new Error(`unexpected request ${options?.method} ${String(url)}`);
    return route(options?.body);
  });
}

function renderCard() {
  const renderer = createRenderer('crm.record.tab');
  const context = {
    ...renderer.mocks.context,
    crm: { objectId: 42, objectTypeId: '0-3' },
    variables: { BACKEND_BASE_URL: BACKEND },
  };
  renderer.render(<HandoverCard context={context} actions={renderer.mocks.actions} />);
  return renderer;
}

const field = (renderer: ReturnType<typeof renderCard>, name: string) => renderer.find(TextArea, { name });
const button = (renderer: ReturnType<typeof renderCard>, text: string) =>
  renderer.find(Button, (node) => node.text === text);

// The SDK's d.ts types trigger()'s argument as the handler itself; at runtime it is the event value.
const value = <T,>(v: T) => v as never;

afterEach(() => {
  vi.restoreAllMocks();
});

describe('the handover card on a deal', () => {
  it('shows a spinner while the handover loads', () => {
    backend({ [`GET ${HANDOVER_URL}`]: () => new Promise<Response>(() => {}) });
    const card = renderCard();
    expect(card.find(LoadingSpinner).props.label).toBe('Loading the handover');
  });

  it('shows a complete handover as 5/5 with the gate status and what to do next', async () => {
    backend({ [`GET ${HANDOVER_URL}`]: () => json(200, view(COMPLETE)) });
    const card = renderCard();
    await card.waitFor(() => expect(card.find(ProgressBar).props.valueDescription).toBe('5/5 complete'));
    expect(card.findByTestId(StatusTag, 'gate-status').text).toBe('Gate: clear');
    expect(card.findByTestId(Text, 'gate-next-step').text).toBe('Nothing to do: the deal may close.');
  });

  it('shows the finding next to the desired outcome as soon as the AE types a placeholder', async () => {
    backend({ [`GET ${HANDOVER_URL}`]: () => json(200, view(COMPLETE)) });
    const card = renderCard();
    await card.waitFor(() => expect(field(card, 'rg_desired_outcome').props.error).toBe(false));
    field(card, 'rg_desired_outcome').trigger('onInput', value('tbd'));
    await card.waitFor(() => expect(field(card, 'rg_desired_outcome').props.error).toBe(true));
    expect(field(card, 'rg_desired_outcome').props.validationMessage).toMatch(/^Desired outcome: /);
    expect(card.find(ProgressBar).props.valueDescription).toBe('4/5 complete');
  });

  it('writes the fixed marker when the AE ticks "No commitments were made", and saves all five fields', async () => {
    const empty = { ...COMPLETE, rg_commitments: null };
    const put = vi.fn((body: unknown) => json(200, view(body as HandoverFields)));
    backend({ [`GET ${HANDOVER_URL}`]: () => json(200, view(empty)), [`PUT ${HANDOVER_URL}`]: put });
    const card = renderCard();
    await card.waitFor(() => expect(card.find(ProgressBar).props.valueDescription).toBe('4/5 complete'));
    card.find(Checkbox, { name: 'rg_no_commitments' }).trigger('onChange', value(true));
    await card.waitFor(() => expect(card.find(ProgressBar).props.valueDescription).toBe('5/5 complete'));
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() => expect(put).toHaveBeenCalledOnce());
    const body = put.mock.calls[0]?.[0] as HandoverFields;
    expect(Object.keys(body).sort()).toEqual([...HANDOVER_PROPERTIES].sort());
    expect(body).toEqual({ ...COMPLETE, rg_commitments: NO_COMMITMENTS_MARKER });
    await card.waitFor(() => expect(card.mocks.actions.refreshObjectProperties.called).toBe(true));
  });

  it('shows the server’s findings next to the fields when it refuses a save', async () => {
    const refusal = {
      message: 'Handover not saved: Success criteria: at most 65,536 characters',
      findings: [
        {
          property: 'rg_success_criteria',
          label: 'Success criteria',
          ok: false,
          problem: 'Success criteria: at most 65,536 characters',
          expected: 'text or null, one criterion a line',
          example: 'Month-end close ≤ 4 days by 2026-09-30',
        },
      ],
    };
    backend({
      [`GET ${HANDOVER_URL}`]: () => json(200, view(COMPLETE)),
      [`PUT ${HANDOVER_URL}`]: () => json(400, refusal),
    });
    const card = renderCard();
    await card.waitFor(() => expect(card.find(LoadingButton).props.loading).toBe(false));
    card.find(LoadingButton).trigger('onClick');
    await card.waitFor(() =>
      expect(field(card, 'rg_success_criteria').props.validationMessage).toBe(
        'Success criteria: at most 65,536 characters',
      ),
    );
    expect(card.find(Alert, { title: 'Handover not saved' }).text).toContain(refusal.message);
    expect(card.mocks.actions.refreshObjectProperties.called).toBe(false);
  });

  it('offers the override to RevOps only, and sends the reason', async () => {
    const blocked = view(COMPLETE, {
      gate: { ...view(COMPLETE).gate, status: 'blocked', nextStep: 'Complete the handover.' },
    });
    backend({ [`GET ${HANDOVER_URL}`]: () => json(200, blocked) });
    const ae = renderCard();
    await ae.waitFor(() => expect(ae.findByTestId(StatusTag, 'gate-status').text).toBe('Gate: blocked'));
    expect(ae.maybeFind(Button, (node) => node.text === 'Override gate')).toBeNull();

    vi.restoreAllMocks();
    const reason = 'Signed under the 2026 framework agreement; CSM kickoff booked.';
    const post = vi.fn(() => json(200, { status: 'overridden', reason }));
    backend({
      [`GET ${HANDOVER_URL}`]: () => json(200, { ...blocked, viewer: { userId: 8, canOverride: true } }),
      [`POST ${BACKEND}/api/deals/42/gate/override`]: post,
    });
    const revOps = renderCard();
    await revOps.waitFor(() => expect(button(revOps, 'Override gate').props.disabled).toBe(true));
    revOps.find(TextArea, { name: 'rg_gate_override_reason' }).trigger('onInput', value(reason));
    await revOps.waitFor(() => expect(button(revOps, 'Override gate').props.disabled).toBe(false));
    button(revOps, 'Override gate').trigger('onClick');
    await revOps.waitFor(() =>
      expect(revOps.findByTestId(StatusTag, 'gate-status').text).toBe('Gate: overridden'),
    );
    expect(post).toHaveBeenCalledWith({ reason });
  });

  it('shows an error with a retry when the backend fails, and loads on retry', async () => {
    let attempts = 0;
    backend({
      [`GET ${HANDOVER_URL}`]: () =>
        ++attempts === 1 ? json(503, { message: 'HubSpot is unavailable.' }) : json(200, view(COMPLETE)),
    });
    const card = renderCard();
    await card.waitFor(() =>
      expect(card.find(ErrorState).find(Text).text).toContain(
        'Renewal Guard failed to answer. HubSpot is unavailable.',
      ),
    );
    button(card, 'Try again').trigger('onClick');
    await card.waitFor(() => expect(card.find(ProgressBar).props.valueDescription).toBe('5/5 complete'));
  });

  it('says in plain words when the user may not see the handover', async () => {
    backend({
      [`GET ${HANDOVER_URL}`]: () => json(403, { message: 'You need the "Deals: view" permission.' }),
    });
    const card = renderCard();
    await card.waitFor(() =>
      expect(card.find(ErrorState).find(Text).text).toContain(
        'You do not have permission to do this. You need the "Deals: view" permission.',
      ),
    );
  });
});
