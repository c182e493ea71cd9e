/**
 * Statements by fact key across sources. Keys are interned: every statement of a fact shares
 * one `FactKey` object, however many articles state it. Verdicts are computed on demand and
 * cached per key until a source stating that key changes.
 */
import type { FactKey } from './factKey';
import type { Verdict } from './compare';
import { judgeFact, toView, type CachedVerdict } from './factViews';
import type { StoredStatement } from './sourceFacts';
import type { CorpusFact, FactKeyView } from './views';
import { byText } from './order';

export class FactIndex {
  /** canonical key id → path → that source's statements of it. */
  private readonly byKey = new Map<string, Map<string, StoredStatement[]>>();
  /** path → canonical key id of each of its statements, in order. */
  private readonly keysOf = new Map<string, string[]>();
  /** raw key id → the one key object and how many statements use it. */
  private readonly interned = new Map<string, { key: FactKey; count: number }>();
  /** Verdicts by key, kept compact: the views are made when asked for. */
  private readonly verdicts = new Map<string, CachedVerdict | null>();

  constructor(private readonly tolerance: number) {}

  /** The statements with their keys replaced by the shared ones (counted until `release`). */
  share(statements: readonly StoredStatement[]): StoredStatement[] {
    return statements.map((s) => {
      const entry = this.interned.get(s.key.id) ?? { key: s.key, count: 0 };
      entry.count++;
      this.interned.set(s.key.id, entry);
      return entry.key === s.key ? s : { ...s, key: entry.key };
    });
  }

  release(statements: readonly StoredStatement[]): void {
    for (const s of statements) {
      const entry = this.interned.get(s.key.id);
      if (entry && --entry.count === 0) this.interned.delete(s.key.id);
    }
  }

  add(path: string, statements: readonly StoredStatement[], canonicalKeyId: (key: FactKey) => string, affected: Set<string>): void {
    const keys = statements.map((s) => canonicalKeyId(s.key));
    statements.forEach((s, i) => {
      const byPath = this.byKey.get(keys[i]!) ?? new Map<string, StoredStatement[]>();
      const list = byPath.get(path) ?? [];
      list.push(s);
      byPath.set(path, list);
      this.byKey.set(keys[i]!, byPath);
      this.touch(keys[i]!, affected);
    });
    this.keysOf.set(path, keys);
  }

  remove(path: string, affected: Set<string>): void {
    for (const keyId of this.keysOf.get(path) ?? []) {
      const byPath = this.byKey.get(keyId);
      byPath?.delete(path);
      if (byPath?.size === 0) this.byKey.delete(keyId);
      this.touch(keyId, affected);
    }
    this.keysOf.delete(path);
  }

  /** Forgets the index (not the interned keys): for rebuilding it when entities resolve differently. */
  clear(): void {
    this.byKey.clear();
    this.keysOf.clear();
    this.verdicts.clear();
  }

  /** The canonical key of a source's statement, by its position in the source. */
  keyAt(path: string, index: number): string | undefined {
    return this.keysOf.get(path)?.[index];
  }

  /** Every source's statements of a key, by path. */
  statementsOf(keyId: string): ReadonlyMap<string, readonly StoredStatement[]> {
    return this.byKey.get(keyId) ?? new Map();
  }

  /** The sources stating any of the keys, and the extra paths. */
  pathsSharing(keys: ReadonlySet<string>, extra: readonly string[]): string[] {
    const paths = new Set(extra);
    for (const key of keys) for (const path of this.byKey.get(key)?.keys() ?? []) paths.add(path);
    return [...paths].sort();
  }

  /** Every fact two sources or more state, with its verdict, by key id; `only` keeps some verdicts. */
  facts(view: (keyId: string, statement: StoredStatement) => FactKeyView, only?: Verdict): CorpusFact[] {
    const out: CorpusFact[] = [];
    for (const [keyId, byPath] of this.byKey) {
      if (byPath.size < 2) continue;
      let cached = this.verdicts.get(keyId);
      if (cached === undefined) {
        cached = judgeFact(byPath, this.tolerance);
        this.verdicts.set(keyId, cached);
      }
      if (!cached || (only && cached.verdict !== only)) continue;
      const key = view(keyId, byPath.values().next().value![0]!);
      out.push({ key, verdict: cached.verdict, reason: cached.reason, statements: cached.statements.map(([path, s]) => toView(path, s)) });
    }
    return out.sort((a, b) => byText(a.key.id, b.key.id));
  }

  get keyCount(): number {
    return this.byKey.size;
  }

  /** UTF-16 code units of the interned keys' strings. */
  get internedCharacters(): number {
    let total = 0;
    for (const { key } of this.interned.values()) {
      total += key.id.length + (key.period?.length ?? 0) + key.subject.parties.reduce((n, p) => n + p.id.length + p.name.length, 0);
    }
    return total;
  }

  private touch(keyId: string, affected: Set<string>): void {
    affected.add(keyId);
    this.verdicts.delete(keyId);
  }
}
