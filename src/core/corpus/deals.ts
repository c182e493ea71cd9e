/**
 * Deals across sources, for the deals panel: the same agreement reported by several articles
 * is one deal with each article's mentions and each source's value and date. First the
 * engine's own merge (same kind and parties, values within 0.5 %, dates that do not
 * contradict); then two deals from different articles that differ only in their amount are
 * joined too — when each is the other's only such candidate — and marked `differs`.
 */
import { dealId, type Deal, type DealMention } from '../extract/deals/deal';
import type { DealKind } from '../extract/deals/kinds';
import { mergeDeals } from '../extract/deals/merge';
import { byText } from './order';

const SAME_VALUE = 0.005;

export interface SourceDealStatement {
  readonly path: string;
  /** What this source says: its first stated amount and date (inferred dates left out). */
  readonly value: number | null;
  readonly currency: string | null;
  readonly date: string | null;
  readonly mentions: readonly DealMention[];
}

export interface CorpusDeal {
  readonly id: string;
  readonly kind: DealKind;
  readonly parties: readonly string[];
  readonly partyIds: readonly string[];
  /** The amount most sources state (the first source's on a tie). */
  readonly value: number | null;
  readonly currency: string | null;
  readonly date: string | null;
  readonly isDateInferred: boolean;
  /** One entry per source, by path. */
  readonly sources: readonly SourceDealStatement[];
  /** Sources state different amounts or currencies, or dates that contradict. */
  readonly differs: boolean;
  /** Every mention, with its path, by path then position. */
  readonly mentions: readonly DealMention[];
}

/** The deals of one group (same kind, same parties), each mention carrying its path. */
export function mergeAcrossSources(deals: readonly Deal[]): CorpusDeal[] {
  const merged = joinDiffering(mergeDeals(deals));
  return merged.map(toCorpusDeal);
}

function joinDiffering(deals: Deal[]): Deal[] {
  const paths = deals.map((d) => new Set(d.mentions.map((m) => m.path)));
  // each deal's candidates, counted up to two: only a deal with exactly one can join
  const candidates = deals.map((deal, i) => {
    const found: number[] = [];
    for (let j = 0; j < deals.length && found.length < 2; j++) if (j !== i && isSameButAmount(deal, deals[j]!, paths[i]!, paths[j]!)) found.push(j);
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
      const mentions = [...deal.mentions, ...other.mentions].sort((a, b) => byText(a.path ?? '', b.path ?? '') || a.start - b.start);
      out.push({ ...deal, date: deal.date ?? other.date, mentions });
    } else {
      out.push(deal);
    }
  });
  return out;
}

function isSameButAmount(a: Deal, b: Deal, pathsOfA: ReadonlySet<string | undefined>, pathsOfB: ReadonlySet<string | undefined>): boolean {
  if (a.value === null || b.value === null || isClose(a.value, b.value)) return false;
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) return false;
  const x = a.isDateInferred ? null : a.date;
  const y = b.isDateInferred ? null : b.date;
  if (x !== null && y !== null && !x.startsWith(y) && !y.startsWith(x)) return false;
  for (const path of pathsOfB) if (pathsOfA.has(path)) return false;
  return true;
}

function toCorpusDeal(deal: Deal): CorpusDeal {
  const byPath = new Map<string, DealMention[]>();
  for (const m of deal.mentions) {
    const list = byPath.get(m.path ?? '') ?? [];
    list.push(m);
    byPath.set(m.path ?? '', list);
  }
  const sources: SourceDealStatement[] = [...byPath].sort(([a], [b]) => byText(a, b)).map(([path, mentions]) => {
    const valued = mentions.find((m) => m.value !== null);
    return { path, value: valued?.value ?? null, currency: valued?.currency ?? null, date: mentions.find((m) => m.date !== null)?.date ?? null, mentions };
  });
  const values = sources.filter((s) => s.value !== null);
  const differs = values.some((s) => !isClose(s.value!, values[0]!.value!) || s.currency !== values[0]!.currency)
    || sources.some((s) => sources.some((t) => s.date !== null && t.date !== null && !s.date.startsWith(t.date) && !t.date.startsWith(s.date)));
  const value = mostStated(values) ?? deal.value;
  return {
    id: dealId(deal.kind, deal.partyIds, value, deal.date), kind: deal.kind, parties: deal.parties, partyIds: deal.partyIds,
    value, currency: deal.currency, date: deal.date, isDateInferred: deal.isDateInferred,
    sources, differs, mentions: deal.mentions,
  };
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

/** Deal groups (same kind, same canonical parties) → the sources with such a deal; merged on demand, cached per group. */
export class DealIndex {
  private readonly groups = new Map<string, Set<string>>();
  /** path → the group of each of its deals, in order. */
  private readonly groupsOf = new Map<string, string[]>();
  private readonly merged = new Map<string, CorpusDeal[]>();

  add(path: string, deals: readonly Deal[], resolve: (id: string) => string): void {
    const groups = deals.map((d) => groupOf(d, resolve));
    this.groupsOf.set(path, groups);
    for (const group of new Set(groups)) {
      this.groups.set(group, (this.groups.get(group) ?? new Set<string>()).add(path));
      this.merged.delete(group);
    }
  }

  remove(path: string): void {
    for (const group of new Set(this.groupsOf.get(path) ?? [])) {
      const paths = this.groups.get(group);
      paths?.delete(path);
      if (paths?.size === 0) this.groups.delete(group);
      this.merged.delete(group);
    }
    this.groupsOf.delete(path);
  }

  clear(): void {
    this.groups.clear();
    this.groupsOf.clear();
    this.merged.clear();
  }

  /** Every group merged; `dealsOf` gives a source's deals (by position) with each mention's path. */
  deals(dealsOf: (path: string, positions: readonly number[]) => Deal[]): CorpusDeal[] {
    const out: CorpusDeal[] = [];
    for (const [group, paths] of this.groups) {
      let merged = this.merged.get(group);
      if (!merged) {
        merged = mergeAcrossSources([...paths].flatMap((p) => dealsOf(p, this.positionsIn(p, group))));
        this.merged.set(group, merged);
      }
      out.push(...merged);
    }
    const first = (d: CorpusDeal) => d.mentions[0];
    return out.sort((a, b) => byText(first(a)?.path ?? '', first(b)?.path ?? '') || (first(a)?.start ?? 0) - (first(b)?.start ?? 0) || byText(a.id, b.id));
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
export function groupOf(deal: Deal, resolve: (id: string) => string): string {
  return `${deal.kind}|${deal.partyIds.map(resolve).sort().join('|')}`;
}
