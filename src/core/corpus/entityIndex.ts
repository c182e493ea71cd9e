/** Which sources name which entity, and the ids that stand for one entity across the workspace. */
import type { SourceEntity } from '../store/sourceFacts';
import { byText } from '../facts/index';
import { addSlot, removeSlot, slotsIn, type SlotList, type SourceSlots } from './pathLists';

/** The name a source gives an entity id. */
export type NameIn = (path: string, id: string) => string | undefined;

export class EntityIndex {
  /** entity id as articles name it → the sources naming it, by slot (`SlotList`: an array for a few, a bitset for many). */
  private readonly slotsById = new Map<string, SlotList>();
  /** canonical id → the ids articles use for it; built on demand, dropped when aliases change. */
  private members: Map<string, Set<string>> | null = null;
  /** id → its name as the source that sorts first has it (filled on demand). */
  private readonly names = new Map<string, { readonly path: string; readonly name: string }>();

  constructor(
    private readonly nameIn: NameIn,
    private readonly slots: SourceSlots,
  ) {}

  /** Indexes a source's entities; true when the name of some id may have changed. */
  add(path: string, entities: readonly SourceEntity[], resolve: (id: string) => string): boolean {
    let isRenamed = false;
    const slot = this.slots.take(path);
    for (const entity of entities) {
      if (addSlot(this.slotsById, entity.id, slot) && this.members) {
        const target = resolve(entity.id);
        this.members.set(target, (this.members.get(target) ?? new Set<string>()).add(entity.id));
      }
      const named = this.names.get(entity.id);
      if (named && byText(path, named.path) < 0) {
        this.names.set(entity.id, { path, name: entity.name });
        isRenamed ||= named.name !== entity.name;
      }
    }
    return isRenamed;
  }

  /**
   * Forgets a source's entities. Gives the ids this source named (it was the first by path to
   * use them), with the names it gave: their names may change, which the caller checks against
   * `nameOf` once the source's new facts, if any, are in.
   */
  remove(path: string, entities: readonly SourceEntity[], resolve: (id: string) => string): Map<string, string> {
    const unnamed = new Map<string, string>();
    const slot = this.slots.slotOf(path);
    if (slot === undefined) return unnamed;
    for (const entity of entities) {
      if (!removeSlot(this.slotsById, entity.id, slot)) continue;
      const named = this.names.get(entity.id);
      if (named?.path === path) {
        this.names.delete(entity.id);
        unnamed.set(entity.id, named.name);
      }
      if (this.slotsById.has(entity.id)) continue;
      const members = this.members?.get(resolve(entity.id));
      members?.delete(entity.id);
      if (members?.size === 0) this.members!.delete(resolve(entity.id));
    }
    return unnamed;
  }

  /** Aliases changed: the canonical groups are rebuilt on the next query. */
  forgetCanonical(): void {
    this.members = null;
  }

  /** The name of an entity id some source uses: the one the first source (by path) gives it. */
  nameOf(id: string): string | undefined {
    const named = this.names.get(id);
    if (named) return named.name;
    const paths = [...this.pathsNaming(id)];
    if (paths.length === 0) return undefined;
    const path = paths.reduce((a, b) => (byText(b, a) < 0 ? b : a));
    const first = { path, name: this.nameIn(path, id) ?? id };
    this.names.set(id, first);
    return first.name;
  }

  /** The paths naming an id (as written in the articles, not canonical). */
  *pathsNaming(id: string): Generator<string> {
    for (const slot of slotsIn(this.slotsById.get(id))) yield this.slots.pathAt(slot);
  }

  /** (id, path) for every source naming the canonical entity under any of its ids, by path then id. */
  sourcesOf(canonical: string, resolve: (id: string) => string): Array<readonly [string, string]> {
    if (!this.members) {
      this.members = new Map();
      for (const id of this.slotsById.keys()) {
        const target = resolve(id);
        this.members.set(target, (this.members.get(target) ?? new Set<string>()).add(id));
      }
    }
    const out: Array<readonly [string, string]> = [];
    for (const id of this.members.get(canonical) ?? []) for (const path of this.pathsNaming(id)) out.push([id, path]);
    return out.sort((a, b) => byText(a[1], b[1]) || byText(a[0], b[0]));
  }

  get size(): number {
    return this.slotsById.size;
  }
}
