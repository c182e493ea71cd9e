/**
 * One fact's statements arranged to say, for any figure of it, how many statements conflict
 * with the figure and which come first, without judging each (issue 14: a fact stated by
 * thousands of sources, each asking). Statements that a figure may be compared with — one time
 * class (as-of month, deal date) and one dimension — form a bucket, whose low bounds and high
 * bounds are each kept sorted. A statement above the figure conflicts when its low bound is
 * beyond the tolerance of the figure's high bound, which only grows truer as that low bound
 * rises (`isBeyond`); below, the same with the high bound falling. So the conflicts above are
 * a suffix of a bucket's sorted low bounds and those below a prefix of its high bounds: two
 * binary searches a bucket.
 *
 * Kept for every fact some figure was asked about, so it is kept small: numbers in flat arrays,
 * one small object a bucket, none a statement.
 */
import {
  byText,
  isBeyond,
  isWithinTime,
  judgeBounds,
  prepare,
  type Prepared,
  type StatementTime,
} from '../facts/index';
import type { StoredStatement } from '../store/sourceFacts';

export class ConflictIndex {
  /** Each bucket's time class and dimension. */
  private readonly times: StatementTime[] = [];
  /** Bucket `b` holds `lows[starts[b] … starts[b + 1])`, ascending, and the same span of `highs`. */
  private readonly starts: number[] = [0];
  private readonly lows: number[] = [];
  private readonly highs: number[] = [];
  /** Statement `i`'s bucket and bounds, as `prepare` gives them. */
  private readonly bucketOf: number[] = [];
  private readonly lo: number[] = [];
  private readonly hi: number[] = [];
  /** The statements' indexes by path, then position. */
  private readonly order: number[];

  /** `paths[i]` states `statements[i]`; kept as given (the fact index drops this index when they change). */
  constructor(
    private readonly paths: readonly string[],
    private readonly statements: readonly StoredStatement[],
    private readonly tolerance: number,
  ) {
    const buckets = new Map<string, { time: StatementTime; lows: number[]; highs: number[]; index: number }>();
    for (const s of statements) {
      const p = prepare(s);
      const key = `${p.month ?? ''}|${p.dealDate ?? ''}|${p.dimension}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        const time = { dimension: p.dimension, month: p.month, dealDate: p.dealDate };
        buckets.set(key, (bucket = { time, lows: [], highs: [], index: buckets.size }));
      }
      bucket.lows.push(p.lo);
      bucket.highs.push(p.hi);
      this.bucketOf.push(bucket.index);
      this.lo.push(p.lo);
      this.hi.push(p.hi);
    }
    for (const { time, lows, highs } of buckets.values()) {
      this.times.push(time);
      for (const low of lows.sort(ascending)) this.lows.push(low);
      for (const high of highs.sort(ascending)) this.highs.push(high);
      this.starts.push(this.lows.length);
    }
    this.order = [...statements.keys()].sort(
      (i, j) => byText(paths[i]!, paths[j]!) || statements[i]!.start - statements[j]!.start,
    );
  }

  /** How many of the statements (of every source, the figure's own too) conflict with a figure. */
  countConflicting(figure: Prepared): number {
    let count = 0;
    const { tolerance, lows, highs, starts } = this;
    const { lo, hi } = figure;
    this.times.forEach((time, b) => {
      if (time.dimension !== figure.dimension || !isWithinTime(figure, time)) return;
      const [from, to] = [starts[b]!, starts[b + 1]!];
      count += to - firstWhere(lows, from, to, (low) => hi < low && isBeyond(hi, low, tolerance));
      count += firstWhere(highs, from, to, (high) => !(high < lo && isBeyond(high, lo, tolerance))) - from;
    });
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
    // `path`'s own statements are together in that order: stepped over at once
    const [ownFrom, ownTo] = this.spanOf(path);
    for (let k = 0; k < this.order.length && found.length < wanted; k++) {
      if (k === ownFrom) k = ownTo;
      if (k >= this.order.length) break;
      const i = this.order[k]!;
      const time = this.times[this.bucketOf[i]!]!;
      if (judgeBounds(figure, time, this.lo[i]!, this.hi[i]!, this.tolerance) === 'conflict')
        found.push([this.paths[i]!, this.statements[i]!, prepare(this.statements[i]!)]);
    }
    return found;
  }

  /** Where `path`'s statements are in `order`: `[from, to)`, empty when it states none. */
  private spanOf(path: string): readonly [number, number] {
    const { order, paths } = this;
    const boundary = (isAfter: (sign: number) => boolean) => {
      let [lo, hi] = [0, order.length];
      while (lo < hi) {
        const mid = (lo + hi) >>> 1;
        if (isAfter(byText(paths[order[mid]!]!, path))) hi = mid;
        else lo = mid + 1;
      }
      return lo;
    };
    return [boundary((sign) => sign >= 0), boundary((sign) => sign > 0)];
  }
}

function ascending(a: number, b: number): number {
  return a - b;
}

/** The first index of `[from, to)` whose value makes `is` true (`to` when none); `is` is false, then true, along the values. */
function firstWhere(values: readonly number[], from: number, to: number, is: (value: number) => boolean): number {
  let [lo, hi] = [from, to];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (is(values[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
