/**
 * The verdict over every pair of a fact's statements from different sources, without judging
 * every pair when a fact is stated many times. Up to `PAIRWISE_LIMIT` statements, every pair
 * is judged. Above, each statement is judged against the other sources' statements it could
 * disagree with most — the highest low bound and the lowest high bound among those it may be
 * compared with (same dimension, within the time window). Judging by the nearest allowed
 * values makes that exact: a statement conflicts with some statement iff it conflicts with
 * one of those two.
 */
import { pushTo } from '../collections';
import { isWithinTime, judge, type Prepared, type Verdict } from './compare';

export const PAIRWISE_LIMIT = 64;

export interface Judged {
  readonly path: string;
  readonly prepared: Prepared;
}

export interface FactVerdict {
  readonly verdict: Verdict;
  /** The pair the reason quotes (indexes into the entries, lower first). */
  readonly pair: readonly [number, number];
  /** Entries compared with at least one statement of another source. */
  readonly compared: ReadonlySet<number>;
}

export function factVerdict(entries: readonly Judged[], tolerance: number): FactVerdict | null {
  return entries.length <= PAIRWISE_LIMIT ? pairwise(entries, tolerance) : byExtremes(entries, tolerance);
}

export function pairwise(entries: readonly Judged[], tolerance: number): FactVerdict | null {
  const found = new Findings();
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (entries[i]!.path !== entries[j]!.path)
        found.note(judge(entries[i]!.prepared, entries[j]!.prepared, tolerance), i, j);
    }
  }
  return found.conclude();
}

export function byExtremes(entries: readonly Judged[], tolerance: number): FactVerdict | null {
  const found = new Findings();
  // statements of one time class (as-of month, deal date) may be compared with the same others
  const classes = new Map<string, number[]>();
  entries.forEach((e, i) => {
    const key = `${e.prepared.month ?? ''}|${e.prepared.dealDate ?? ''}`;
    pushTo(classes, key, i);
  });
  const members = [...classes.values()];
  // Nothing below allocates for each statement: at 10,000 articles, a walk over the facts judged
  // this way made 2 GB of garbage (an array sorted, closures and partner lists for every offer).
  // The dimensions met and their extremes, side by side (a fact has one or two dimensions):
  const dimensions: string[] = [];
  const extremes: Extremes[] = [];
  for (const own of members) {
    const time = entries[own[0]!]!.prepared;
    dimensions.length = 0;
    extremes.length = 0;
    for (const other of members) {
      if (!isWithinTime(time, entries[other[0]!]!.prepared)) continue;
      for (const j of other) {
        const { dimension } = entries[j]!.prepared;
        let at = dimensions.indexOf(dimension);
        if (at < 0) at = dimensions.push(dimension) - 1;
        const best = (extremes[at] ??= { highestLow: [], lowestHigh: [] });
        offer(entries, best.highestLow, j, true);
        offer(entries, best.lowestHigh, j, false);
      }
    }
    for (const i of own) {
      const { path, prepared } = entries[i]!;
      for (let d = 0; d < dimensions.length; d++) {
        const low = otherSource(entries, extremes[d]!.highestLow, path);
        if (low !== undefined) found.note(judge(prepared, entries[low]!.prepared, tolerance), i, low);
        if (dimensions[d] !== prepared.dimension) continue;
        const high = otherSource(entries, extremes[d]!.lowestHigh, path);
        if (high !== undefined) found.note(judge(prepared, entries[high]!.prepared, tolerance), i, high);
      }
    }
  }
  return found.conclude();
}

/** The two best entries from two different sources, best first: by the highest low bound, and by the lowest high bound. */
interface Extremes {
  readonly highestLow: number[];
  readonly lowestHigh: number[];
}

function otherSource(entries: readonly Judged[], best: readonly number[], path: string): number | undefined {
  for (const j of best) if (entries[j]!.path !== path) return j;
  return undefined;
}

/** `a` is better than `b`: a higher low bound (`isByLow`), or a lower high bound. */
function isBetter(entries: readonly Judged[], a: number, b: number, isByLow: boolean): boolean {
  return isByLow
    ? entries[a]!.prepared.lo > entries[b]!.prepared.lo
    : entries[a]!.prepared.hi < entries[b]!.prepared.hi;
}

/** Keeps the two best entries from two different sources, best first (ties: the lower index first). */
function offer(entries: readonly Judged[], best: number[], j: number, isByLow: boolean): void {
  for (let k = 0; k < best.length; k++) {
    if (entries[best[k]!]!.path !== entries[j]!.path) continue;
    if (!isBetter(entries, j, best[k]!, isByLow)) return;
    best.splice(k, 1); // (one entry of two or three: nothing to speak of)
    break;
  }
  best.push(j);
  // the list was in order before j came: j moves up past every entry it goes before
  for (let k = best.length - 1; k > 0 && goesBefore(entries, best[k]!, best[k - 1]!, isByLow); k--) {
    const moved = best[k]!;
    best[k] = best[k - 1]!;
    best[k - 1] = moved;
  }
  if (best.length > 2) best.length = 2;
}

function goesBefore(entries: readonly Judged[], a: number, b: number, isByLow: boolean): boolean {
  return isBetter(entries, a, b, isByLow) || (!isBetter(entries, b, a, isByLow) && a < b);
}

class Findings {
  private readonly first: Partial<Record<Verdict, readonly [number, number]>> = {};
  private readonly compared = new Set<number>();

  note(verdict: Verdict | 'unrelated', i: number, j: number): void {
    if (verdict === 'unrelated') return;
    // a pair is made only when it is the first of its verdict: a fact of 64 statements judges 2,016
    // pairs, and an array for each was most of the garbage of judging a workspace's facts
    const low = i < j ? i : j;
    const high = i < j ? j : i;
    const known = this.first[verdict];
    if (!known || low < known[0] || (low === known[0] && high < known[1])) this.first[verdict] = [low, high];
    this.compared.add(i).add(j);
  }

  conclude(): FactVerdict | null {
    const verdict: Verdict | null = this.first.conflict
      ? 'conflict'
      : this.first.agree
        ? 'agree'
        : this.first.incomparable
          ? 'incomparable'
          : null;
    return verdict ? { verdict, pair: this.first[verdict]!, compared: this.compared } : null;
  }
}
