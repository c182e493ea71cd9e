/**
 * One fact's statements arranged to say, for any figure of it, how many statements conflict
 * with the figure and which come first, without judging each (issue 14: a fact stated by
 * thousands of sources, each asking). Statements that a figure may be compared with — one time
 * class (as-of month, deal date) and one dimension — are kept in a bucket, their low bounds and
 * their high bounds each sorted. A statement above the figure conflicts when its low bound is
 * beyond the tolerance of the figure's high bound, which only grows truer as that low bound
 * rises (`isBeyond`); below, the same with the high bound falling. So the conflicts above are
 * a suffix of the sorted low bounds and those below a prefix of the high bounds: two binary
 * searches a bucket.
 */
import { byText, isBeyond, isWithinTime, judge, prepare, type Prepared } from '../facts/index';
import type { StoredStatement } from '../store/sourceFacts';

interface Bucket {
  /** The time class and dimension its statements share (a member's). */
  readonly like: Prepared;
  /** Their low bounds, ascending. */
  readonly lows: Float64Array;
  /** Their high bounds, ascending. */
  readonly highs: Float64Array;
}

export class ConflictIndex {
  private readonly buckets: readonly Bucket[];
  /** The statements' indexes by path, then position. */
  private readonly order: Int32Array;
  /** Each statement as judging reads it (`prepare`), made once. */
  private readonly prepared: readonly Prepared[];

  /** `paths[i]` states `statements[i]`; kept as given (the fact index drops this index when they change). */
  constructor(
    private readonly paths: readonly string[],
    private readonly statements: readonly StoredStatement[],
    private readonly tolerance: number,
  ) {
    const classes = new Map<string, { like: Prepared; lows: number[]; highs: number[] }>();
    this.prepared = statements.map(prepare);
    for (const p of this.prepared) {
      const key = `${p.month ?? ''}|${p.dealDate ?? ''}|${p.dimension}`;
      const bucket = classes.get(key);
      if (bucket) {
        bucket.lows.push(p.lo);
        bucket.highs.push(p.hi);
      } else classes.set(key, { like: p, lows: [p.lo], highs: [p.hi] });
    }
    this.buckets = [...classes.values()].map(({ like, lows, highs }) => ({
      like,
      lows: Float64Array.from(lows).sort(),
      highs: Float64Array.from(highs).sort(),
    }));
    this.order = Int32Array.from(statements.keys()).sort(
      (i, j) => byText(paths[i]!, paths[j]!) || statements[i]!.start - statements[j]!.start,
    );
  }

  /** How many of the statements (of every source, the figure's own too) conflict with a figure. */
  countConflicting(figure: Prepared): number {
    let count = 0;
    const { tolerance } = this;
    for (const { like, lows, highs } of this.buckets) {
      if (like.dimension !== figure.dimension || !isWithinTime(figure, like)) continue;
      const hi = figure.hi;
      const lo = figure.lo;
      count += lows.length - firstWhere(lows, (low) => hi < low && isBeyond(hi, low, tolerance));
      count += firstWhere(highs, (high) => !(high < lo && isBeyond(high, lo, tolerance)));
    }
    return count;
  }

  /**
   * The first `limit` statements of sources other than `path` that conflict with a figure, by path
   * then position, with their paths and as prepared: looked for in that order until `limit` are
   * found or all `total` of them.
   */
  firstConflicting(
    figure: Prepared,
    path: string,
    limit: number,
    total: number,
  ): Array<readonly [string, StoredStatement, Prepared]> {
    const found: Array<readonly [string, StoredStatement, Prepared]> = [];
    const wanted = Math.min(limit, total);
    for (let k = 0; k < this.order.length && found.length < wanted; k++) {
      const i = this.order[k]!;
      if (this.paths[i] !== path && judge(figure, this.prepared[i]!, this.tolerance) === 'conflict')
        found.push([this.paths[i]!, this.statements[i]!, this.prepared[i]!]);
    }
    return found;
  }
}

/** The first index whose value makes `is` true (`values.length` when none); `is` is false, then true, along the values. */
function firstWhere(values: Float64Array, is: (value: number) => boolean): number {
  let [lo, hi] = [0, values.length];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (is(values[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
