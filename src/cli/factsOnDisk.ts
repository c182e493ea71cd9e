/**
 * The facts of `extract --jsonl` (and of `merge`), held on disk while the sources are read, then
 * read back twice: once into a corpus of what the deals need, once into one of what the conflicts need.
 *
 * A corpus of every fact was the CLI's peak memory: at 10,000 articles, about 300 MB of facts
 * and their indexes, live from the last analysis to the last conflict written. No part of it is
 * large on its own (docs/scale.md): the statements and their fact keys, the deals, the entities
 * and each one's indexes are 10–40 MB each. But the deals array needs no statement, and the
 * conflicts need no deal, and neither needs where an entity is mentioned. So the line of deals
 * and conflicts is made from two smaller corpora, one after the other, each of the entities
 * (names and aliases, which make ids canonical) and of one part. A source's facts go to a spill
 * file as its line is written, as a string table (`tableOf`), and nothing of them stays in the
 * heap but their place in the file.
 *
 * Both corpora are fed the sources in the order they came, so they give the deals and the
 * conflicts a corpus of everything gives: same bytes (a test holds the two to it).
 *
 * Without a temp file, or when the disk fills while the articles are analysed, the facts are kept
 * in one corpus in memory, as before, with one line on stderr saying why.
 *
 * A source read from the cache (`addKept`) gives its facts as the bytes of their table, and they go
 * to the file as they are, not parsed: a warm run that reads its last line from the cache never
 * needs them. Parsed when read back, they are checked then; facts that do not hold (an entry made
 * by hand, with a CRC-32 to match) end the run with one line naming the article, and its entry is
 * removed, so that the next run analyses it again.
 */
import { Corpus } from '../core/corpus/corpus';
import { readFactsTable, tableOf } from '../core/store/factsTable';
import { factsNaming, readEntryFacts } from '../core/store/persistedFacts';
import { removeQuietly } from '../node/quietFs';
import { FactsInMemory, partOf, type CorpusPart, type FactStore } from '../core/corpus/corpusParts';
import type { SourceFacts } from '../core/store/sourceFacts';
import { OutputError, report } from './output';
import { SpillError, type SpillFile } from './spill';

export class FactsOnDisk implements FactStore {
  /** The corpus of everything, once the facts could not be (or no longer be) held on disk. */
  private inMemory: FactsInMemory | undefined;

  /** The sources read from the cache, by their place in the spill file: whose entry to blame if their facts do not hold. */
  private readonly kept = new Map<number, KeptName>();

  private constructor(private file: SpillFile | undefined) {
    if (!file) this.inMemory = new FactsInMemory();
  }

  /** On disk in `spill` (`SpillFile.open()`); in memory, and one line on stderr, when there is none. */
  static open(spill: SpillFile | undefined): FactsOnDisk {
    if (!spill) report('cannot make a temp file; the facts are held in memory instead');
    return new FactsOnDisk(spill);
  }

  /** Whether the facts are on disk (false once they had to be moved into memory). */
  get isOnDisk(): boolean {
    return this.inMemory === undefined;
  }

  add(facts: SourceFacts): void {
    if (this.inMemory) this.inMemory.add(facts);
    else this.spill(JSON.stringify(tableOf(facts)), () => this.inMemory!.add(facts));
  }

  /** A source's facts as a cache entry keeps them: the bytes of their table, parsed only when read back. */
  addKept(kept: KeptFacts): void {
    if (this.inMemory) this.inMemory.add(factsOfKept(kept, kept.factsTable));
    else {
      // only what names it: its table is in the file, and `kept` may be a whole line's result
      const { factsPath, path, entryFile } = kept;
      this.kept.set(this.file!.size, { factsPath, path, entryFile });
      this.spill(kept.factsTable, () => this.inMemory!.add(factsOfKept(kept, kept.factsTable)));
    }
  }

  /**
   * A corpus of what `part` needs (`partOf`): on disk, a new corpus each time, read back from the
   * file; in memory, the one corpus of everything.
   */
  corpusOf(part: CorpusPart): Corpus {
    if (this.inMemory) return this.inMemory.corpus;
    const corpus = new Corpus();
    this.forEachSpilled((facts) => corpus.updateFacts(partOf(facts, part), { isDetached: true }));
    return corpus;
  }

  /** Closes and removes the temp file; safe to call more than once. */
  dispose(): void {
    this.file?.dispose();
    this.file = undefined;
  }

  /** `item` to the file; when the disk cannot take it, everything into memory and then `instead`. */
  private spill(item: string | Uint8Array, instead: () => void): void {
    try {
      this.file!.add(item);
    } catch (error) {
      if (!(error instanceof SpillError)) throw error;
      report(`${error.message}; the facts are held in memory instead`);
      this.intoMemory();
      instead();
    }
  }

  /** Every source's facts so far into one corpus in memory, and the temp file removed. */
  private intoMemory(): void {
    const inMemory = new FactsInMemory();
    try {
      this.forEachSpilled((facts) => inMemory.corpus.updateFacts(facts, { isDetached: true }));
    } finally {
      this.dispose();
    }
    this.inMemory = inMemory;
  }

  /** Every spilled source's facts, in the order they came; a file that cannot give them back is an OutputError. */
  private forEachSpilled(visit: (facts: SourceFacts) => void): void {
    const file = this.file!;
    for (let i = 0; i < file.size; i++) {
      let text: string;
      try {
        text = file.read(i);
      } catch (error) {
        if (error instanceof SpillError) throw new OutputError(`${error.message}; the output is incomplete`);
        throw error;
      }
      const kept = this.kept.get(i);
      if (kept) {
        visit(factsOfKept(kept, text));
        continue;
      }
      const facts = readFactsTable(JSON.parse(text));
      // the run's own file, written a moment ago: one that does not read back is the disk's fault
      if (typeof facts === 'string')
        throw new OutputError(`the temp file gave back facts that do not hold (${facts}); the output is incomplete`);
      visit(facts);
    }
  }
}

/** A source's facts as its cache entry keeps them (`CachedLine`). */
export interface KeptFacts {
  /** The path the facts must name (the entry's key's). */
  readonly factsPath: string;
  /** UTF-8 JSON of `tableOf(facts)`. */
  readonly factsTable: Uint8Array;
  /** The article, for the message. */
  readonly path: string;
  /** The entry they came from: removed if they do not hold. */
  readonly entryFile: string;
}

/** What names kept facts, without them. */
type KeptName = Omit<KeptFacts, 'factsTable'>;

/**
 * The facts of `kept`, parsed from their table (its bytes, or its text as read back from the temp
 * file) and checked. Facts that do not hold end the run (an OutputError naming the article), and
 * their entry is removed, so that the next run analyses the article again.
 */
function factsOfKept(kept: KeptName, table: Uint8Array | string): SourceFacts {
  let facts: SourceFacts | string;
  if (typeof table !== 'string') facts = readEntryFacts({ key: { path: kept.factsPath }, factsTable: table });
  else {
    try {
      facts = factsNaming(JSON.parse(table), kept.factsPath);
    } catch {
      facts = 'not JSON';
    }
  }
  if (typeof facts !== 'string') return facts;
  const removed = removeQuietly(kept.entryFile);
  throw new OutputError(
    `${kept.path}: the facts its cache entry kept do not hold (${facts}); ${removed ? 'the entry is removed, and the next run analyses the article again' : `remove ${kept.entryFile}, and the next run analyses the article again`}; the output is incomplete`,
  );
}
