/**
 * What an entity can be, and what a lexicon entry says of it: constants and types only, so that
 * the editor can name entity types at activation without loading the lexicon's data
 * (lexicon.ts re-exports them).
 */
export const ENTITY_TYPES = ['org', 'person', 'product', 'place', 'initiative', 'event'] as const;
export type EntityType = (typeof ENTITY_TYPES)[number];

export interface LexiconEntry {
  readonly name: string;
  readonly type: EntityType;
  readonly aliases?: readonly string[];
  readonly tickers?: readonly string[];
  /** An ordinary word too ("X", "Threads"): not trusted at the start of a sentence. */
  readonly ambiguous?: boolean;
  /** The organisation a product or unit belongs to ("Azure" → "Microsoft"). */
  readonly parent?: string;
  /** What the entity is in deals: a cloud or compute provider, a chip supplier, a media outlet, an investor. */
  readonly roles?: readonly EntityRole[];
}

export const ENTITY_ROLES = ['cloud', 'chips', 'media', 'investor'] as const;
export type EntityRole = (typeof ENTITY_ROLES)[number];

/** What a workspace adds: entities and aliases, and strings that are not entities. */
export interface LexiconAdditions {
  readonly entities?: readonly LexiconEntry[];
  readonly notEntities?: readonly string[];
}
