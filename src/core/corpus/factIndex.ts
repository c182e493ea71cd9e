/**
 * Statements by fact key across sources. Keys are interned: every statement of a fact shares
 * one `FactKey` object, however many articles state it. Verdicts are computed on demand and
 * cached per key until a source stating that key changes. Most keys are stated by one source,
 * so a key holds two flat arrays (paths and statements, side by side) rather than a map.
 */
import { listOf } from '../collections';
import { byText, type CorpusFact, type FactKey, type FactKeyView, type Verdict } from '../facts/index';
import type { StoredStatement } from '../store/sourceFacts';
import { ConflictIndex } from './conflictIndex';
import { judgeFact, toView, type CachedVerdict } from './factViews';

/**
 * The statements of one canonical key: `statements[i]` is stated by `paths[i]`, a source's
 * statements together. Most keys are stated once: then the path and the statement are held as
 * they are, not in two arrays of one (112 bytes less for each such key).
 */
interface KeyEntry {
  /** The canonical key id (this one string is shared by every source's list of keys). */
  readonly id: string;
  paths: string | string[];
  statements: StoredStatement | StoredStatement[];
}

function statementCount(entry: KeyEntry): number {
  return typeof entry.paths === 'string' ? 1 : entry.paths.length;
}

/** Keys stated more often than this keep their `ConflictIndex`. */
const CACHED_FROM = 8;
const NO_PATHS: readonly string[] = [];

export class FactIndex {
  /** canonical key id → the statements of it. */
  private readonly byKey = new Map<string, KeyEntry>();
  /** path → canonical key id of each of its statements, in order. */
  private readonly keysOf = new Map<string, string[]>();
  /** key id → the one key object and how many statements use it (a chain for keys whose parties are named differently). */
  private readonly interned = new Map<string, SharedKey>();
  /** Verdicts by key, kept compact: the views are made when asked for. */
  private readonly verdicts = new Map<string, CachedVerdict | null>();
  /** A key's statements arranged to find what conflicts with one figure (`conflictIndexOf`), kept like the verdicts. */
  private readonly conflictIndexes = new Map<string, ConflictIndex>();

  constructor(private readonly tolerance: number) {}

  /** The shared key object with this content (counted until `release`); `store` makes the copy kept of a new one. */
  share(key: FactKey, store: (key: FactKey) => FactKey): FactKey {
    const first = this.interned.get(key.id);
    for (let entry = first; entry; entry = entry.next) {
      if (isSameKey(entry.key, key)) {
        entry.count++;
        return entry.key;
      }
    }
    const kept = store(key);
    this.interned.set(kept.id, { key: kept, count: 1, next: first });
    return kept;
  }

  /** Counts the statements' keys out; `dropped` gets each key no statement uses any more. */
  release(statements: readonly StoredStatement[], dropped: (key: FactKey) => void): void {
    for (const s of statements) {
      let previous: SharedKey | undefined;
      for (let entry = this.interned.get(s.key.id); entry; previous = entry, entry = entry.next) {
        if (entry.key !== s.key) continue;
        if (--entry.count === 0) {
          if (previous) previous.next = entry.next;
          else if (entry.next) this.interned.set(entry.next.key.id, entry.next);
          else this.interned.delete(s.key.id);
          dropped(entry.key);
        }
        break;
      }
    }
  }

  add(
    path: string,
    statements: readonly StoredStatement[],
    canonicalKeyId: (key: FactKey) => string,
    affected: Set<string>,
  ): void {
    const keys = statements.map((s) => {
      const computed = canonicalKeyId(s.key);
      // the key's own id when no alias changes it: one string for every statement of the key
      const id = computed === s.key.id ? s.key.id : computed;
      // a source's statements of a key are added one after the other: they stay together, in order
      let entry = this.byKey.get(id);
      if (!entry) {
        entry = { id, paths: path, statements: s };
        this.byKey.set(id, entry);
      } else if (typeof entry.paths === 'string') {
        entry.paths = [entry.paths, path];
        entry.statements = [entry.statements as StoredStatement, s];
      } else {
        entry.paths.push(path);
        (entry.statements as StoredStatement[]).push(s);
      }
      this.touch(entry.id, affected);
      return entry.id;
    });
    this.keysOf.set(path, keys);
  }

  remove(path: string, affected: Set<string>): void {
    const keys = this.keysOf.get(path);
    if (!keys) return;
    for (const keyId of new Set(keys)) {
      const entry = this.byKey.get(keyId);
      if (!entry) continue;
      const [paths, statements] = [listOf(entry.paths), listOf(entry.statements)];
      const kept = paths.map((p, i) => (p === path ? -1 : i)).filter((i) => i >= 0);
      if (kept.length === 0) this.byKey.delete(keyId);
      else if (kept.length === 1) {
        entry.paths = paths[kept[0]!]!;
        entry.statements = statements[kept[0]!]!;
      } else {
        entry.statements = kept.map((i) => statements[i]!);
        entry.paths = kept.map((i) => paths[i]!);
      }
      this.touch(keyId, affected);
    }
    this.keysOf.delete(path);
  }

  /** The canonical key of a source's statement, by its position in the source. */
  keyAt(path: string, index: number): string | undefined {
    return this.keysOf.get(path)?.[index];
  }

  /** Every statement of a key, with its source's path, a source's statements together in source order. */
  *statementsOf(keyId: string): Iterable<readonly [string, StoredStatement]> {
    const entry = this.byKey.get(keyId);
    if (!entry) return;
    const [paths, statements] = [listOf(entry.paths), listOf(entry.statements)];
    for (let i = 0; i < paths.length; i++) yield [paths[i]!, statements[i]!];
  }

  /** Whether a source other than `path` states the key. */
  isSharedBeyond(keyId: string, path: string): boolean {
    const entry = this.byKey.get(keyId);
    return !!entry && listOf(entry.paths).some((p) => p !== path);
  }

  /** The sources stating any of the keys, and the extra paths. */
  pathsSharing(keys: Iterable<string>, extra: Iterable<string>): string[] {
    const paths = new Set(extra);
    for (const key of keys) {
      const entry = this.byKey.get(key);
      if (entry) for (const path of listOf(entry.paths)) paths.add(path);
    }
    return [...paths].sort(byText);
  }

  /**
   * A key's statements arranged to find what conflicts with one figure; undefined for an unknown
   * key. Kept (until a source stating the key changes) only for a key stated more than
   * `CACHED_FROM` times: the many facts stated a few times are arranged again when asked, which
   * costs little, rather than kept in memory for every one of them.
   */
  conflictIndexOf(keyId: string): ConflictIndex | undefined {
    const cached = this.conflictIndexes.get(keyId);
    if (cached) return cached;
    const entry = this.byKey.get(keyId);
    if (!entry) return undefined;
    const index = new ConflictIndex(listOf(entry.paths), listOf(entry.statements), this.tolerance);
    if (statementCount(entry) > CACHED_FROM) this.conflictIndexes.set(keyId, index);
    return index;
  }

  /**
   * Every fact two sources or more state, with its verdict, by key id; `only` keeps some verdicts,
   * `isWanted` some keys (told a statement of the key), before any verdict or view is made.
   */
  facts(
    view: (keyId: string, statement: StoredStatement) => FactKeyView,
    only?: Verdict,
    isWanted?: (statement: StoredStatement) => boolean,
  ): CorpusFact[] {
    const out: CorpusFact[] = [];
    this.forEachFact(view, only, (fact) => out.push(fact), true, isWanted);
    return out;
  }

  /**
   * The facts of `facts(view, only)`, one at a time, in the same order (by key id). `isCaching`:
   * keep each verdict judged for the next query, as `facts` does. Without it nothing is kept, so
   * that a reader writing each fact out holds one at a time, not every fact with its views.
   */
  forEachFact(
    view: (keyId: string, statement: StoredStatement) => FactKeyView,
    only: Verdict | undefined,
    visit: (fact: CorpusFact) => void,
    isCaching = false,
    isWanted?: (statement: StoredStatement) => boolean,
  ): void {
    const keys: string[] = [];
    for (const [keyId, entry] of this.byKey)
      if (isStatedByMany(entry) && (!isWanted || isWanted(representative(entry)))) keys.push(keyId);
    for (const keyId of keys.sort(byText)) {
      const entry = this.byKey.get(keyId)!;
      const cached = this.verdictOf(keyId, entry, isCaching);
      if (!cached || (only && cached.verdict !== only)) continue;
      visit({
        key: view(keyId, representative(entry)),
        verdict: cached.verdict,
        reason: cached.reason,
        statements: cached.statements.map(([path, s]) => toView(path, s)),
      });
    }
  }

  /**
   * The sources of the statements of `facts(…, only)`, without making a view of any fact: a fact
   * at a step (the paths of its statements, or none), judging and caching each verdict as it goes,
   * so that a caller can pause between steps. The first walk after indexing judges every fact
   * stated by more than one source (2.9 s at 10,000 articles), later ones read the cached verdicts.
   * A change between steps is seen by the steps after it.
   */
  *pathsOfFactsInSteps(only: Verdict): Generator<readonly string[]> {
    for (const [keyId, entry] of this.byKey) {
      if (!isStatedByMany(entry)) continue;
      const cached = this.verdictOf(keyId, entry, true);
      yield cached && cached.verdict === only ? cached.statements.map(([path]) => path) : NO_PATHS;
    }
  }

  /** A key's verdict (null: none), judged once and kept when `isCaching`. */
  private verdictOf(keyId: string, entry: KeyEntry, isCaching: boolean): CachedVerdict | null {
    const cached = this.verdicts.get(keyId);
    if (cached !== undefined) return cached;
    const judged = judgeFact(groupByPath(entry), this.tolerance);
    if (isCaching) this.verdicts.set(keyId, judged);
    return judged;
  }

  get keyCount(): number {
    return this.byKey.size;
  }

  /** UTF-16 code units of the interned keys' strings. */
  get internedCharacters(): number {
    let total = 0;
    for (let entry of this.interned.values()) {
      for (; entry; entry = entry.next!) {
        const { key } = entry;
        total +=
          key.id.length +
          (key.period?.length ?? 0) +
          key.subject.parties.reduce((n, p) => n + p.id.length + p.name.length, 0);
      }
    }
    return total;
  }

  private touch(keyId: string, affected: Set<string>): void {
    affected.add(keyId);
    this.verdicts.delete(keyId);
    this.conflictIndexes.delete(keyId);
  }
}

interface SharedKey {
  readonly key: FactKey;
  count: number;
  next: SharedKey | undefined;
}

/** Keys with one id are interchangeable when their parties have the same names (a view may fall back on them). */
function isSameKey(a: FactKey, b: FactKey): boolean {
  return (
    a.subject.parties.length === b.subject.parties.length &&
    a.subject.parties.every((p, i) => p.name === b.subject.parties[i]!.name)
  );
}

/** Whether two sources or more state the key. */
function isStatedByMany(entry: KeyEntry): boolean {
  if (typeof entry.paths === 'string') return false; // stated once
  const first = entry.paths[0]!;
  return entry.paths.some((p) => p !== first);
}

/** The statement a key's view is made from: the first of the source that sorts first. */
function representative(entry: KeyEntry): StoredStatement {
  const [paths, statements] = [listOf(entry.paths), listOf(entry.statements)];
  let best = 0;
  for (let i = 1; i < paths.length; i++) if (byText(paths[i]!, paths[best]!) < 0) best = i;
  return statements[best]!;
}

function groupByPath(entry: KeyEntry): Map<string, StoredStatement[]> {
  const [paths, statements] = [listOf(entry.paths), listOf(entry.statements)];
  const byPath = new Map<string, StoredStatement[]>();
  for (let i = 0; i < paths.length; i++) {
    const list = byPath.get(paths[i]!);
    if (list) list.push(statements[i]!);
    else byPath.set(paths[i]!, [statements[i]!]);
  }
  return byPath;
}
