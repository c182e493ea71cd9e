/**
 * One deal per agreement: the same kind between the same parties, with values that agree
 * (equal within 0.5 %, or one of them unstated) and dates that do not contradict, is one deal
 * with every mention — within an article, and across the articles of a workspace.
 */
import { dealId, type Deal, type DealMention } from './deal';
import { latestStatus } from './status';

const TOLERANCE = 0.005;

export function mergeDeals(deals: readonly Deal[]): Deal[] {
  // most groups of a workspace's deals hold one deal: nothing to merge, nothing to allocate
  if (deals.length <= 1) return [...deals];
  // candidates share kind and parties: index them by that, then compare values and dates
  const groups = new Map<string, Merged[]>();
  // valued deals first, so an unvalued mention joins the valued deal it belongs to (in their order)
  const ordered = deals.filter((d) => d.value !== null);
  for (const deal of deals) if (deal.value === null) ordered.push(deal);
  for (const deal of ordered) {
    const key = groupKey(deal);
    let group = groups.get(key);
    if (!group) groups.set(key, (group = []));
    const same = group.find((m) => isSameDeal(m.deal, deal));
    if (!same) group.push({ deal, mentions: undefined, frames: undefined });
    else {
      // mentions and frames are gathered, and sorted once at the end: a deal told n times costs n, not n²
      same.mentions ??= [...same.deal.mentions];
      same.frames ??= new Set(same.deal.frames ?? []);
      same.mentions.push(...deal.mentions);
      for (const frame of deal.frames ?? []) same.frames.add(frame);
      same.deal = combine(same.deal, deal);
    }
  }
  const merged = [...groups.values()].flat().map(finish);
  if (merged.length > 1)
    merged.sort((a, b) => firstPath(a).localeCompare(firstPath(b)) || firstStart(a) - firstStart(b));
  return merged;
}

/** "acquisition|entity:a|entity:b": the kind and the party ids in order (two ordered by hand, as most deals have). */
function groupKey(deal: Deal): string {
  const ids = deal.partyIds;
  if (ids.length === 2) {
    const a = ids[0]!;
    const b = ids[1]!;
    return a <= b ? `${deal.kind}|${a}|${b}` : `${deal.kind}|${b}|${a}`;
  }
  return `${deal.kind}|${[...ids].sort().join('|')}`;
}

/** A deal being merged: the headline so far, and the mentions and frames of every deal joined to it. */
interface Merged {
  deal: Deal;
  mentions: DealMention[] | undefined;
  frames: Set<string> | undefined;
}

function finish(merged: Merged): Deal {
  if (!merged.mentions) return merged.deal; // told once
  const mentions = merged.mentions.sort((x, y) => (x.path ?? '').localeCompare(y.path ?? '') || x.start - y.start);
  return { ...merged.deal, mentions, frames: [...merged.frames!] };
}

export function isSameDeal(a: Deal, b: Deal): boolean {
  if (a.kind !== b.kind) return false;
  if (a.partyIds.length !== b.partyIds.length) return false;
  for (const id of b.partyIds) if (!a.partyIds.includes(id)) return false;
  if (a.value !== null && b.value !== null && !isClose(a.value, b.value)) return false;
  if (a.currency !== null && b.currency !== null && a.currency !== b.currency) return false;
  // an inferred date (the dateline's) only counts against a date the text states
  if (a.isDateInferred && b.isDateInferred) return true;
  return !datesContradict(a.date, b.date);
}

function isClose(a: number, b: number): boolean {
  return Math.abs(a - b) <= TOLERANCE * Math.max(Math.abs(a), Math.abs(b));
}

/** "2025-11-03" and "2025" agree; "2019" and "2023" do not. */
function datesContradict(a: string | null, b: string | null): boolean {
  if (a === null || b === null) return false;
  return !(a.startsWith(b) || b.startsWith(a));
}

/** The headline of two deals told as one: mentions and frames are gathered by `mergeDeals`. */
function combine(a: Deal, b: Deal): Deal {
  const value = a.value ?? b.value;
  const currency = a.currency ?? b.currency;
  const date = preciseDate(a, b);
  return {
    ...a,
    value,
    currency,
    date: date.date,
    isDateInferred: date.isDateInferred,
    isPartyInferred: a.isPartyInferred && b.isPartyInferred,
    status: latestStatus(a.status, b.status),
    id: dealId(a.kind, a.partyIds, value, currency, date.date),
  };
}

/** The date of the two that the text states, else the more precise (the first on a tie). */
function preciseDate(a: Deal, b: Deal): { date: string | null; isDateInferred: boolean } {
  const best = a.date === null ? (b.date === null ? null : b) : b.date === null || !isBetterDate(b, a) ? a : b;
  return best ? { date: best.date, isDateInferred: best.isDateInferred } : { date: null, isDateInferred: false };
}

/** `x`'s date goes before `y`'s: stated rather than inferred, then longer. */
function isBetterDate(x: Deal, y: Deal): boolean {
  return x.isDateInferred !== y.isDateInferred ? !x.isDateInferred : x.date!.length > y.date!.length;
}

function firstPath(deal: Deal): string {
  return deal.mentions[0]?.path ?? '';
}

function firstStart(deal: Deal): number {
  return deal.mentions[0]?.start ?? 0;
}
