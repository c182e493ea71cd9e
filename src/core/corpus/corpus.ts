/**
 * Every source of a workspace at once, kept current one article at a time: `update` when an
 * article is (re-)analysed, `remove`, `rename`. Each article is reduced to its compact
 * `SourceFacts`; indexes by fact key, entity and deal group make the queries — other sources'
 * statements of a figure's fact, conflicts, an entity's mentions, deals across sources —
 * independent of the number of articles that do not share the fact. Cross-source verdicts are
 * computed on demand and cached until a source sharing the fact changes.
 */
import type { Analysis } from '../analysis';
import type { Deal } from '../extract/deals/deal';
import { WorkspaceAliases } from './aliases';
import { DEFAULT_TOLERANCE, compareStatements, type Verdict } from './compare';
import { mergeAcrossSources, type CorpusDeal } from './deals';
import { describeFact, keyView, toView } from './factViews';
import { retainedCharacters, summariseSource, type SourceFacts, type StoredStatement } from './sourceFacts';
import { factKeyId } from './factKey';
import type { CorpusChange, CorpusEntity, CorpusEntityMention, CorpusFact, FigureFacts, RetainedCounts } from './views';

export interface CorpusOptions {
  /** Relative difference two exact figures may have and still agree (default 0.01). */
  readonly tolerance?: number;
}

export class Corpus {
  private readonly tolerance: number;
  private readonly sources = new Map<string, SourceFacts>();
  private readonly aliases = new WorkspaceAliases();
  /** canonical key id → path → that source's statements of it. */
  private readonly byKey = new Map<string, Map<string, StoredStatement[]>>();
  /** path → canonical key id of each of its statements, in order. */
  private readonly keysOf = new Map<string, string[]>();
  /** entity id as articles name it → the paths naming it. */
  private readonly entityPaths = new Map<string, Set<string>>();
  /** canonical entity id → the ids articles use for it; rebuilt when aliases change. */
  private members: Map<string, Set<string>> | null = null;
  /** deal group (kind and canonical parties) → the paths with such a deal. */
  private readonly dealGroups = new Map<string, Set<string>>();
  private readonly factCache = new Map<string, CorpusFact | null>();
  private readonly dealCache = new Map<string, CorpusDeal[]>();

  constructor(options: CorpusOptions = {}) {
    this.tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
  }

  /** Adds or replaces a source. The analysis is not kept: only its compact facts are. */
  update(path: string, analysis: Analysis): CorpusChange {
    return this.put(summariseSource(path, analysis));
  }

  remove(path: string): CorpusChange {
    const previous = this.sources.get(path);
    if (!previous) return { affectedPaths: [] };
    const touched = WorkspaceAliases.touchedBy(previous.entities);
    const before = touched.map((id) => this.aliases.resolve(id));
    const affected = new Set<string>();
    this.unindex(previous, affected);
    this.sources.delete(path);
    if (touched.some((id, i) => this.aliases.resolve(id) !== before[i])) return this.reindexAll(path);
    return { affectedPaths: this.pathsSharing(affected, [path]) };
  }

  rename(from: string, to: string): CorpusChange {
    const source = this.sources.get(from);
    if (!source || from === to) return { affectedPaths: [] };
    const removed = this.remove(from);
    const added = this.put({ ...source, path: to });
    return { affectedPaths: [...new Set([...removed.affectedPaths, ...added.affectedPaths])].sort() };
  }

  has(path: string): boolean {
    return this.sources.has(path);
  }

  paths(): string[] {
    return [...this.sources.keys()].sort();
  }

  /** What other sources say about the fact a figure states; undefined when the figure has no key. */
  statementsFor(path: string, figureId: string): FigureFacts | undefined {
    const source = this.sources.get(path);
    const index = source?.statements.findIndex((s) => s.figureId === figureId) ?? -1;
    if (!source || index < 0) return undefined;
    const statement = source.statements[index]!;
    const keyId = this.keysOf.get(path)![index]!;
    const others = [];
    for (const [otherPath, list] of this.byKey.get(keyId) ?? []) {
      if (otherPath === path) continue;
      for (const other of list) {
        const comparison = compareStatements(statement, other, this.tolerance);
        if (comparison.verdict !== 'unrelated') others.push({ ...toView(otherPath, other), verdict: comparison.verdict, reason: comparison.reason });
      }
    }
    others.sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
    return { key: this.keyViewOf(keyId, statement), statement: toView(path, statement), others, verdict: overall(others.map((o) => o.verdict)) };
  }

  /** The figures of one source that conflict with another source (for diagnostics). */
  conflictsIn(path: string): FigureFacts[] {
    const source = this.sources.get(path);
    if (!source) return [];
    return source.statements
      .filter((_, i) => (this.byKey.get(this.keysOf.get(path)![i]!)?.size ?? 0) > 1)
      .map((s) => this.statementsFor(path, s.figureId)!)
      .filter((facts) => facts.verdict === 'conflict');
  }

  /** Every fact two sources or more state, with its verdict, by key. */
  facts(): CorpusFact[] {
    const out: CorpusFact[] = [];
    for (const [keyId, byPath] of this.byKey) {
      if (byPath.size < 2) continue;
      let fact = this.factCache.get(keyId);
      if (fact === undefined) {
        fact = describeFact(this.keyViewOf(keyId, byPath.values().next().value![0]!), byPath, this.tolerance);
        this.factCache.set(keyId, fact);
      }
      if (fact) out.push(fact);
    }
    return out.sort((a, b) => a.key.id.localeCompare(b.key.id));
  }

  conflicts(): CorpusFact[] {
    return this.facts().filter((f) => f.verdict === 'conflict');
  }

  /** The workspace's id for an entity: aliases used by other articles joined. */
  canonicalEntityId(entityId: string): string {
    return this.aliases.resolve(entityId);
  }

  entity(entityId: string): CorpusEntity | undefined {
    const id = this.aliases.resolve(entityId);
    const found = this.entityRecords(id);
    const first = found[0];
    if (!first) return undefined;
    const own = found.find((f) => f.entity.id === id) ?? first;
    return {
      id, name: own.entity.name, type: own.entity.type,
      sourceCount: new Set(found.map((f) => f.path)).size,
      mentionCount: found.reduce((n, f) => n + f.entity.spans.length / 3, 0),
    };
  }

  /** Every mention of an entity (or of any of its aliases) in every source, by path then position. */
  entityMentions(entityId: string): CorpusEntityMention[] {
    const out: CorpusEntityMention[] = [];
    for (const { path, entity } of this.entityRecords(this.aliases.resolve(entityId))) {
      for (let i = 0; i < entity.spans.length; i += 3) {
        out.push({ path, start: entity.spans[i]!, end: entity.spans[i + 1]!, text: entity.forms[entity.spans[i + 2]!]! });
      }
    }
    return out.sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
  }

  /** Deals merged across sources, each with every source's value and date, by first mention. */
  deals(): CorpusDeal[] {
    const out: CorpusDeal[] = [];
    for (const [group, paths] of this.dealGroups) {
      let merged = this.dealCache.get(group);
      if (!merged) {
        merged = mergeAcrossSources([...paths].flatMap((p) => this.dealsOfGroup(p, group)));
        this.dealCache.set(group, merged);
      }
      out.push(...merged);
    }
    const first = (d: CorpusDeal) => d.mentions[0];
    return out.sort((a, b) => (first(a)?.path ?? '').localeCompare(first(b)?.path ?? '') || (first(a)?.start ?? 0) - (first(b)?.start ?? 0) || a.id.localeCompare(b.id));
  }

  /** Counts of what is kept, for tests and the bench: it must stay small per article. */
  retained(): RetainedCounts {
    let statements = 0, entities = 0, entityMentions = 0, deals = 0, dealMentions = 0, characters = 0;
    for (const source of this.sources.values()) {
      statements += source.statements.length;
      entities += source.entities.length;
      entityMentions += source.entities.reduce((n, e) => n + e.spans.length / 3, 0);
      deals += source.deals.length;
      dealMentions += source.deals.reduce((n, d) => n + d.mentions.length, 0);
      characters += retainedCharacters(source);
    }
    return {
      sources: this.sources.size, statements, entities, entityMentions, deals, dealMentions, characters,
      keys: this.byKey.size, entityIds: this.entityPaths.size, dealGroups: this.dealGroups.size,
    };
  }

  private put(next: SourceFacts): CorpusChange {
    const previous = this.sources.get(next.path);
    const touched = [...new Set([...(previous ? WorkspaceAliases.touchedBy(previous.entities) : []), ...WorkspaceAliases.touchedBy(next.entities)])];
    const before = touched.map((id) => this.aliases.resolve(id));
    const affected = new Set<string>();
    if (previous) this.unindex(previous, affected);
    this.sources.set(next.path, next);
    this.aliases.add(next.entities);
    if (touched.some((id, i) => this.aliases.resolve(id) !== before[i])) return this.reindexAll(next.path);
    this.index(next, affected);
    return { affectedPaths: this.pathsSharing(affected, [next.path]) };
  }

  private index(source: SourceFacts, affected: Set<string>): void {
    const resolve = (id: string) => this.aliases.resolve(id);
    const keys = source.statements.map((s) => factKeyId(s.key.subject, s.key.metric, s.key.period, resolve));
    source.statements.forEach((s, i) => {
      const byPath = this.byKey.get(keys[i]!) ?? new Map<string, StoredStatement[]>();
      const list = byPath.get(source.path) ?? [];
      list.push(s);
      byPath.set(source.path, list);
      this.byKey.set(keys[i]!, byPath);
      affected.add(keys[i]!);
      this.factCache.delete(keys[i]!);
    });
    this.keysOf.set(source.path, keys);
    for (const entity of source.entities) {
      const paths = this.entityPaths.get(entity.id) ?? new Set<string>();
      if (paths.size === 0 && this.members) {
        const target = resolve(entity.id);
        this.members.set(target, (this.members.get(target) ?? new Set<string>()).add(entity.id));
      }
      paths.add(source.path);
      this.entityPaths.set(entity.id, paths);
    }
    for (const group of new Set(source.deals.map((d) => this.dealGroupOf(d)))) {
      this.dealGroups.set(group, (this.dealGroups.get(group) ?? new Set<string>()).add(source.path));
      this.dealCache.delete(group);
    }
  }

  private unindex(source: SourceFacts, affected: Set<string>): void {
    for (const keyId of this.keysOf.get(source.path) ?? []) {
      const byPath = this.byKey.get(keyId);
      byPath?.delete(source.path);
      if (byPath?.size === 0) this.byKey.delete(keyId);
      affected.add(keyId);
      this.factCache.delete(keyId);
    }
    this.keysOf.delete(source.path);
    for (const entity of source.entities) {
      const paths = this.entityPaths.get(entity.id);
      paths?.delete(source.path);
      if (paths?.size === 0) {
        this.entityPaths.delete(entity.id);
        this.members?.get(this.aliases.resolve(entity.id))?.delete(entity.id);
      }
    }
    for (const group of new Set(source.deals.map((d) => this.dealGroupOf(d)))) {
      const paths = this.dealGroups.get(group);
      paths?.delete(source.path);
      if (paths?.size === 0) this.dealGroups.delete(group);
      this.dealCache.delete(group);
    }
    this.aliases.remove(source.entities);
  }

  /** Aliases changed how some entity resolves: every index keyed by entity is rebuilt. */
  private reindexAll(changedPath: string): CorpusChange {
    this.byKey.clear();
    this.keysOf.clear();
    this.entityPaths.clear();
    this.dealGroups.clear();
    this.factCache.clear();
    this.dealCache.clear();
    this.members = null;
    const ignored = new Set<string>();
    for (const source of this.sources.values()) this.index(source, ignored);
    return { affectedPaths: [...new Set([...this.sources.keys(), changedPath])].sort() };
  }

  private pathsSharing(keys: ReadonlySet<string>, extra: readonly string[]): string[] {
    const paths = new Set(extra);
    for (const key of keys) for (const path of this.byKey.get(key)?.keys() ?? []) paths.add(path);
    return [...paths].sort();
  }

  private entityRecords(canonical: string): Array<{ path: string; entity: SourceFacts['entities'][number] }> {
    if (!this.members) {
      this.members = new Map();
      for (const id of this.entityPaths.keys()) {
        const target = this.aliases.resolve(id);
        this.members.set(target, (this.members.get(target) ?? new Set<string>()).add(id));
      }
    }
    const out: Array<{ path: string; entity: SourceFacts['entities'][number] }> = [];
    for (const id of this.members.get(canonical) ?? []) {
      for (const path of this.entityPaths.get(id) ?? []) {
        const entity = this.sources.get(path)?.entities.find((e) => e.id === id);
        if (entity) out.push({ path, entity });
      }
    }
    return out;
  }

  private keyViewOf(keyId: string, statement: StoredStatement) {
    return keyView(keyId, statement.key, (id) => this.aliases.resolve(id), (id) => this.entity(id)?.name);
  }

  private dealGroupOf(deal: Deal): string {
    return `${deal.kind}|${deal.partyIds.map((id) => this.aliases.resolve(id)).sort().join('|')}`;
  }

  /** A source's deals of one group, with its path, canonical parties, and no date it only inferred. */
  private dealsOfGroup(path: string, group: string): Deal[] {
    const source = this.sources.get(path);
    if (!source) return [];
    return source.deals.filter((d) => this.dealGroupOf(d) === group).map((d) => {
      const partyIds = d.partyIds.map((id) => this.aliases.resolve(id));
      const parties = d.parties.map((name, i) => (partyIds[i] === d.partyIds[i] ? name : (this.entity(partyIds[i]!)?.name ?? name)));
      const mentions = d.mentions.map((m) => ({ ...m, path, date: m.date !== null && m.date === source.dateline ? null : m.date }));
      return { ...d, partyIds, parties, mentions };
    });
  }
}

function overall(verdicts: readonly Verdict[]): Verdict | null {
  if (verdicts.includes('conflict')) return 'conflict';
  if (verdicts.includes('agree')) return 'agree';
  return verdicts.length > 0 ? 'incomparable' : null;
}
