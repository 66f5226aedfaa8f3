import { expect, vi } from 'vitest';
import { PORTAL_ADMIN } from '#sandbox/seed/empty';
import { INTEGRATION_TOKEN } from '#sandbox/tokens';
import { clientFor } from '../support/sandbox';
import type { GateSystem } from './gate-system';

/** Deals as people and other systems make them in the portal, and what the gate did to them. */
export function gateDeals(system: GateSystem) {
  const as = (token: string) => clientFor(system.sandbox, token);
  // Reads as another app, so the requests counted for the app's token are the backend's alone.
  const reader = as(INTEGRATION_TOKEN);

  return {
    /** A deal in Contract Sent owned by the portal admin, created by `token`. */
    async openDeal(token: string, extra: Record<string, string> = {}): Promise<string> {
      const { id } = await as(token).crm.deals.basicApi.create({
        properties: {
          dealname: 'Acme platform',
          pipeline: 'default',
          dealstage: 'contractsent',
          hubspot_owner_id: PORTAL_ADMIN.id,
          ...extra,
        },
        associations: [],
      });
      return id;
    },

    async move(token: string, dealId: string, dealstage: string): Promise<void> {
      await as(token).crm.deals.basicApi.update(dealId, { properties: { dealstage } });
    },

    async set(token: string, dealId: string, properties: Record<string, string>): Promise<void> {
      await as(token).crm.deals.basicApi.update(dealId, { properties });
    },

    async state(dealId: string) {
      const deal = await reader.crm.deals.basicApi.getById(
        dealId,
        ['dealstage', 'rg_gate_status', 'rg_handover_status'],
        [],
        ['notes', 'tasks'],
      );
      const taskIds = deal.associations?.tasks?.results.map((t) => t.id) ?? [];
      const tasks =
        taskIds.length === 0
          ? []
          : (
              await reader.crm.objects.tasks.batchApi.read({
                inputs: taskIds.map((id) => ({ id })),
                properties: ['hs_task_subject', 'hubspot_owner_id'],
                propertiesWithHistory: [],
              })
            ).results.map((t) => t.properties);
      return {
        dealstage: deal.properties.dealstage,
        gate: deal.properties.rg_gate_status,
        handover: deal.properties.rg_handover_status,
        notes: deal.associations?.notes?.results.length ?? 0,
        tasks,
      };
    },

    /** Polls (flushing webhooks) until the deal's gate status is `status`. */
    async gateStatus(dealId: string, status: string, timeoutMs = 30_000): Promise<void> {
      await vi.waitFor(
        async () => {
          await fetch(`${system.sandbox.url}/__sandbox/webhooks/flush`, { method: 'POST' });
          expect((await this.state(dealId)).gate).toBe(status);
        },
        { timeout: timeoutMs, interval: 200 },
      );
    },

    /** A contact with an email, associated with the deal: a valid champion. */
    async champion(dealId: string): Promise<string> {
      const contact = await system.app.crm.contacts.basicApi.create({
        properties: { email: 'dana@acme.example', firstname: 'Dana', lastname: 'Ruiz' },
        associations: [],
      });
      await system.app.crm.associations.v4.basicApi.createDefault('deals', dealId, 'contacts', contact.id);
      return contact.id;
    },
  };
}

/** Five fields that pass every rule, for a deal with the given champion. */
export function completeHandover(championId: string): Record<string, string> {
  return {
    rg_desired_outcome: 'Close the books in 4 days instead of 10, so the CFO reports by the 5th.',
    rg_success_criteria: 'Month-end close in 4 days',
    rg_champion_contact_id: championId,
    rg_first_value_date: new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10),
    rg_commitments: 'Promised SSO by Q3; buyer worried about migration.',
  };
}
