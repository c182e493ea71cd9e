/**
 * The reduce step: sources arrive one at a time — from shards written by `newsmark extract
 * --jsonl` anywhere, or analysed in this run — and only their compact facts are kept (the
 * corpus's), never their text. The result — sources, entity index, deals, conflicts — depends
 * on the set of sources, not on how they were split or in what order they came: the corpus
 * merges deal groups and keys in path order, and everything here is sorted.
 *
 * A path that arrives twice is counted once. With the same content (sha256) that is only said;
 * with different contents the one whose sha256 sorts first is kept, whatever the order.
 */
import type { Corpus } from '../corpus/corpus';
import { FactsInMemory, type CorpusPart, type FactStore } from '../corpus/corpusParts';
import type { SourceEntity, SourceFacts } from '../store/sourceFacts';
import { StringPool } from '../store/stringPool';
import { byText } from '../facts/index';
import { toExtractConflict, toExtractDeal } from '../extractOutput';
import { CORPUS_SCHEMA_VERSION, type CorpusEntityRecord, type CorpusOutput } from '../schema';

/** Where a source was read: "shard-2.jsonl:17", or an article's path. */
export type Origin = string;

export type AddOutcome =
  | { readonly status: 'added' }
  /** The same path with the same content, already merged from `first`: counted once. */
  | { readonly status: 'duplicate'; readonly first: Origin }
  /** The same path with another content: the one kept is `kept` (its sha256 sorts first). */
  | {
      readonly status: 'differing';
      readonly other: Origin;
      readonly keptOrigin: Origin;
      readonly kept: string;
      readonly dropped: string;
    };

interface MergedSource {
  readonly sha256: string;
  readonly origin: Origin;
  /** Each entity the source names: its id there, its number of mentions, its name and type. */
  readonly entityMentions: ReadonlyArray<Pick<SourceEntity, 'id' | 'count' | 'name' | 'type'>>;
}

export class CorpusMerge {
  private readonly sources = new Map<string, MergedSource>();
  /**
   * One string for each entity id and name, however many sources name it (10,000 articles name
   * 631,334 entities), none a view of an article analysed here.
   */
  private readonly strings = new StringPool();

  /** `facts`: where the sources' facts wait until the corpus document is made (the CLI's: on disk). */
  constructor(private readonly facts: FactStore = new FactsInMemory()) {}

  /** Merges one source's facts (its text is not needed and not kept). */
  add(sha256: string, facts: SourceFacts, origin: Origin): AddOutcome {
    const previous = this.sources.get(facts.path);
    if (previous?.sha256 === sha256) return { status: 'duplicate', first: previous.origin };
    if (previous && byText(previous.sha256, sha256) <= 0) {
      return {
        status: 'differing',
        other: previous.origin,
        keptOrigin: previous.origin,
        kept: previous.sha256,
        dropped: sha256,
      };
    }
    this.sources.set(facts.path, {
      sha256,
      origin,
      entityMentions: facts.entities.map(({ id, count, name, type }) => ({
        id: this.strings.intern(id),
        count,
        name: this.strings.intern(name),
        type,
      })),
    });
    this.facts.add(facts);
    return previous
      ? { status: 'differing', other: previous.origin, keptOrigin: origin, kept: sha256, dropped: previous.sha256 }
      : { status: 'added' };
  }

  get size(): number {
    return this.sources.size;
  }

  /** A corpus of what `part` needs (`corpusParts.ts`), of every source merged. */
  corpusOf(part: CorpusPart): Corpus {
    return this.facts.corpusOf(part);
  }

  /** Every source merged, by path. */
  sourceList(): Array<{ path: string; sha256: string }> {
    return [...this.sources].map(([path, s]) => ({ path, sha256: s.sha256 })).sort((a, b) => byText(a.path, b.path));
  }

  /**
   * The entity index: each entity of the corpus under its workspace id (aliases that articles
   * use for one entity joined), with every id it goes by and its mentions per source; by id.
   * `corpus`: one of `corpusOf`, any part (each has every entity's names and aliases).
   */
  entities(corpus: Corpus = this.corpusOf('everything')): CorpusEntityRecord[] {
    const byId = new Map<
      string,
      { ids: Set<string>; sources: Map<string, number>; fallback: Pick<SourceEntity, 'name' | 'type'> }
    >();
    for (const [path, source] of this.sources) {
      for (const named of source.entityMentions) {
        const id = corpus.canonicalEntityId(named.id);
        let entry = byId.get(id);
        if (!entry) byId.set(id, (entry = { ids: new Set(), sources: new Map(), fallback: named }));
        entry.ids.add(named.id);
        entry.sources.set(path, (entry.sources.get(path) ?? 0) + named.count);
      }
    }
    const out: CorpusEntityRecord[] = [];
    for (const [id, entry] of byId) {
      const entity = corpus.entity(id) ?? entry.fallback;
      const sources = [...entry.sources]
        .sort(([a], [b]) => byText(a, b))
        .map(([path, mentionCount]) => ({ path, mentionCount }));
      out.push({
        id,
        name: entity.name,
        type: entity.type,
        ids: [...entry.ids].sort(byText),
        mentionCount: sources.reduce((n, s) => n + s.mentionCount, 0),
        sources,
      });
    }
    return out.sort((a, b) => byText(a.id, b.id));
  }

  /** The whole corpus document at once (`newsmark merge` writes the same bytes in pieces). */
  document(): CorpusOutput {
    const corpus = this.corpusOf('everything');
    return {
      schemaVersion: CORPUS_SCHEMA_VERSION,
      sources: this.sourceList(),
      entities: this.entities(corpus),
      deals: corpus.deals(DEAL_MERGE).map(toExtractDeal),
      conflicts: corpus.conflicts().map(toExtractConflict),
    };
  }
}

/** As `newsmark extract` merges deals across sources: each deal keeps its headline amount. */
export const DEAL_MERGE = 'same-value';
