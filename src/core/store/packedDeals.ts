/**
 * A source's deals as the corpus keeps them: every number in one Float64Array and every string
 * in one array, deal after deal, instead of an object, three arrays and an object per mention
 * for each deal (a quarter of the memory). Unpacked into `Deal`s when deals are merged.
 *
 * Per deal: numbers `value (NaN: none), flags, party count, mention count`, then per mention
 * `sentenceIndex, start, end, value (NaN: none), status`; strings `kind, currency, date`, the
 * party ids, the party names, then per mention `sentence, currency, date`. A status is its index
 * in DEAL_STATUSES; the deal's is in the flags, above the two flag bits.
 */
import type { Deal, DealMention } from '../extract/deals/deal';
import type { DealKind } from '../extract/deals/kinds';
import { DEAL_STATUSES, type DealStatus } from '../extract/deals/status';

export interface PackedDeals {
  readonly count: number;
  readonly numbers: Float64Array;
  readonly strings: ReadonlyArray<string | null>;
}

const DATE_INFERRED = 1;
const PARTY_INFERRED = 2;
export const STATUS_SHIFT = 2;
/** Numbers per deal before its mentions, and per mention (the layout above). */
export const DEAL_NUMBERS = 4;
export const MENTION_NUMBERS = 5;
/** The largest status index a deal's flags or a mention may hold. */
export const MAX_STATUS_INDEX = DEAL_STATUSES.length - 1;

export const NO_DEALS: PackedDeals = { count: 0, numbers: new Float64Array(0), strings: [] };

export function packDeals(deals: readonly Deal[]): PackedDeals {
  if (deals.length === 0) return NO_DEALS;
  const numbers: number[] = [];
  const strings: Array<string | null> = [];
  for (const d of deals) {
    const flags =
      (d.isDateInferred ? DATE_INFERRED : 0) |
      (d.isPartyInferred ? PARTY_INFERRED : 0) |
      (statusIndex(d.status) << STATUS_SHIFT);
    numbers.push(d.value ?? NaN, flags, d.partyIds.length, d.mentions.length);
    strings.push(d.kind, d.currency, d.date, ...d.partyIds, ...d.parties);
    for (const m of d.mentions) {
      numbers.push(m.sentenceIndex, m.start, m.end, m.value ?? NaN, statusIndex(m.status));
      strings.push(m.sentence, m.currency, m.date);
    }
  }
  return { count: deals.length, numbers: Float64Array.from(numbers), strings };
}

/**
 * The deals, without ids (made again when merged), each mention with `path`. With `positions`,
 * only the deals at those places, in that order: the others are stepped over, not made (the deals
 * panel merges a source's deals group by group, a few at a time).
 */
export function unpackDeals(packed: PackedDeals, path: string, positions?: readonly number[]): Deal[] {
  const { numbers: n, strings: s } = packed;
  const wanted = positions && new Map<number, number[]>();
  positions?.forEach((k, at) => {
    const ats = wanted!.get(k);
    if (ats) ats.push(at);
    else wanted!.set(k, [at]);
  });
  const out: Deal[] = positions ? new Array<Deal>(positions.length) : [];
  forEachPacked(packed, (k, i, j) => {
    const ats = wanted?.get(k);
    if (wanted && !ats) return;
    const deal = unpackDeal(n, s, i, j, path);
    if (ats) for (const at of ats) out[at] = deal;
    else out.push(deal);
  });
  return out;
}

/**
 * Walks the layout: for each deal in order, its position, where its numbers (`i`) and its strings
 * (`j`) start, and how many parties and mentions it has.
 */
function forEachPacked(
  packed: PackedDeals,
  visit: (k: number, i: number, j: number, partyCount: number, mentionCount: number) => void,
): void {
  const n = packed.numbers;
  for (let k = 0, i = 0, j = 0; k < packed.count; k++) {
    const partyCount = n[i + 2]!;
    const mentionCount = n[i + 3]!;
    visit(k, i, j, partyCount, mentionCount);
    i += DEAL_NUMBERS + MENTION_NUMBERS * mentionCount;
    j += 3 + 2 * partyCount + 3 * mentionCount;
  }
}

/** The deal whose numbers start at `i` and strings at `j`. */
function unpackDeal(n: Float64Array, s: ReadonlyArray<string | null>, i: number, j: number, path: string): Deal {
  const [value, flags, partyCount, mentionCount] = [n[i]!, n[i + 1]!, n[i + 2]!, n[i + 3]!];
  i += DEAL_NUMBERS;
  const [kind, currency, date] = [s[j] as DealKind, s[j + 1]!, s[j + 2]!];
  const partyIds = s.slice(j + 3, j + 3 + partyCount) as string[];
  const parties = s.slice(j + 3 + partyCount, j + 3 + 2 * partyCount) as string[];
  j += 3 + 2 * partyCount;
  // as many places as mentions, no more: the deals panel keeps these lists for every deal
  const mentions = new Array<DealMention>(mentionCount);
  for (let m = 0; m < mentionCount; m++, i += MENTION_NUMBERS, j += 3) {
    mentions[m] = {
      path,
      sentenceIndex: n[i]!,
      start: n[i + 1]!,
      end: n[i + 2]!,
      sentence: s[j]!,
      value: orNull(n[i + 3]!),
      currency: s[j + 1]!,
      date: s[j + 2]!,
      status: DEAL_STATUSES[n[i + 4]!]!,
    };
  }
  return {
    id: '',
    parties,
    partyIds,
    kind,
    value: orNull(value),
    currency,
    date,
    isDateInferred: (flags & DATE_INFERRED) !== 0,
    isPartyInferred: (flags & PARTY_INFERRED) !== 0,
    status: DEAL_STATUSES[flags >> STATUS_SHIFT]!,
    mentions,
  };
}

/** What groups a deal (its kind and party ids), for every deal in order, read without making the deals. */
export function dealHeads(packed: PackedDeals): Array<Pick<Deal, 'kind' | 'partyIds'>> {
  const s = packed.strings;
  const out: Array<Pick<Deal, 'kind' | 'partyIds'>> = [];
  forEachPacked(packed, (_k, _i, j, partyCount) =>
    out.push({ kind: s[j] as DealKind, partyIds: s.slice(j + 3, j + 3 + partyCount) as string[] }),
  );
  return out;
}

/** The strings, each replaced by `map` (told whether it is a mention's sentence). */
export function mapStrings(packed: PackedDeals, map: (text: string, isSentence: boolean) => string): PackedDeals {
  if (packed.count === 0) return NO_DEALS;
  const strings: Array<string | null> = [];
  const put = (text: string | null, isSentence: boolean) => strings.push(text === null ? null : map(text, isSentence));
  const s = packed.strings;
  forEachPacked(packed, (_k, _i, j, partyCount, mentionCount) => {
    for (let x = 0; x < 3 + 2 * partyCount; x++) put(s[j + x]!, false);
    j += 3 + 2 * partyCount;
    for (let m = 0; m < mentionCount; m++, j += 3) [0, 1, 2].forEach((x) => put(s[j + x]!, x === 0));
  });
  return { count: packed.count, numbers: packed.numbers, strings };
}

/** Every deal's party ids, in order, read from the packed form without unpacking the deals. */
export function forEachPartyId(packed: PackedDeals, visit: (id: string) => void): void {
  const s = packed.strings;
  forEachPacked(packed, (_k, _i, j, partyCount) => {
    for (let x = 0; x < partyCount; x++) visit(s[j + 3 + x]!);
  });
}

/** The number of mentions of every deal. */
export function dealMentionCount(packed: PackedDeals): number {
  let total = 0;
  forEachPacked(packed, (_k, _i, _j, _partyCount, mentionCount) => (total += mentionCount));
  return total;
}

function statusIndex(status: DealStatus): number {
  return Math.max(0, DEAL_STATUSES.indexOf(status));
}

function orNull(value: number): number | null {
  return Number.isNaN(value) ? null : value;
}
