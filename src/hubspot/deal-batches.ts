import type { BatchReadDeal, DealBatchesPort, DealNoteAndTaskBodies } from '#src/crm/port';
import type { NoteToCreate, TaskToCreate } from '#src/crm/records';
import { AssociationSpecAssociationCategoryEnum, type HubSpotApis } from './codegen-apis';
import type { RetryingCaller } from './retrying-call';
import { chunks } from '#src/collections/chunks';

/** HubSpot-defined association type ids (associations v4). */
export const NOTE_TO_DEAL = 214;
export const TASK_TO_DEAL = 216;
const BATCH_LIMIT = 100;
const ASSOCIATION_BATCH_LIMIT = 1_000;

type Call = RetryingCaller['call'];

export const toDeal = (dealId: string, associationTypeId: number) => ({
  to: { id: dealId },
  types: [{ associationCategory: AssociationSpecAssociationCategoryEnum.HubspotDefined, associationTypeId }],
});

export function noteProperties(note: NoteToCreate): Record<string, string> {
  return { hs_note_body: note.body, hs_timestamp: note.timestamp };
}

export function taskProperties(task: TaskToCreate): Record<string, string> {
  const properties: Record<string, string> = {
    hs_task_subject: task.subject,
    hs_task_body: task.body,
    hs_timestamp: task.dueAt,
    hs_task_status: 'NOT_STARTED',
    hs_task_type: 'TODO',
  };
  if (task.ownerId) properties.hubspot_owner_id = task.ownerId;
  if (task.queueIds?.length) properties.hs_queue_membership_ids = task.queueIds.join(';');
  return properties;
}

/** The batch half of the CRM port: one request per 100 deals, notes or tasks. */
export function dealBatches(api: HubSpotApis, call: Call): DealBatchesPort {
  /** Ids of the notes or tasks on each deal; deals with none are absent (a 207 error, not a throw). */
  async function associatedIds(
    dealIds: readonly string[],
    toObjectType: 'notes' | 'tasks',
  ): Promise<Map<string, string[]>> {
    const byDeal = new Map<string, string[]>();
    for (const ids of chunks(dealIds, ASSOCIATION_BATCH_LIMIT)) {
      const batch = await call(`read the ${toObjectType} of deals`, () =>
        api.associationBatches.getPage('deals', toObjectType, { inputs: ids.map((id) => ({ id })) }),
      );
      for (const result of batch.results) {
        byDeal.set(result._from.id, [...new Set(result.to.map((to) => String(to.toObjectId)))]);
      }
    }
    return byDeal;
  }

  async function bodiesById(
    objectIds: readonly string[],
    objectType: 'notes' | 'tasks',
  ): Promise<Map<string, string>> {
    const property = objectType === 'notes' ? 'hs_note_body' : 'hs_task_body';
    const batches = objectType === 'notes' ? api.noteBatches : api.taskBatches;
    const bodies = new Map<string, string>();
    for (const ids of chunks([...new Set(objectIds)], BATCH_LIMIT)) {
      const batch = await call(`read ${objectType} ${ids.join(', ')}`, () =>
        batches.read({
          inputs: ids.map((id) => ({ id })),
          properties: [property],
          propertiesWithHistory: [],
        }),
      );
      for (const object of batch.results) bodies.set(object.id, object.properties[property] ?? '');
    }
    return bodies;
  }

  return {
    async dealNoteAndTaskBodies(dealIds) {
      const ids = [...new Set(dealIds)];
      const noteIds = await associatedIds(ids, 'notes');
      const taskIds = await associatedIds(ids, 'tasks');
      const notes = await bodiesById([...noteIds.values()].flat(), 'notes');
      const tasks = await bodiesById([...taskIds.values()].flat(), 'tasks');
      const bodiesOf = (found: readonly string[] | undefined, bodies: Map<string, string>) =>
        (found ?? []).flatMap((id) => bodies.get(id) ?? []);
      return new Map<string, DealNoteAndTaskBodies>(
        ids.map((id) => [
          id,
          { notes: bodiesOf(noteIds.get(id), notes), tasks: bodiesOf(taskIds.get(id), tasks) },
        ]),
      );
    },

    async readDeals(dealIds, properties): Promise<BatchReadDeal[]> {
      const found: BatchReadDeal[] = [];
      for (const ids of chunks([...new Set(dealIds)], BATCH_LIMIT)) {
        // Ids that no longer exist come back as a 207 with an OBJECT_NOT_FOUND error, not a throw.
        const batch = await call(`read deals ${ids.join(', ')}`, () =>
          api.dealBatches.read({
            inputs: ids.map((id) => ({ id })),
            properties: [...properties],
            propertiesWithHistory: ['dealstage'],
          }),
        );
        for (const deal of batch.results) {
          found.push({
            id: deal.id,
            properties: { ...deal.properties },
            dealstageHistory: (deal.propertiesWithHistory?.dealstage ?? []).map((h) => ({
              value: h.value,
              timestamp: new Date(h.timestamp).toISOString(),
              sourceType: h.sourceType,
              ...(h.sourceId ? { sourceId: h.sourceId } : {}),
            })),
          });
        }
      }
      return found;
    },

    async dealContactIds(dealIds) {
      const byDeal = new Map<string, string[]>();
      for (const ids of chunks([...new Set(dealIds)], ASSOCIATION_BATCH_LIMIT)) {
        const batch = await call('read the contacts of deals', () =>
          api.associationBatches.getPage('deals', 'contacts', { inputs: ids.map((id) => ({ id })) }),
        );
        for (const result of batch.results) {
          byDeal.set(result._from.id, [...new Set(result.to.map((to) => String(to.toObjectId)))]);
        }
      }
      return byDeal;
    },

    async updateDeals(updates) {
      for (const batch of chunks(updates, BATCH_LIMIT)) {
        await call(`update deals ${batch.map((u) => u.dealId).join(', ')}`, () =>
          api.dealBatches.update({
            inputs: batch.map((u) => ({ id: u.dealId, properties: { ...u.properties } })),
          }),
        );
      }
    },

    async createNotes(notes) {
      for (const batch of chunks(notes, BATCH_LIMIT)) {
        await call(`create notes on deals ${batch.map((n) => n.dealId).join(', ')}`, () =>
          api.noteBatches.create({
            inputs: batch.map((note) => ({
              properties: noteProperties(note),
              associations: [toDeal(note.dealId, NOTE_TO_DEAL)],
            })),
          }),
        );
      }
    },

    async createTasks(tasks) {
      for (const batch of chunks(tasks, BATCH_LIMIT)) {
        await call(`create tasks on deals ${batch.map((t) => t.dealId).join(', ')}`, () =>
          api.taskBatches.create({
            inputs: batch.map((task) => ({
              properties: taskProperties(task),
              associations: [toDeal(task.dealId, TASK_TO_DEAL)],
            })),
          }),
        );
      }
    },
  };
}
