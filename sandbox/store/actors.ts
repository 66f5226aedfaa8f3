import type { ChangeActor, ChangeSource } from '../events.ts';

/**
 * Interns the few distinct actors of a portal to small numbers, so that each stored object and
 * history entry carries two bytes of "who" instead of an object.
 */
export class ActorTable {
  private readonly actors: ChangeActor[] = [];
  private readonly index = new Map<string, number>();

  intern(actor: ChangeActor): number {
    const key = `${actor.changeSource}|${actor.sourceId ?? ''}|${actor.appId ?? ''}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.actors.length;
      this.actors.push({ ...actor });
      this.index.set(key, id);
    }
    return id;
  }

  get(id: number): ChangeActor {
    const actor = this.actors[id];
    if (!actor) throw new Error(`no actor #${id}`);
    return actor;
  }
}

/** The actor behind seeded data that names only a change source. */
export function seedActor(source: ChangeSource | undefined): ChangeActor {
  return { changeSource: source ?? 'IMPORT' };
}
