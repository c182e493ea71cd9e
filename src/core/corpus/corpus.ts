/**
 * Every source of a workspace at once, kept current one article at a time: `update` when an
 * article is (re-)analysed, `remove`, `rename`. Each article is reduced to its compact
 * `SourceFacts` (the analysis is not kept); indexes by fact key, entity and deal group make
 * each query touch only the sources that share the fact, entity or deal. Verdicts are
 * computed on demand and cached until a source sharing the fact changes. Every change returns
 * the sources whose cross-source facts may have changed, so an editor refreshes only those.
 */
import type { Analysis } from '../analysis';
import { pushTo } from '../collections';
import type { Deal } from '../extract/deals/deal';
import {
  DEFAULT_TOLERANCE,
  byText,
  compareStatements,
  factKeyId,
  prepare,
  type ComparedStatement,
  type CorpusChange,
  type CorpusEntity,
  type CorpusEntityMention,
  type CorpusFact,
  type FactKey,
  type FactKeyView,
  type FactStatements,
  type FigureConflicts,
  type FigureFacts,
  type RetainedCounts,
  type Verdict,
} from '../facts/index';
import { internFacts, releaseFacts, releaseKey } from '../store/internedFacts';
import { dealHeads, dealMentionCount, unpackDeals } from '../store/packedDeals';
import {
  figureIdOf,
  movedTo,
  retainedCharacters,
  summariseSource,
  type SourceEntity,
  type SourceFacts,
  type StoredStatement,
} from '../store/sourceFacts';
import { StringPool } from '../store/stringPool';
import {
  entityCount,
  findEntity,
  fromEntityColumns,
  toEntityColumns,
  type EntityColumns,
} from '../store/entityColumns';
import { WorkspaceAliases } from './aliases';
import { DealIndex, sortRowsByFirstMention, type CorpusDeal, type DealMerge, type DealRow } from './deals';
import { EntityIndex } from './entityIndex';
import { ConflictIndex } from './conflictIndex';
import { FactIndex } from './factIndex';
import { keyView, toView } from './factViews';
import { PartyUsers } from './partyUsers';
import { SourceSlots } from './pathLists';

/** What the corpus keeps of a source: its interned facts, its entities as columns. */
interface StoredSource extends Omit<SourceFacts, 'entities'> {
  readonly entities: EntityColumns;
}

/** The source's facts as `SourceFacts` again (its entities made as objects, not kept). */
function factsOfStored(source: StoredSource): SourceFacts {
  return { ...source, entities: fromEntityColumns(source.entities) };
}

export interface CorpusOptions {
  /** Relative difference two exact figures may have and still agree (default 0.01). */
  readonly tolerance?: number;
}

export class Corpus {
  private readonly tolerance: number;
  private readonly sources = new Map<string, StoredSource>();
  private readonly aliases = new WorkspaceAliases();
  private readonly factIndex: FactIndex;
  /** Each source's number, by which the entity index and the party users hold it. */
  private readonly slots = new SourceSlots();
  private readonly entities = new EntityIndex((path, id) => {
    const source = this.sources.get(path);
    return source && findEntity(source.entities, id)?.name;
  }, this.slots);
  private readonly dealIndex = new DealIndex();
  /** Which sources' keys and deals use which entity ids: what to re-key when an id resolves differently. */
  private readonly partyUsers = new PartyUsers(this.slots);
  private readonly pool = new StringPool();
  private readonly resolve = (id: string): string => this.aliases.resolve(id);
  private readonly isCanonical = (id: string): boolean => this.aliases.resolve(id) === id;
  /** Ids whose naming source was just removed or replaced, with the name it gave (`settleNames`). */
  private readonly unnamed = new Map<string, string>();

  constructor(options: CorpusOptions = {}) {
    this.tolerance = options.tolerance ?? DEFAULT_TOLERANCE;
    this.factIndex = new FactIndex(this.tolerance);
  }

  /** Adds or replaces a source. Only its compact facts are kept, never the analysis. */
  update(path: string, analysis: Analysis): CorpusChange {
    return this.put(summariseSource(path, analysis));
  }

  /**
   * Adds or replaces a source from facts summarised elsewhere (`summariseSource`, in a worker
   * thread). `isDetached`: its strings share no memory with an article (they were posted from a
   * worker thread), so none needs copying before it is kept.
   */
  updateFacts(facts: SourceFacts, options: { readonly isDetached?: boolean } = {}): CorpusChange {
    return this.put(facts, options.isDetached);
  }

  remove(path: string): CorpusChange {
    const previous = this.sources.get(path);
    if (!previous) return this.changeOf(new Set(), new Set());
    const facts = factsOfStored(previous);
    return this.change(path, facts.entities, () => {
      const affected = new Set<string>();
      this.unindex(previous, facts, affected);
      this.sources.delete(path);
      this.slots.release(path);
      return affected;
    });
  }

  rename(from: string, to: string): CorpusChange {
    const source = this.sources.get(from);
    if (!source || from === to) return this.changeOf(new Set(), new Set());
    const removed = this.remove(from);
    const before = removed.affectedPaths; // the sources that stated its facts until now
    const added = this.put(movedTo(factsOfStored(source), to));
    return this.changeOf(
      new Set([...removed.affectedKeys, ...added.affectedKeys]),
      new Set([...before, ...added.changedPaths]),
    );
  }

  /** The sources stating any of these fact keys now, and the `extra` paths, sorted (see `CorpusChange`). */
  pathsSharing(keys: Iterable<string>, extra: Iterable<string>): string[] {
    return this.factIndex.pathsSharing(keys, extra);
  }

  has(path: string): boolean {
    return this.sources.has(path);
  }

  /** The facts the corpus keeps of a source (its strings shared with the corpus's): for the corpus snapshot. */
  sourceFacts(path: string): SourceFacts | undefined {
    const source = this.sources.get(path);
    return source && factsOfStored(source);
  }

  /** The strings the corpus shares across sources (ids, names, figure texts, units, dates): what a snapshot writes once. */
  sharedStrings(): string[] {
    return [...this.pool.strings()];
  }

  paths(): string[] {
    return [...this.sources.keys()].sort();
  }

  /** What other sources say about the fact a figure states; undefined when the figure has no key. */
  statementsFor(path: string, figureId: string): FigureFacts | undefined {
    const source = this.sources.get(path);
    const index = source?.statements.findIndex((s) => figureIdOf(s) === figureId) ?? -1;
    if (!source || index < 0) return undefined;
    return this.statementsAt(path, index);
  }

  private statementsAt(path: string, index: number): FigureFacts {
    const statement = this.sources.get(path)!.statements[index]!;
    const keyId = this.factIndex.keyAt(path, index)!;
    const others: ComparedStatement[] = [];
    for (const [otherPath, other] of this.factIndex.statementsOf(keyId)) {
      if (otherPath === path) continue;
      const { verdict, reason } = compareStatements(statement, other, this.tolerance);
      if (verdict !== 'unrelated') others.push({ ...toView(otherPath, other), verdict, reason });
    }
    others.sort((a, b) => byText(a.path, b.path) || a.start - b.start);
    return {
      key: this.keyViewOf(keyId, statement),
      statement: toView(path, statement),
      others,
      verdict: overall(others.map((o) => o.verdict)),
    };
  }

  /** Every statement of a fact (a key id of `statementsFor` or `facts`), dated, by path then position; undefined for an unknown key. */
  factStatements(keyId: string): FactStatements | undefined {
    const list = [...this.factIndex.statementsOf(keyId)];
    if (list.length === 0) return undefined;
    list.sort(([a, x], [b, y]) => byText(a, b) || x.start - y.start);
    const statements = list.map(([path, s]) => ({
      ...toView(path, s),
      precision: s.precision,
      asOf: s.asOf,
      dealDate: s.dealDate,
      dateline: this.sources.get(path)?.dateline ?? null,
    }));
    return { key: this.keyViewOf(keyId, list[0]![1]), statements };
  }

  /**
   * The figures of one source that another source contradicts (for diagnostics), each with the
   * first `limit` conflicting statements (by path, then position) and how many there are. Counted
   * without judging every statement of the fact (`ConflictIndex`), so that a fact thousands of
   * sources state does not cost each of them the square of it; only the statements returned are
   * explained in words.
   */
  conflictsIn(path: string, limit = Number.POSITIVE_INFINITY): FigureConflicts[] {
    const source = this.sources.get(path);
    if (!source) return [];
    const keys = source.statements.map((_, i) => this.factIndex.keyAt(path, i)!);
    // the figure's own source may state the fact again, differently: that is not another source's
    // conflict, and is counted apart (arranged the same way: a source may state a fact many times)
    const own = new Map<string, StoredStatement[]>();
    keys.forEach((keyId, i) => pushTo(own, keyId, source.statements[i]!));
    const ownIndexes = new Map<string, ConflictIndex>();
    const ownIndexOf = (keyId: string) => {
      let index = ownIndexes.get(keyId);
      if (!index) {
        const statements = own.get(keyId)!;
        const paths = statements.map(() => path);
        ownIndexes.set(keyId, (index = new ConflictIndex(paths, statements, this.tolerance)));
      }
      return index;
    };
    const out: FigureConflicts[] = [];
    source.statements.forEach((statement, i) => {
      const keyId = keys[i]!;
      if (!this.factIndex.isSharedBeyond(keyId, path)) return;
      const figure = prepare(statement);
      const index = this.factIndex.conflictIndexOf(keyId)!;
      // (a figure never conflicts with itself: a source stating the fact once has nothing to count out)
      const ownCount = own.get(keyId)!.length === 1 ? 0 : ownIndexOf(keyId).countConflicting(figure);
      const conflictCount = index.countConflicting(figure) - ownCount;
      if (conflictCount === 0) return;
      out.push({
        key: this.keyViewOf(keyId, statement),
        statement: toView(path, statement),
        conflicting: index.firstConflicting(figure, path, limit, conflictCount).map(([otherPath, other, prepared]) => ({
          ...toView(otherPath, other),
          verdict: 'conflict',
          reason: compareStatements(statement, other, this.tolerance, figure, prepared).reason,
        })),
        conflictCount,
      });
    });
    return out;
  }

  /** Every fact that two sources or more state, with its verdict, by key. */
  facts(): CorpusFact[] {
    return this.factIndex.facts((keyId, statement) => this.keyViewOf(keyId, statement));
  }

  /**
   * The facts of `facts()` whose subject names one of these entities (under any of their ids):
   * what the deal map shows beside a deal or a party. Only those facts are judged and viewed, not
   * every fact of the workspace (28,000 at 10,000 articles).
   */
  factsNaming(entityIds: readonly string[]): CorpusFact[] {
    const wanted = new Set(entityIds.map(this.resolve));
    return this.factIndex.facts(
      (keyId, statement) => this.keyViewOf(keyId, statement),
      undefined,
      (statement) => statement.key.subject.parties.some((p) => wanted.has(this.resolve(p.id))),
    );
  }

  conflicts(): CorpusFact[] {
    return this.factIndex.facts((keyId, statement) => this.keyViewOf(keyId, statement), 'conflict');
  }

  /** The facts of `conflicts()` one at a time, in the same order, none kept (verdicts not judged yet are not cached). */
  forEachConflict(visit: (fact: CorpusFact) => void): void {
    this.factIndex.forEachFact((keyId, statement) => this.keyViewOf(keyId, statement), 'conflict', visit);
  }

  /**
   * The sources of every statement of `conflicts()` (what the problems are recomputed for), a fact
   * at a step and without the views: gathered with pauses (`gatherInSlices`), as the first walk
   * judges every fact. A path may come more than once.
   */
  conflictingPathsInSteps(): Iterable<readonly string[]> {
    return this.factIndex.pathsOfFactsInSteps('conflict');
  }

  /** The workspace's id for an entity: aliases used by other articles joined. */
  canonicalEntityId(entityId: string): string {
    return this.resolve(entityId);
  }

  entity(entityId: string): CorpusEntity | undefined {
    const id = this.resolve(entityId);
    const found = this.entityRecords(id);
    if (found.length === 0) return undefined;
    const own = found.find((f) => f.entity.id === id) ?? found[0]!;
    return {
      id,
      name: own.entity.name,
      type: own.entity.type,
      sourceCount: new Set(found.map((f) => f.source.path)).size,
      mentionCount: found.reduce((n, f) => n + f.entity.count, 0),
    };
  }

  /** Every mention of an entity (under any of its ids) in every source, by path then position. */
  entityMentions(entityId: string): CorpusEntityMention[] {
    const out: CorpusEntityMention[] = [];
    for (const { source, entity } of this.entityRecords(this.resolve(entityId))) {
      for (let k = entity.first; k < entity.first + entity.count; k++) {
        out.push({
          path: source.path,
          start: source.mentions[k * 3]!,
          end: source.mentions[k * 3 + 1]!,
          text: source.forms[source.mentions[k * 3 + 2]!]!,
        });
      }
    }
    return out.sort((a, b) => byText(a.path, b.path) || a.start - b.start || a.end - b.end || byText(a.text, b.text));
  }

  /**
   * Deals merged across sources, each with every source's value and date, by first mention.
   * By default two deals that differ only in their amount are one deal, marked `differs`
   * (see `DealMerge`).
   */
  deals(merge: DealMerge = 'join-differing'): CorpusDeal[] {
    return this.dealIndex.deals(
      (path, positions) => this.dealsAt(path, positions),
      (path) => this.sources.get(path)?.dateline ?? null,
      merge,
    );
  }

  /**
   * The deals of `deals()`, a group of them at a step, unsorted (`sortByFirstMention` sorts them): for
   * a caller that merges a large workspace's deals in slices of its time (`gatherInSlices`).
   */
  dealGroups(merge: DealMerge = 'join-differing'): Generator<readonly CorpusDeal[]> {
    return this.dealIndex.mergedGroups(
      (path, positions) => this.dealsAt(path, positions),
      (path) => this.sources.get(path)?.dateline ?? null,
      merge,
    );
  }

  /**
   * The rows of `deals()` (what the deals panel and the map list), a group of them at a step and
   * unsorted (`sortRowsByFirstMention` sorts them). Kept per group until the group changes.
   */
  dealRowGroups(): Generator<readonly DealRow[]> {
    return this.dealIndex.rowGroups(
      (path, positions) => this.dealsAt(path, positions),
      (path) => this.sources.get(path)?.dateline ?? null,
    );
  }

  /** The rows of `deals()`, in its order. */
  dealRows(): DealRow[] {
    return sortRowsByFirstMention([...this.dealRowGroups()].flat());
  }

  /** The deal of `deals()` a row stands for, with its sources and mentions as they are now; undefined once it is gone. */
  dealDetails(row: Pick<DealRow, 'id' | 'group'>): CorpusDeal | undefined {
    return this.dealIndex.details(
      row,
      (path, positions) => this.dealsAt(path, positions),
      (path) => this.sources.get(path)?.dateline ?? null,
    );
  }

  /** The deals of `deals()`, one at a time and unsorted (`byFirstMention` sorts them): none is kept. */
  forEachDeal(merge: DealMerge, visit: (deal: CorpusDeal) => void): void {
    this.dealIndex.forEachDeal(
      (path, positions) => this.dealsAt(path, positions),
      (path) => this.sources.get(path)?.dateline ?? null,
      merge,
      visit,
    );
  }

  /** Counts of what is kept, for tests and the bench: it must stay small per article. */
  retained(): RetainedCounts {
    let statements = 0,
      entities = 0,
      entityMentions = 0,
      deals = 0,
      dealMentions = 0,
      characters = this.factIndex.internedCharacters;
    for (const source of this.sources.values()) {
      statements += source.statements.length;
      entities += entityCount(source.entities);
      entityMentions += source.mentions.length / 3;
      deals += source.deals.count;
      dealMentions += dealMentionCount(source.deals);
      characters += retainedCharacters(factsOfStored(source));
    }
    return {
      sources: this.sources.size,
      statements,
      entities,
      entityMentions,
      deals,
      dealMentions,
      characters,
      keys: this.factIndex.keyCount,
      entityIds: this.entities.size,
      dealGroups: this.dealIndex.size,
      pooledStrings: this.pool.size,
      pooledParties: this.pool.partyCount,
    };
  }

  private put(facts: SourceFacts, isDetached = false): CorpusChange {
    const previous = this.sources.get(facts.path);
    const next = internFacts(facts, this.pool, (key, store) => this.factIndex.share(key, store), isDetached);
    const before = previous && factsOfStored(previous);
    return this.change(
      next.path,
      [...(before?.entities ?? []), ...next.entities],
      () => {
        const affected = new Set<string>();
        if (previous) this.unindex(previous, before!, affected);
        this.sources.set(next.path, { ...next, entities: toEntityColumns(next.entities) });
        this.aliases.add(next.entities);
        return affected;
      },
      next,
    );
  }

  /**
   * Runs a change and indexes `added` (the facts of a source just stored). When the change makes some entity
   * ids resolve differently across the workspace, the sources whose keys or deals use those ids
   * are indexed again under the new ids, and the sources naming them are affected too.
   */
  private change(
    path: string,
    entities: readonly SourceEntity[],
    run: () => Set<string>,
    added?: SourceFacts,
  ): CorpusChange {
    const reached = this.aliases.reachingAny(WorkspaceAliases.touchedBy(entities));
    const before = reached.map(this.resolve);
    const affected = run();
    const moved = reached.filter((id, i) => this.resolve(id) !== before[i]);
    const paths = new Set<string>([path]);
    if (moved.length > 0) this.rekey(moved, added?.path, affected, paths);
    // the entities as objects from the facts just stored: not made again from the columns
    if (added) this.index(this.sources.get(added.path)!, added.entities, affected);
    this.settleNames();
    return this.changeOf(affected, paths);
  }

  /**
   * The merged deals name parties by the first source's name for an id: when a source that named
   * some id was removed or changed, and the id's name is not the same now, every group is merged
   * again. An edit that keeps the names (nearly every edit of an article) keeps the merged groups:
   * at 10,000 articles dropping them made each edit of an early article (by path) cost the deals
   * panel a whole merge again, 3–4 s.
   */
  private settleNames(): void {
    for (const [id, name] of this.unnamed) {
      const now = this.entities.nameOf(id);
      if (now === name || now === undefined) continue; // the same name, or no source names the id now
      this.dealIndex.forgetMerged();
      break;
    }
    this.unnamed.clear();
  }

  /** A change whose affected paths are worked out when first read. */
  private changeOf(affectedKeys: ReadonlySet<string>, changedPaths: ReadonlySet<string>): CorpusChange {
    let affectedPaths: string[] | undefined;
    const factIndex = this.factIndex;
    return {
      affectedKeys,
      changedPaths,
      get affectedPaths() {
        return (affectedPaths ??= factIndex.pathsSharing(affectedKeys, changedPaths));
      },
    };
  }

  /** Indexes again, under the ids they resolve to now, the sources using `moved` ids (but `skipped`, indexed next). */
  private rekey(
    moved: readonly string[],
    skipped: string | undefined,
    affected: Set<string>,
    paths: Set<string>,
  ): void {
    this.entities.forgetCanonical();
    this.dealIndex.forgetMerged();
    const users = new Set<string>();
    for (const id of moved) {
      for (const user of this.partyUsers.pathsUsing(id)) users.add(user);
      for (const naming of this.entities.pathsNaming(id)) paths.add(naming);
    }
    for (const user of [...users].sort(byText)) {
      if (user === skipped) continue;
      const source = this.sources.get(user)!;
      this.factIndex.remove(user, affected);
      this.dealIndex.remove(user);
      this.factIndex.add(user, source.statements, this.canonicalKeyId, affected);
      this.dealIndex.add(user, dealHeads(source.deals), this.resolve);
      paths.add(user);
    }
  }

  /** A key's id with its parties canonical: its own id when every party is (most keys), without making the string again. */
  private readonly canonicalKeyId = (key: FactKey): string =>
    key.subject.parties.every((p) => this.resolve(p.id) === p.id)
      ? key.id
      : factKeyId(key.subject, key.metric, key.period, this.resolve);

  private index(source: StoredSource, entities: readonly SourceEntity[], affected: Set<string>): void {
    this.factIndex.add(source.path, source.statements, this.canonicalKeyId, affected);
    if (this.entities.add(source.path, entities, this.resolve)) this.dealIndex.forgetMerged();
    this.dealIndex.add(source.path, dealHeads(source.deals), this.resolve);
    this.partyUsers.add(source);
  }

  /** `facts`: the source's facts as objects (`factsOfStored`), made once by the caller. */
  private unindex(source: StoredSource, facts: SourceFacts, affected: Set<string>): void {
    this.factIndex.remove(source.path, affected);
    this.factIndex.release(source.statements, (key) => releaseKey(key, this.pool));
    for (const [id, name] of this.entities.remove(source.path, facts.entities, this.resolve))
      this.unnamed.set(id, name);
    this.dealIndex.remove(source.path);
    this.partyUsers.remove(source);
    this.aliases.remove(facts.entities);
    releaseFacts(facts, this.pool);
  }

  private entityRecords(canonical: string): Array<{ source: StoredSource; entity: SourceEntity }> {
    const out: Array<{ source: StoredSource; entity: SourceEntity }> = [];
    // by path, then id: the same records whatever order the sources came in
    for (const [id, path] of this.entities.sourcesOf(canonical, this.resolve)) {
      const source = this.sources.get(path);
      const entity = source && findEntity(source.entities, id);
      if (source && entity) out.push({ source, entity });
    }
    return out;
  }

  private keyViewOf(keyId: string, statement: StoredStatement): FactKeyView {
    return keyView(keyId, statement.key, this.resolve, (id) => this.entities.nameOf(id));
  }

  /** Some of a source's deals, their parties canonical across the workspace (copied only when that changes them). */
  private dealsAt(path: string, positions: readonly number[]): Deal[] {
    const source = this.sources.get(path);
    if (!source) return [];
    return unpackDeals(source.deals, path, positions).map((d) => {
      if (d.partyIds.every(this.isCanonical)) return d;
      const partyIds = d.partyIds.map(this.resolve);
      const parties = d.parties.map((name, i) =>
        partyIds[i] === d.partyIds[i] ? name : (this.entities.nameOf(partyIds[i]!) ?? name),
      );
      return { ...d, partyIds, parties };
    });
  }
}

function overall(verdicts: readonly Verdict[]): Verdict | null {
  if (verdicts.includes('conflict')) return 'conflict';
  if (verdicts.includes('agree')) return 'agree';
  return verdicts.length > 0 ? 'incomparable' : null;
}
