/**
 * One entity across the workspace. Each article resolves its own aliases ("Corvanta" after
 * "Corvanta Labs Inc."); an article that only ever says "Corvanta" gets `entity:corvanta`. Here
 * every article's aliases vote: an id that some article uses as another name of exactly one
 * entity resolves to that entity. Two articles pointing one name at two entities leave it alone.
 */
import { entityId } from '../extract/entities/index';
import type { SourceEntity } from './sourceFacts';

const MAX_HOPS = 3;

export class WorkspaceAliases {
  /** alias id → entity id it names → how many articles say so. */
  private readonly votes = new Map<string, Map<string, number>>();

  add(entities: readonly SourceEntity[]): void {
    for (const [alias, target] of aliasPairs(entities)) {
      const row = this.votes.get(alias) ?? new Map<string, number>();
      row.set(target, (row.get(target) ?? 0) + 1);
      this.votes.set(alias, row);
    }
  }

  remove(entities: readonly SourceEntity[]): void {
    for (const [alias, target] of aliasPairs(entities)) {
      const row = this.votes.get(alias);
      const count = row?.get(target);
      if (!row || count === undefined) continue;
      if (count > 1) row.set(target, count - 1);
      else row.delete(target);
      if (row.size === 0) this.votes.delete(alias);
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
