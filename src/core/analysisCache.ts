/**
 * What an edit leaves unchanged need not be computed again: the prose blocks of each markdown
 * section, and the sentences and figures of each block, keyed by their text. An editor keeps one
 * cache per document; after a one-character edit only the touched section and block are redone.
 */
import type { ProseBlock } from './parse/blocks';
import type { SentenceSpan } from './parse/sentences';
import type { ProseFigure } from './extract/figures/figure';
import type { BlockWork } from './extract/entities/blockWork';
import type { Lexicon } from './extract/entities/lexicon';
import type { KindSignal } from './extract/deals/kinds';
import type { Attribution } from './extract/claims/attribution';

/** A map that forgets its least recently used entries beyond `capacity`. */
export class BoundedCache<K, V> {
  private readonly entries = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.entries.size;
  }

  get(key: K): V | undefined {
    const value = this.entries.get(key);
    if (value !== undefined) {
      this.entries.delete(key);
      this.entries.set(key, value);
    }
    return value;
  }

  set(key: K, value: V): void {
    this.entries.delete(key);
    this.entries.set(key, value);
    while (this.entries.size > this.capacity) this.entries.delete(this.entries.keys().next().value as K);
  }
}

/** The blocks of one section as first parsed, and where that section started then. */
export interface CachedSection {
  readonly start: number;
  readonly blocks: readonly ProseBlock[];
}

export class AnalysisCache {
  readonly sections = new BoundedCache<string, CachedSection>(256);
  readonly sentences = new BoundedCache<string, SentenceSpan[]>(4096);
  readonly figures = new BoundedCache<string, ProseFigure[]>(4096);
  /** Deal signals per sentence text, and attributions per sentence text and mentions. */
  readonly signals = new BoundedCache<string, KindSignal[]>(8192);
  readonly attributions = new BoundedCache<string, Attribution | null>(8192);
  private entities = new BoundedCache<string, BlockWork>(4096);
  private entitiesLexicon: Lexicon | undefined;

  /** Per-block entity work, valid for one lexicon: a new lexicon starts it afresh. */
  entityWork(lexicon: Lexicon): BoundedCache<string, BlockWork> {
    if (lexicon !== this.entitiesLexicon) {
      this.entities = new BoundedCache<string, BlockWork>(4096);
      this.entitiesLexicon = lexicon;
    }
    return this.entities;
  }
}
