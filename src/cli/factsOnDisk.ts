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
 */
import { Corpus } from '../core/corpus/corpus';
import { readFactsTable, tableOf } from '../core/store/factsTable';
import { FactsInMemory, partOf, type CorpusPart, type FactStore } from '../core/corpus/corpusParts';
import type { SourceFacts } from '../core/store/sourceFacts';
import { OutputError, report } from './output';
import { SpillError, type SpillFile } from './spill';

export class FactsOnDisk implements FactStore {
  /** The corpus of everything, once the facts could not be (or no longer be) held on disk. */
  private inMemory: FactsInMemory | undefined;

  private constructor(private spill: SpillFile | undefined) {
    if (!spill) this.inMemory = new FactsInMemory();
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

  add(facts: SourceFacts, table?: Uint8Array): void {
    if (this.inMemory) {
      this.inMemory.add(facts);
      return;
    }
    try {
      // from a cache entry, the table's bytes as the entry keeps them: not encoded again
      this.spill!.add(table ?? JSON.stringify(tableOf(facts)));
    } catch (error) {
      if (!(error instanceof SpillError)) throw error;
      report(`${error.message}; the facts are held in memory instead`);
      this.intoMemory();
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
    this.spill?.dispose();
    this.spill = undefined;
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
    const spill = this.spill!;
    for (let i = 0; i < spill.size; i++) {
      let facts: SourceFacts | string;
      try {
        facts = readFactsTable(JSON.parse(spill.read(i)));
      } catch (error) {
        if (error instanceof SpillError) throw new OutputError(`${error.message}; the output is incomplete`);
        throw error;
      }
      // the run's own file, written a moment ago: one that does not read back is the disk's fault
      if (typeof facts === 'string')
        throw new OutputError(`the temp file gave back facts that do not hold (${facts}); the output is incomplete`);
      visit(facts);
    }
  }
}
