/**
 * Where a run keeps its sources' facts until it makes what crosses sources from them: a corpus of
 * everything in memory, or (the CLI's `FactsOnDisk`) a file read back once for each part.
 *
 * The deals need no statement, the conflicts no deal, and neither needs where an entity is
 * mentioned: a corpus made for one part keeps the entities (names and aliases, which make ids
 * canonical and name them) and that part alone, and gives the deals, or the conflicts, that a
 * corpus of everything gives.
 */
import { Corpus } from './corpus';
import { NO_DEALS } from '../store/packedDeals';
import type { SourceFacts } from '../store/sourceFacts';

/** What a corpus is made for: the deals, the conflicts, or everything (a summary, a whole JSON document). */
export type CorpusPart = 'deals' | 'conflicts' | 'everything';

export interface FactStore {
  /** A source's facts; a path added again replaces what it had. */
  add(facts: SourceFacts): void;
  /** A corpus of (at least) what `part` needs, of every source added so far. */
  corpusOf(part: CorpusPart): Corpus;
}

/**
 * `use` given a corpus of what `part` needs. Once `use` returns nothing holds that corpus, not
 * even a temporary of the caller's frame, so the next part's corpus can take its place. (In the
 * shipped bundle, a corpus passed straight from `corpusOf` to a call stayed reachable until the
 * caller returned: `newsmark merge` held its deals' corpus through its conflicts, 678 MB rather
 * than 456 MB at 10,000 articles.)
 */
export function withCorpus<T>(store: Pick<FactStore, 'corpusOf'>, part: CorpusPart, use: (corpus: Corpus) => T): T {
  return use(store.corpusOf(part));
}

/** Every source in one corpus: it serves every part. */
export class FactsInMemory implements FactStore {
  readonly corpus = new Corpus();

  add(facts: SourceFacts): void {
    this.corpus.updateFacts(facts);
  }

  corpusOf(): Corpus {
    return this.corpus;
  }
}

/** What of a source's facts `part` needs: for the deals no statement, for the conflicts no deal, and for either no mention. */
export function partOf(facts: SourceFacts, part: CorpusPart): SourceFacts {
  if (part === 'everything') return facts;
  return {
    path: facts.path,
    dateline: facts.dateline,
    statements: part === 'conflicts' ? facts.statements : [],
    entities: facts.entities.map((e) => ({ ...e, first: 0, count: 0 })),
    mentions: NO_MENTIONS,
    forms: [],
    deals: part === 'deals' ? facts.deals : NO_DEALS,
  };
}

const NO_MENTIONS = new Int32Array(0);
