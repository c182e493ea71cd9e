/** Which sources name which entity, and the ids that stand for one entity across the workspace. */
import type { SourceEntity } from './sourceFacts';

export class EntityIndex {
  /** entity id as articles name it → the paths naming it. */
  private readonly pathsById = new Map<string, Set<string>>();
  /** canonical id → the ids articles use for it; built on demand, dropped when aliases change. */
  private members: Map<string, Set<string>> | null = null;
  /** id → its name, as the first source naming it has it. */
  private readonly names = new Map<string, string>();

  add(path: string, entities: readonly SourceEntity[], resolve: (id: string) => string): void {
    for (const entity of entities) {
      const paths = this.pathsById.get(entity.id) ?? new Set<string>();
      if (paths.size === 0 && this.members) {
        const target = resolve(entity.id);
        this.members.set(target, (this.members.get(target) ?? new Set<string>()).add(entity.id));
      }
      this.pathsById.set(entity.id, paths.add(path));
      if (!this.names.has(entity.id)) this.names.set(entity.id, entity.name);
    }
  }

  remove(path: string, entities: readonly SourceEntity[], resolve: (id: string) => string): void {
    for (const entity of entities) {
      const paths = this.pathsById.get(entity.id);
      paths?.delete(path);
      if (paths?.size !== 0) continue;
      this.pathsById.delete(entity.id);
      this.names.delete(entity.id);
      const members = this.members?.get(resolve(entity.id));
      members?.delete(entity.id);
      if (members?.size === 0) this.members!.delete(resolve(entity.id));
    }
  }

  /** Aliases changed: the canonical groups are rebuilt on the next query. */
  forgetCanonical(): void {
    this.members = null;
  }

  clear(): void {
    this.pathsById.clear();
    this.names.clear();
    this.members = null;
  }

  /** The name of an entity id some source uses. */
  nameOf(id: string): string | undefined {
    return this.names.get(id);
  }

  /** (id, path) for every source naming the canonical entity under any of its ids. */
  sourcesOf(canonical: string, resolve: (id: string) => string): Array<readonly [string, string]> {
    if (!this.members) {
      this.members = new Map();
      for (const id of this.pathsById.keys()) {
        const target = resolve(id);
        this.members.set(target, (this.members.get(target) ?? new Set<string>()).add(id));
      }
    }
    const out: Array<readonly [string, string]> = [];
    for (const id of this.members.get(canonical) ?? []) for (const path of this.pathsById.get(id) ?? []) out.push([id, path]);
    return out;
  }

  get size(): number {
    return this.pathsById.size;
  }
}
