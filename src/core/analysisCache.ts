/**
 * What an edit leaves unchanged need not be computed again: the prose blocks of each markdown
 * section, and the sentences and figures of each block, keyed by their text. An editor keeps one
 * cache per document; after a one-character edit only the touched section and block are redone.
 */
import type { BlockKind } from './parse/blocks';
import type { SectionBlocks } from './parse/markdown';
import type { SentenceSpan } from './parse/sentences';
import type { ProseFigure } from './extract/figures/figure';
import type { BlockWork } from './extract/entities/blockWork';
import type { Lexicon } from './extract/entities/lexicon';
import type { KindSignal } from './extract/deals/kinds';
import type { FrameHit } from './extract/deals/match';
import type { SentenceName, ShapedSentence } from './extract/deals/shape';
import type {
  AmountMention,
  ContextQuery,
  DateMention,
  PartyMention,
  SentenceDeal,
} from './extract/deals/sentenceDeals';
import type { Attribution } from './extract/claims/attribution';

/**
 * A map that forgets what has not been used lately: entries live in a current and a previous
 * generation of at most `capacity` each; a hit in the previous one moves the entry forward, and
 * a full current generation retires the previous one. A hit costs one lookup, with no reordering.
 */
export class BoundedCache<K, V> {
  private current = new Map<K, V>();
  private previous = new Map<K, V>();

  constructor(private readonly capacity: number) {}

  get size(): number {
    return this.current.size + this.previous.size;
  }

  get(key: K): V | undefined {
    const value = this.current.get(key);
    if (value !== undefined) return value;
    const old = this.previous.get(key);
    if (old !== undefined) {
      this.previous.delete(key);
      this.set(key, old);
    }
    return old;
  }

  set(key: K, value: V): void {
    this.current.set(key, value);
    if (this.current.size >= this.capacity) {
      this.previous = this.current;
      this.current = new Map<K, V>();
    }
  }
}

/** The entity work of a block's text, for the kind of block it was done for. */
export interface CachedBlockWork {
  readonly kind: BlockKind;
  readonly work: BlockWork;
}

/**
 * A sentence shaped for the deal frames and the frames' hits, for the names and amounts it was
 * shaped with; and its deals, for the dates they were dated with, valid while the document still
 * answers the deals' questions alike.
 */
export interface CachedFrames {
  readonly parties: readonly PartyMention[];
  readonly others: readonly SentenceName[];
  readonly amounts: readonly AmountMention[];
  readonly dates: readonly DateMention[];
  readonly shaped: ShapedSentence;
  readonly hits: readonly FrameHit[];
  readonly deals?: readonly SentenceDeal[];
  /** What the deals asked of the document (a lead-in, the round referred to) and its answers. */
  readonly queries?: readonly ContextQuery[];
}

/** A sentence's attribution, for the entity mentions it was found with. */
export interface CachedAttribution {
  readonly mentionsKey: string;
  readonly attribution: Attribution | null;
}

export class AnalysisCache {
  /** Parsed markdown sections by their text (and the stubs and sentinel they were parsed with). */
  readonly sections = new BoundedCache<string, SectionBlocks>(256);
  readonly sentences = new BoundedCache<string, SentenceSpan[]>(4096);
  readonly figures = new BoundedCache<string, ProseFigure[]>(4096);
  /** Deal signals per sentence text, and attributions per sentence text (for the mentions keyed). */
  readonly signals = new BoundedCache<string, KindSignal[]>(8192);
  readonly attributions = new BoundedCache<string, CachedAttribution>(8192);
  /** Deal frames' hits per sentence text (for the names and amounts keyed). */
  readonly frames = new BoundedCache<string, CachedFrames>(8192);
  private entities = new BoundedCache<string, CachedBlockWork>(4096);
  private entitiesLexicon: Lexicon | undefined;

  /** Per-block entity work by block text, valid for one lexicon: a new lexicon starts it afresh. */
  entityWork(lexicon: Lexicon): BoundedCache<string, CachedBlockWork> {
    if (lexicon !== this.entitiesLexicon) {
      this.entities = new BoundedCache<string, CachedBlockWork>(4096);
      this.entitiesLexicon = lexicon;
    }
    return this.entities;
  }
}
