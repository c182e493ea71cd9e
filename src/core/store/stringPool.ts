/**
 * One copy of each string the corpus keeps from many sources (entity ids and names, figure
 * texts, dates, units): counted, so that a string goes once no source keeps it. The first copy
 * is detached from the article it came from, so that a kept name never keeps a whole article
 * alive (engines keep a slice of a long string as a view of it).
 */
import type { Party } from '../facts/index';
import { detach } from './sourceFacts';

export class StringPool {
  private readonly entries = new Map<string, { readonly text: string; count: number }>();

  /** `isDetached`: the text is known to share no memory with an article (posted from a worker thread, parsed from JSON). */
  intern(text: string, isDetached = false): string {
    const entry = this.entries.get(text);
    if (entry) {
      entry.count++;
      return entry.text;
    }
    const kept = isDetached ? text : detach(text);
    this.entries.set(kept, { text: kept, count: 1 });
    return kept;
  }

  /** Like `intern`, for a string or null. */
  internNullable<T extends string | null>(text: T, isDetached = false): T {
    return (text === null ? null : this.intern(text, isDetached)) as T;
  }

  release(text: string | null): void {
    if (text === null) return;
    const entry = this.entries.get(text);
    if (entry && --entry.count === 0) this.entries.delete(text);
  }

  get size(): number {
    return this.entries.size;
  }

  /** Every string held (what a corpus snapshot writes once for all its records). */
  strings(): IterableIterator<string> {
    return this.entries.keys();
  }

  /**
   * One party object for each id and name, shared by every fact key naming it (an average
   * article's keys name 31 parties, the whole corpus a few hundred distinct ones). The party's
   * strings are interned with it; `releaseParty` gives back what this took.
   */
  internParty(party: Party, isDetached = false): Party {
    const entries = this.parties.get(party.id);
    const found = entries?.find((e) => e.party.name === party.name);
    if (found) {
      found.count++;
      return found.party;
    }
    const kept: Party = { id: this.intern(party.id, isDetached), name: this.intern(party.name, isDetached) };
    const entry = { party: kept, count: 1 };
    if (entries) entries.push(entry);
    else this.parties.set(kept.id, [entry]);
    return kept;
  }

  releaseParty(party: Party): void {
    const entries = this.parties.get(party.id);
    const at = entries?.findIndex((e) => e.party === party) ?? -1;
    if (at < 0) return;
    if (--entries![at]!.count > 0) return;
    this.release(party.id);
    this.release(party.name);
    entries!.splice(at, 1);
    if (entries!.length === 0) this.parties.delete(party.id);
  }

  /** Distinct parties held (for tests). */
  get partyCount(): number {
    let n = 0;
    for (const entries of this.parties.values()) n += entries.length;
    return n;
  }

  private readonly parties = new Map<string, Array<{ readonly party: Party; count: number }>>();
}
