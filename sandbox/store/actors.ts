import type { ChangeActor, ChangeSource } from '../events.ts';

/**
 * Interns the few distinct actors of a portal to small numbers, so that each stored object and
 * history entry carries two bytes of "who" instead of an object.
 */
export class ActorTable {
  private readonly actors: ChangeActor[] = [];
  private readonly index = new Map<string, number>();

  private readonly byObject = new WeakMap<ChangeActor, number>();

  intern(actor: ChangeActor): number {
    const known = this.byObject.get(actor);
    if (known !== undefined) return known;
    const key = `${actor.changeSource}|${actor.sourceId ?? ''}|${actor.appId ?? ''}`;
    let id = this.index.get(key);
    if (id === undefined) {
      id = this.actors.length;
      this.actors.push({ ...actor });
      this.index.set(key, id);
    }
    this.byObject.set(actor, id);
    return id;
  }

  get(id: number): ChangeActor {
    const actor = this.actors[id];
    if (!actor) throw new Error(`no actor #${id}`);
    return actor;
  }
}

const SEED_ACTORS = new Map<ChangeSource, ChangeActor>();

/** The actor behind seeded data that names only a change source (one shared object per source). */
export function seedActor(source: ChangeSource): ChangeActor {
  let actor = SEED_ACTORS.get(source);
  if (!actor) {
    actor = { changeSource: source };
    SEED_ACTORS.set(source, actor);
  }
  return actor;
}
