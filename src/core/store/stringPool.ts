/**
 * One copy of each string the corpus keeps from many sources (entity ids and names, figure
 * texts, dates, units): counted, so that a string goes once no source keeps it. The first copy
 * is detached from the article it came from, so that a kept name never keeps a whole article
 * alive (engines keep a slice of a long string as a view of it).
 */
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
}
