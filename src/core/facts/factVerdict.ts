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
  for (const own of members) {
    const time = entries[own[0]!]!.prepared;
    const extremes = new Map<string, { highestLow: number[]; lowestHigh: number[] }>();
    for (const other of members) {
      if (!isWithinTime(time, entries[other[0]!]!.prepared)) continue;
      for (const j of other) {
        const { dimension } = entries[j]!.prepared;
        const best = extremes.get(dimension) ?? { highestLow: [], lowestHigh: [] };
        offer(entries, best.highestLow, j, (a, b) => entries[a]!.prepared.lo > entries[b]!.prepared.lo);
        offer(entries, best.lowestHigh, j, (a, b) => entries[a]!.prepared.hi < entries[b]!.prepared.hi);
        extremes.set(dimension, best);
      }
    }
    for (const i of own) {
      for (const [dimension, best] of extremes) {
        const partners = [best.highestLow, best.lowestHigh].map((list) =>
          list.find((j) => entries[j]!.path !== entries[i]!.path),
        );
        for (const j of dimension === entries[i]!.prepared.dimension ? partners : partners.slice(0, 1)) {
          if (j !== undefined) found.note(judge(entries[i]!.prepared, entries[j]!.prepared, tolerance), i, j);
        }
      }
    }
  }
  return found.conclude();
}

/** Keeps the two best entries from two different sources, best first. */
function offer(
  entries: readonly Judged[],
  best: number[],
  j: number,
  isBetter: (a: number, b: number) => boolean,
): void {
  const same = best.findIndex((k) => entries[k]!.path === entries[j]!.path);
  if (same >= 0) {
    if (!isBetter(j, best[same]!)) return;
    best.splice(same, 1);
  }
  best.push(j);
  best.sort((a, b) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : a - b));
  if (best.length > 2) best.length = 2;
}

class Findings {
  private readonly first: Partial<Record<Verdict, readonly [number, number]>> = {};
  private readonly compared = new Set<number>();

  note(verdict: Verdict | 'unrelated', i: number, j: number): void {
    if (verdict === 'unrelated') return;
    const pair = [Math.min(i, j), Math.max(i, j)] as const;
    const known = this.first[verdict];
    if (!known || pair[0] < known[0] || (pair[0] === known[0] && pair[1] < known[1])) this.first[verdict] = pair;
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
