/**
 * A source's entities as the corpus keeps them: one array per field rather than one object per
 * entity. An average article names 63 entities. As objects they took 72 bytes each, plus the
 * array that held them. As columns they take about 21 bytes each: two interned strings, a type
 * byte, and the entity's first mention and count. Aliases are kept only for the few entities
 * that have them. The objects (`SourceEntity`) are made again when a source is added, removed
 * or asked about, and are not kept.
 */
import { ENTITY_TYPES, type EntityType } from '../extract/entities/entityTypes';
import { NO_ALIASES, type SourceEntity } from './sourceFacts';

export interface EntityColumns {
  readonly ids: readonly string[];
  readonly names: readonly string[];
  /** Each entity's type, as its index in ENTITY_TYPES. */
  readonly types: Uint8Array;
  /** `first, count` of each entity's mentions in the source's packed spans. */
  readonly spans: Int32Array;
  /** The aliases of the entities that have any, by position. */
  readonly aliases: ReadonlyMap<number, readonly string[]> | null;
}

const TYPE_INDEX = new Map<string, number>(ENTITY_TYPES.map((t, i) => [t, i]));

export function toEntityColumns(entities: readonly SourceEntity[]): EntityColumns {
  const types = new Uint8Array(entities.length);
  const spans = new Int32Array(entities.length * 2);
  let aliases: Map<number, readonly string[]> | null = null;
  entities.forEach((e, i) => {
    const type = TYPE_INDEX.get(e.type);
    if (type === undefined) throw new RangeError(`unknown entity type ${JSON.stringify(e.type)}`);
    types[i] = type;
    spans[i * 2] = e.first;
    spans[i * 2 + 1] = e.count;
    if (e.aliases.length > 0) (aliases ??= new Map()).set(i, e.aliases);
  });
  return { ids: entities.map((e) => e.id), names: entities.map((e) => e.name), types, spans, aliases };
}

export function entityCount(columns: EntityColumns): number {
  return columns.ids.length;
}

/** Entity `i` as an object (made now, not kept). */
export function entityAt(columns: EntityColumns, i: number): SourceEntity {
  return {
    id: columns.ids[i]!,
    name: columns.names[i]!,
    type: ENTITY_TYPES[columns.types[i]!] as EntityType,
    aliases: columns.aliases?.get(i) ?? NO_ALIASES,
    first: columns.spans[i * 2]!,
    count: columns.spans[i * 2 + 1]!,
  };
}

/** Every entity as an object, in order (made now, not kept). */
export function fromEntityColumns(columns: EntityColumns): SourceEntity[] {
  return columns.ids.map((_, i) => entityAt(columns, i));
}

/** The entity with this id, if the source names it. */
export function findEntity(columns: EntityColumns, id: string): SourceEntity | undefined {
  const i = columns.ids.indexOf(id);
  return i < 0 ? undefined : entityAt(columns, i);
}
