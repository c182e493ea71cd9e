/**
 * One entity across the workspace. Each article resolves its own aliases ("Corvanta" after
 * "Corvanta Labs Inc."); an article that only ever says "Corvanta" gets `entity:corvanta`. Here
 * every article's aliases vote: an id that some article uses as another name of exactly one
 * entity resolves to that entity. Two articles pointing one name at two entities leave it alone.
 */
import { entityId } from '../extract/entities/entityId';
import type { SourceEntity } from '../store/sourceFacts';

const MAX_HOPS = 3;

export class WorkspaceAliases {
  /** alias id → entity id it names → how many articles say so. */
  private readonly votes = new Map<string, Map<string, number>>();
  /** entity id → the alias ids voting for it (the reverse of `votes`), to find what an alias change reaches. */
  private readonly voters = new Map<string, Set<string>>();

  add(entities: readonly SourceEntity[]): void {
    for (const [alias, target] of aliasPairs(entities)) {
      const row = this.votes.get(alias) ?? new Map<string, number>();
      row.set(target, (row.get(target) ?? 0) + 1);
      this.votes.set(alias, row);
      const voters = this.voters.get(target) ?? new Set<string>();
      this.voters.set(target, voters.add(alias));
    }
  }

  remove(entities: readonly SourceEntity[]): void {
    for (const [alias, target] of aliasPairs(entities)) {
      const row = this.votes.get(alias);
      const count = row?.get(target);
      if (!row || count === undefined) continue;
      if (count > 1) {
        row.set(target, count - 1);
        continue;
      }
      row.delete(target);
      if (row.size === 0) this.votes.delete(alias);
      const voters = this.voters.get(target);
      voters?.delete(alias);
      if (voters?.size === 0) this.voters.delete(target);
    }
  }

  /** The workspace's id for an entity id: itself unless it is an unambiguous alias. */
  resolve(id: string): string {
    let current = id;
    for (let hop = 0; hop < MAX_HOPS; hop++) {
      const row = this.votes.get(current);
      if (!row || row.size !== 1) break;
      const next = row.keys().next().value as string;
      if (next === id) break;
      current = next;
    }
    return current;
  }

  /**
   * The ids whose resolution may change when the votes of `aliases` change: those ids, and every
   * id whose chain of hops reaches one of them. Only the changed rows differ between before and
   * after, so the ids found here are the same on both sides of the change.
   */
  reachingAny(aliases: readonly string[]): string[] {
    const found = new Set(aliases);
    let frontier = aliases;
    for (let hop = 1; hop < MAX_HOPS && frontier.length > 0; hop++) {
      const next: string[] = [];
      for (const id of frontier) {
        for (const voter of this.voters.get(id) ?? []) {
          if (!found.has(voter)) {
            found.add(voter);
            next.push(voter);
          }
        }
      }
      frontier = next;
    }
    return [...found];
  }

  /** The alias ids an article's entities vote on: what may resolve differently after it changes. */
  static touchedBy(entities: readonly SourceEntity[]): string[] {
    return [...new Set(aliasPairs(entities).map(([alias]) => alias))];
  }
}

function aliasPairs(entities: readonly SourceEntity[]): Array<readonly [string, string]> {
  const pairs: Array<readonly [string, string]> = [];
  for (const entity of entities) {
    for (const alias of entity.aliases) {
      const id = entityId(alias);
      if (id !== entity.id && id !== 'entity:') pairs.push([id, entity.id]);
    }
  }
  return pairs;
}
