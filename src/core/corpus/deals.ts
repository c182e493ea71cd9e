/**
 * Deals across sources, for the deals panel: the same agreement reported by several articles
 * is one deal with each article's mentions and each source's value and date. First the
 * engine's own merge (same kind and parties, values within 0.5 %, dates that do not
 * contradict); then two deals from different articles that differ only in their amount are
 * joined too — when each is the other's only such candidate — and marked `differs`.
 */
import { dealId, type Deal, type DealMention } from '../extract/deals/deal';
import type { DealStatus } from '../extract/deals/status';
import { mergeDeals } from '../extract/deals/merge';
import { latestStatus } from '../extract/deals/status';
import { byText } from '../facts/index';
import { listOf, pushTo } from '../collections';
import { detach } from '../store/sourceFacts';

const SAME_VALUE = 0.005;

export interface SourceDealStatement {
  readonly path: string;
  /** What this source says: its first stated amount and date (inferred dates left out). */
  readonly value: number | null;
  readonly currency: string | null;
  readonly date: string | null;
  readonly mentions: readonly DealMention[];
}

/** What a merged deal is: the same in the whole deal (`CorpusDeal`) and in the panel's row of it (`DealRow`). */
export interface MergedDealHead extends Pick<
  Deal,
  'id' | 'kind' | 'parties' | 'partyIds' | 'currency' | 'date' | 'isDateInferred'
> {
  /** The amount most sources state (the first source's on a tie). */
  readonly value: number | null;
  /** Some party is taken from a lead-in in every mention ("Its deals include: Oracle: …"). */
  readonly isPartyInferred: boolean;
  /** The latest status any source states: rumoured, announced, pending, completed or terminated. */
  readonly status: DealStatus;
  /** Sources state different amounts or currencies, or dates that contradict. */
  readonly differs: boolean;
}

export interface CorpusDeal extends MergedDealHead {
  /** One entry per source, by path. */
  readonly sources: readonly SourceDealStatement[];
  /** Every mention, with its path, by path then position. */
  readonly mentions: readonly DealMention[];
}

/**
 * A merged deal as the deals panel and the deal map list it: what the deal is and how many sources
 * tell it, without their statements and mentions. `Corpus.dealDetails` merges the deal's group
 * again for those, when a deal is opened. The panel keeps a row for every deal of the workspace
 * (175,000 at 10,000 articles): kept whole, with their 264,000 mentions, they held 160 MB.
 */
export interface DealRow extends MergedDealHead {
  /** What its sources state differently ("values differ", `differenceWords`); null when they agree. */
  readonly difference: string | null;
  /** Its sources' paths, in order. */
  readonly sourcePaths: readonly string[];
  readonly mentionCount: number;
  /** Its first mention, by path and then position (where the panel reveals the deal; '' and 0 for none). */
  readonly firstPath: string;
  readonly firstStart: number;
  readonly firstEnd: number;
  /** The deal group it was merged in (kind and canonical parties, `groupOf`), merged again for its details. */
  readonly group: string;
}

/** The row of a merged deal of `group`. */
export function dealRow(deal: CorpusDeal, group: string): DealRow {
  const { sources, mentions, ...head } = deal;
  const first = mentions[0];
  return {
    ...head,
    difference: differenceWords(deal),
    sourcePaths: sources.map((s) => s.path),
    mentionCount: mentions.length,
    firstPath: first?.path ?? '',
    firstStart: first?.start ?? 0,
    firstEnd: first?.end ?? 0,
    group,
  };
}

/** A source's dateline: a mention's date equal to it was inferred, not stated. */
export type DatelineOf = (path: string) => string | null;

/**
 * How deals of several sources merge. `join-differing`: also join two deals that differ only in
 * their amount (the deals panel, which marks them). `same-value`: only the engine's own merge,
 * each deal keeping its headline amount — as `mergeDeals` over every source's deals, for a
 * contract (the CLI's) that has no field to mark a difference.
 */
export type DealMerge = 'join-differing' | 'same-value';

/** The deals of one group (same kind, same parties), each mention carrying its path. */
export function mergeAcrossSources(
  deals: readonly Deal[],
  datelineOf: DatelineOf,
  merge: DealMerge = 'join-differing',
): CorpusDeal[] {
  const merged = merge === 'join-differing' ? joinDiffering(mergeDeals(deals)) : mergeDeals(deals);
  return merged.map((deal) => toCorpusDeal(deal, datelineOf, merge));
}

function joinDiffering(deals: Deal[]): Deal[] {
  if (deals.length <= 1) return deals;
  const paths = deals.map((d) => new Set(d.mentions.map((m) => m.path)));
  // each deal's candidates, counted up to two: only a deal with exactly one can join
  const candidates = deals.map((deal, i) => {
    const found: number[] = [];
    for (let j = 0; j < deals.length && found.length < 2; j++)
      if (j !== i && isSameButAmount(deal, deals[j]!, paths[i]!, paths[j]!)) found.push(j);
    return found;
  });
  const joined = new Set<number>();
  const out: Deal[] = [];
  deals.forEach((deal, i) => {
    if (joined.has(i)) return;
    const only = candidates[i]!.length === 1 ? candidates[i]![0]! : -1;
    if (only >= 0 && !joined.has(only) && candidates[only]!.length === 1 && candidates[only]![0] === i) {
      joined.add(only);
      const other = deals[only]!;
      const mentions = [...deal.mentions, ...other.mentions].sort(
        (a, b) => byText(a.path ?? '', b.path ?? '') || a.start - b.start,
      );
      out.push({ ...deal, date: deal.date ?? other.date, status: latestStatus(deal.status, other.status), mentions });
    } else {
      out.push(deal);
    }
  });
  return out;
}

function isSameButAmount(
  a: Deal,
  b: Deal,
  pathsOfA: ReadonlySet<string | undefined>,
  pathsOfB: ReadonlySet<string | undefined>,
): boolean {
  if (a.value === null || b.value === null || isClose(a.value, b.value)) return false;
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) return false;
  const x = a.isDateInferred ? null : a.date;
  const y = b.isDateInferred ? null : b.date;
  if (x !== null && y !== null && !x.startsWith(y) && !y.startsWith(x)) return false;
  for (const path of pathsOfB) if (pathsOfA.has(path)) return false;
  return true;
}

function toCorpusDeal(deal: Deal, datelineOf: DatelineOf, merge: DealMerge): CorpusDeal {
  const byPath = [...mentionsByPath(deal.mentions)];
  // (most deals are told by one source: nothing to sort)
  if (byPath.length > 1) byPath.sort(([a], [b]) => byText(a, b));
  const sources: SourceDealStatement[] = byPath.map(([path, mentions]) => {
    const valued = mentions.find((m) => m.value !== null);
    const dateline = datelineOf(path);
    const stated = mentions.find((m) => m.date !== null && m.date !== dateline);
    return {
      path,
      value: valued?.value ?? null,
      currency: valued?.currency ?? null,
      date: stated?.date ?? null,
      mentions,
    };
  });
  const values = sources.filter((s) => s.value !== null);
  const differs =
    values.some((s) => !isClose(s.value!, values[0]!.value!) || s.currency !== values[0]!.currency) ||
    sources.some((s) =>
      sources.some(
        (t) => s.date !== null && t.date !== null && !s.date.startsWith(t.date) && !t.date.startsWith(s.date),
      ),
    );
  const value = merge === 'join-differing' ? (mostStated(values) ?? deal.value) : deal.value;
  return {
    id: dealId(deal.kind, deal.partyIds, value, deal.currency, deal.date),
    kind: deal.kind,
    parties: deal.parties,
    partyIds: deal.partyIds,
    value,
    currency: deal.currency,
    date: deal.date,
    isDateInferred: deal.isDateInferred,
    isPartyInferred: deal.isPartyInferred,
    status: deal.status,
    sources,
    differs,
    mentions: deal.mentions,
  };
}

/**
 * A deal's mentions by source. Kept for every deal of the workspace, so without spare room: a
 * deal told by one source (most) shares its list of mentions, the others get lists of their size.
 */
function mentionsByPath(mentions: readonly DealMention[]): Map<string, readonly DealMention[]> {
  if (mentions.length === 0) return new Map();
  const first = mentions[0]!.path ?? '';
  if (mentions.every((m) => (m.path ?? '') === first)) return new Map([[first, mentions]]);
  const byPath = new Map<string, DealMention[]>();
  for (const m of mentions) pushTo(byPath, m.path ?? '', m);
  for (const [path, list] of byPath) byPath.set(path, list.slice());
  return byPath;
}

function mostStated(values: readonly SourceDealStatement[]): number | null {
  let best: { value: number; count: number } | null = null;
  for (const s of values) {
    const count = values.filter((t) => isClose(t.value!, s.value!)).length;
    if (!best || count > best.count) best = { value: s.value!, count };
  }
  return best?.value ?? null;
}

function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= SAME_VALUE * Math.max(Math.abs(a), Math.abs(b));
}

/** What a deal's statements disagree on: their values (amount or currency), their dates (one not within the other). */
export function dealDifferences(
  statements: ReadonlyArray<{
    readonly value: number | null;
    readonly currency: string | null;
    readonly date: string | null;
  }>,
): { readonly values: boolean; readonly dates: boolean } {
  const valued = statements.filter((s) => s.value !== null);
  const first = valued[0];
  const values = !!first && valued.some((s) => s.currency !== first.currency || !isClose(s.value!, first.value!));
  const firstDate = statements.find((s) => s.date !== null)?.date;
  const dates =
    !!firstDate &&
    statements.some((s) => s.date !== null && !s.date.startsWith(firstDate) && !firstDate.startsWith(s.date));
  return { values, dates };
}

/** "values differ", "dates differ", "values and dates differ" for a deal its sources state differently; null when they agree. */
export function differenceWords(deal: CorpusDeal): string | null {
  if (!deal.differs) return null;
  const { values, dates } = dealDifferences(deal.sources);
  if (values && dates) return 'values and dates differ';
  return dates ? 'dates differ' : 'values differ';
}

/** Some of a source's deals (by position), each mention with the source's path. */
export type DealsOf = (path: string, positions: readonly number[]) => Deal[];

/** What orders deals: the id and the first mention's place. */
export interface DealOrder {
  readonly id: string;
  readonly mentions: ReadonlyArray<{ readonly path?: string; readonly start: number }>;
}

/** The order of `Corpus.deals()`: by the path and position of the first mention, then by id. */
export function byFirstMention(a: DealOrder, b: DealOrder): number {
  const [x, y] = [a.mentions[0], b.mentions[0]];
  return byText(x?.path ?? '', y?.path ?? '') || (x?.start ?? 0) - (y?.start ?? 0) || byText(a.id, b.id);
}

/**
 * `deals` sorted in place by `byFirstMention`, comparing numbers: each first mention's path is
 * ranked once among the distinct paths (10,000 of them for 175,000 deals at 10,000 articles, whose
 * sort by string comparisons took 0.6 s).
 */
export function sortByFirstMention<T extends DealOrder>(deals: T[]): T[] {
  return sortByFirst(
    deals,
    (deal) => deal.mentions[0]?.path ?? '',
    (deal) => deal.mentions[0]?.start ?? 0,
  );
}

/** Rows in the order of `sortByFirstMention` over their deals. */
export function sortRowsByFirstMention(rows: DealRow[]): DealRow[] {
  return sortByFirst(
    rows,
    (row) => row.firstPath,
    (row) => row.firstStart,
  );
}

function sortByFirst<T extends { readonly id: string }>(
  deals: T[],
  pathOf: (deal: T) => string,
  startOf: (deal: T) => number,
): T[] {
  const rank = new Map<string, number>();
  [...new Set(deals.map(pathOf))].sort(byText).forEach((path, i) => rank.set(path, i));
  const keyed = deals.map((deal) => ({ deal, rank: rank.get(pathOf(deal))!, start: startOf(deal) }));
  keyed.sort((a, b) => a.rank - b.rank || a.start - b.start || byText(a.deal.id, b.deal.id));
  keyed.forEach((k, i) => (deals[i] = k.deal));
  return deals;
}

/** The sources with deals of one group; most groups have one, held as it is rather than in an array of one. */
interface GroupEntry {
  /** The group id (this one string is shared by every source's list of groups). */
  readonly id: string;
  paths: string | string[];
}

/**
 * Deal groups (same kind, same canonical parties) → the sources with such a deal; merged on demand.
 * The panel's rows are cached per group (it asks again after every change); whole deals are not.
 */
export class DealIndex {
  private readonly groups = new Map<string, GroupEntry>();
  /** path → the group of each of its deals, in order. */
  private readonly groupsOf = new Map<string, string[]>();
  private readonly rows = new Map<string, readonly DealRow[]>();

  add(path: string, deals: ReadonlyArray<Pick<Deal, 'kind' | 'partyIds'>>, resolve: (id: string) => string): void {
    if (deals.length === 0) return;
    const groups = deals.map((d) => {
      const id = groupOf(d, resolve);
      let entry = this.groups.get(id);
      if (!entry) {
        // kept flat: a string made by joining is a tree of its parts, twice the memory once looked up
        const flat = detach(id);
        entry = { id: flat, paths: path };
        this.groups.set(flat, entry);
      } else if (typeof entry.paths === 'string') {
        if (entry.paths !== path) entry.paths = [entry.paths, path];
      } else if (entry.paths[entry.paths.length - 1] !== path) {
        // this source's deals are added together: if it is in the list already, it is last
        entry.paths.push(path);
      }
      this.rows.delete(id);
      return entry.id;
    });
    this.groupsOf.set(path, groups);
  }

  remove(path: string): void {
    for (const group of new Set(this.groupsOf.get(path) ?? [])) {
      const entry = this.groups.get(group);
      if (entry) {
        const kept = listOf(entry.paths).filter((p) => p !== path);
        if (kept.length === 0) this.groups.delete(group);
        else entry.paths = kept.length === 1 ? kept[0]! : kept;
      }
      this.rows.delete(group);
    }
    this.groupsOf.delete(path);
  }

  /** Names changed: every group is merged again on the next query. */
  forgetMerged(): void {
    this.rows.clear();
  }

  /**
   * Every group merged; `dealsOf` gives a source's deals (by position) with each mention's
   * path. A group's sources are merged in path order, so the result does not depend on the
   * order the sources came in.
   */
  deals(dealsOf: DealsOf, datelineOf: DatelineOf, merge: DealMerge): CorpusDeal[] {
    const out: CorpusDeal[] = [];
    this.forEachDeal(dealsOf, datelineOf, merge, (deal) => out.push(deal));
    return sortByFirstMention(out);
  }

  /** Every group merged, group by group (in no particular order). */
  forEachDeal(dealsOf: DealsOf, datelineOf: DatelineOf, merge: DealMerge, visit: (deal: CorpusDeal) => void): void {
    for (const merged of this.mergedGroups(dealsOf, datelineOf, merge)) merged.forEach(visit);
  }

  /**
   * The deals of each group, merged, one group at a step (in no particular order). Each step reads
   * the index as it is then: a caller that lets other work run between steps (the editor, in slices
   * of the host's time) gets each group as it was when reached.
   */
  *mergedGroups(dealsOf: DealsOf, datelineOf: DatelineOf, merge: DealMerge): Generator<readonly CorpusDeal[]> {
    for (const [group, entry] of this.groups) yield this.merge(group, entry, dealsOf, datelineOf, merge);
  }

  /** The rows of the panel's merge (`join-differing`), a group at a step as `mergedGroups`; cached per group. */
  *rowGroups(dealsOf: DealsOf, datelineOf: DatelineOf): Generator<readonly DealRow[]> {
    for (const [group, entry] of this.groups) {
      let rows = this.rows.get(group);
      if (!rows) {
        rows = this.merge(group, entry, dealsOf, datelineOf, 'join-differing').map((deal) => dealRow(deal, entry.id));
        this.rows.set(group, rows);
      }
      yield rows;
    }
  }

  /** The deal a row stands for, merged again with its sources and mentions; undefined once its group no longer has it. */
  details(row: Pick<DealRow, 'id' | 'group'>, dealsOf: DealsOf, datelineOf: DatelineOf): CorpusDeal | undefined {
    const entry = this.groups.get(row.group);
    if (!entry) return undefined;
    return this.merge(row.group, entry, dealsOf, datelineOf, 'join-differing').find((deal) => deal.id === row.id);
  }

  /** A group's sources are merged in path order, so that the result does not depend on the order they came in. */
  private merge(
    group: string,
    entry: GroupEntry,
    dealsOf: DealsOf,
    datelineOf: DatelineOf,
    merge: DealMerge,
  ): CorpusDeal[] {
    const paths = typeof entry.paths === 'string' ? [entry.paths] : [...entry.paths].sort(byText);
    return mergeAcrossSources(
      paths.flatMap((p) => dealsOf(p, this.positionsIn(p, group))),
      datelineOf,
      merge,
    );
  }

  get size(): number {
    return this.groups.size;
  }

  private positionsIn(path: string, group: string): number[] {
    const positions: number[] = [];
    (this.groupsOf.get(path) ?? []).forEach((g, i) => g === group && positions.push(i));
    return positions;
  }
}

/** "cloud-contract|entity:amazon-web-services|entity:openai": kind and canonical parties. */
export function groupOf(deal: Pick<Deal, 'kind' | 'partyIds'>, resolve: (id: string) => string): string {
  const ids = deal.partyIds;
  // two parties (nearly every deal) ordered by hand: a sort allocates its own work space, and
  // sorting each deal's ids was a tenth of the garbage of putting 10,000 articles' facts back
  if (ids.length === 2) {
    const a = resolve(ids[0]!);
    const b = resolve(ids[1]!);
    return a <= b ? `${deal.kind}|${a}|${b}` : `${deal.kind}|${b}|${a}`;
  }
  return `${deal.kind}|${ids.map(resolve).sort().join('|')}`;
}
