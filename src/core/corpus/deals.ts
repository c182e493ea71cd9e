/**
 * Deals across sources, for the deals panel: the same agreement reported by several articles
 * is one deal with each article's mentions and each source's value and date. First the
 * engine's own merge (same kind and parties, values within 0.5 %, dates that do not
 * contradict); then two deals from different articles that differ only in their amount are
 * joined too — when each is the other's only such candidate — and marked `differs`.
 */
import type { Deal, DealMention } from '../extract/deals/deal';
import type { DealKind } from '../extract/deals/kinds';
import { mergeDeals } from '../extract/deals/merge';

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
  const candidates = deals.map((deal, i) => deals.flatMap((other, j) => (j !== i && isSameButAmount(deal, other) ? [j] : [])));
  const joined = new Set<number>();
  const out: Deal[] = [];
  deals.forEach((deal, i) => {
    if (joined.has(i)) return;
    const only = candidates[i]!.length === 1 ? candidates[i]![0]! : -1;
    if (only >= 0 && !joined.has(only) && candidates[only]!.length === 1 && candidates[only]![0] === i) {
      joined.add(only);
      const other = deals[only]!;
      const mentions = [...deal.mentions, ...other.mentions].sort((a, b) => (a.path ?? '').localeCompare(b.path ?? '') || a.start - b.start);
      out.push({ ...deal, date: deal.date ?? other.date, mentions });
    } else {
      out.push(deal);
    }
  });
  return out;
}

function isSameButAmount(a: Deal, b: Deal): boolean {
  const pathsOf = (d: Deal) => new Set(d.mentions.map((m) => m.path));
  const ours = pathsOf(a);
  if ([...pathsOf(b)].some((p) => ours.has(p))) return false;
  if (a.value === null || b.value === null || isClose(a.value, b.value)) return false;
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) return false;
  const x = a.isDateInferred ? null : a.date;
  const y = b.isDateInferred ? null : b.date;
  return x === null || y === null || x.startsWith(y) || y.startsWith(x);
}

function toCorpusDeal(deal: Deal): CorpusDeal {
  const byPath = new Map<string, DealMention[]>();
  for (const m of deal.mentions) {
    const list = byPath.get(m.path ?? '') ?? [];
    list.push(m);
    byPath.set(m.path ?? '', list);
  }
  const sources: SourceDealStatement[] = [...byPath].sort(([a], [b]) => a.localeCompare(b)).map(([path, mentions]) => {
    const valued = mentions.find((m) => m.value !== null);
    return { path, value: valued?.value ?? null, currency: valued?.currency ?? null, date: mentions.find((m) => m.date !== null)?.date ?? null, mentions };
  });
  const values = sources.filter((s) => s.value !== null);
  const differs = values.some((s) => !isClose(s.value!, values[0]!.value!) || s.currency !== values[0]!.currency)
    || sources.some((s) => sources.some((t) => s.date !== null && t.date !== null && !s.date.startsWith(t.date) && !t.date.startsWith(s.date)));
  return {
    id: deal.id, kind: deal.kind, parties: deal.parties, partyIds: deal.partyIds,
    value: mostStated(values) ?? deal.value, currency: deal.currency, date: deal.date, isDateInferred: deal.isDateInferred,
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
