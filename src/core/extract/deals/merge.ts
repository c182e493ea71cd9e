/**
 * One deal per agreement: the same kind between the same parties, with values that agree
 * (equal within 0.5 %, or one of them unstated) and dates that do not contradict, is one deal
 * with every mention — within an article, and across the articles of a workspace.
 */
import { dealId, type Deal, type DealMention } from './deal';
import { latestStatus } from './status';

const TOLERANCE = 0.005;

export function mergeDeals(deals: readonly Deal[]): Deal[] {
  // candidates share kind and parties: index them by that, then compare values and dates
  const groups = new Map<string, Deal[]>();
  // valued deals first, so an unvalued mention joins the valued deal it belongs to
  const ordered = [...deals].sort((a, b) => Number(a.value === null) - Number(b.value === null));
  for (const deal of ordered) {
    const key = `${deal.kind}|${[...deal.partyIds].sort().join('|')}`;
    const group = groups.get(key) ?? [];
    const index = group.findIndex((m) => isSameDeal(m, deal));
    if (index < 0) group.push(deal);
    else group[index] = combine(group[index]!, deal);
    groups.set(key, group);
  }
  return [...groups.values()]
    .flat()
    .sort((a, b) => firstPath(a).localeCompare(firstPath(b)) || firstStart(a) - firstStart(b));
}

export function isSameDeal(a: Deal, b: Deal): boolean {
  if (a.kind !== b.kind) return false;
  const parties = new Set(a.partyIds);
  if (a.partyIds.length !== b.partyIds.length || !b.partyIds.every((id) => parties.has(id))) return false;
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

function combine(a: Deal, b: Deal): Deal {
  const value = a.value ?? b.value;
  const currency = a.currency ?? b.currency;
  const date = preciseDate(a, b);
  const mentions: DealMention[] = [...a.mentions, ...b.mentions].sort(
    (x, y) => (x.path ?? '').localeCompare(y.path ?? '') || x.start - y.start,
  );
  return {
    ...a,
    value,
    currency,
    date: date.date,
    isDateInferred: date.isDateInferred,
    isPartyInferred: a.isPartyInferred && b.isPartyInferred,
    status: latestStatus(a.status, b.status),
    frames: [...new Set([...(a.frames ?? []), ...(b.frames ?? [])])],
    mentions,
    id: dealId(a.kind, a.partyIds, value, currency, date.date),
  };
}

function preciseDate(a: Deal, b: Deal): { date: string | null; isDateInferred: boolean } {
  const candidates = [a, b]
    .filter((d) => d.date !== null)
    .sort((x, y) => Number(x.isDateInferred) - Number(y.isDateInferred) || y.date!.length - x.date!.length);
  const best = candidates[0];
  return best ? { date: best.date, isDateInferred: best.isDateInferred } : { date: null, isDateInferred: false };
}

function firstPath(deal: Deal): string {
  return deal.mentions[0]?.path ?? '';
}

function firstStart(deal: Deal): number {
  return deal.mentions[0]?.start ?? 0;
}
