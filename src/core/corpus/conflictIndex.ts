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
 * Kept for the facts stated many times (`FactIndex.conflictIndexOf`), so it is kept small: numbers
 * in flat arrays, one small object a bucket, none a statement.
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
  /**
   * Bucket `b` holds `lows[starts[b] … starts[b + 1])`, ascending, and the same span of `highs`;
   * `lowOf` and `highOf` give the statement each of those bounds is of.
   */
  private readonly starts: number[] = [0];
  private readonly lows: number[] = [];
  private readonly highs: number[] = [];
  private readonly lowOf: number[] = [];
  private readonly highOf: number[] = [];
  /** Statement `i`'s bucket and bounds, as `prepare` gives them. */
  private readonly bucketOf: number[] = [];
  private readonly lo: number[] = [];
  private readonly hi: number[] = [];
  /** The statements' indexes by path, then position, and each statement's place in that order. */
  private readonly order: number[];
  private readonly rank: number[];

  /** `paths[i]` states `statements[i]`; kept as given (the fact index drops this index when they change). */
  constructor(
    private readonly paths: readonly string[],
    private readonly statements: readonly StoredStatement[],
    private readonly tolerance: number,
  ) {
    const buckets = new Map<string, { time: StatementTime; members: number[]; index: number }>();
    statements.forEach((s, i) => {
      const p = prepare(s);
      const key = `${p.month ?? ''}|${p.dealDate ?? ''}|${p.dimension}`;
      let bucket = buckets.get(key);
      if (!bucket) {
        const time = { dimension: p.dimension, month: p.month, dealDate: p.dealDate };
        buckets.set(key, (bucket = { time, members: [], index: buckets.size }));
      }
      bucket.members.push(i);
      this.bucketOf.push(bucket.index);
      this.lo.push(p.lo);
      this.hi.push(p.hi);
    });
    for (const { time, members } of buckets.values()) {
      this.times.push(time);
      for (const i of [...members].sort((x, y) => this.lo[x]! - this.lo[y]!)) {
        this.lows.push(this.lo[i]!);
        this.lowOf.push(i);
      }
      for (const i of members.sort((x, y) => this.hi[x]! - this.hi[y]!)) {
        this.highs.push(this.hi[i]!);
        this.highOf.push(i);
      }
      this.starts.push(this.lows.length);
    }
    this.order = [...statements.keys()].sort(
      (i, j) => byText(paths[i]!, paths[j]!) || statements[i]!.start - statements[j]!.start,
    );
    this.rank = new Array<number>(statements.length);
    this.order.forEach((i, k) => (this.rank[i] = k));
  }

  /** How many of the statements (of every source, the figure's own too) conflict with a figure. */
  countConflicting(figure: Prepared): number {
    let count = 0;
    this.forEachConflicting(figure, (_, from, to) => (count += to - from));
    return count;
  }

  /**
   * The first `limit` statements of sources other than `path` that conflict with a figure, by path
   * then position, with their paths and as prepared. `total`: how many there are. When they are few
   * among many, they are gathered from the sorted bounds; else looked for in path order, which
   * finds `limit` of them soon.
   */
  firstConflicting(
    figure: Prepared,
    path: string,
    limit: number,
    total: number,
  ): Array<readonly [string, StoredStatement, Prepared]> {
    const wanted = Math.min(limit, total);
    if (wanted === 0) return [];
    const [ownFrom, ownTo] = this.spanOf(path);
    const others = this.order.length - (ownTo - ownFrom);
    const found =
      // gathering costs every conflicting statement, the figure's own source's too; the walk in
      // path order about `wanted` in `total` of the others
      this.countConflicting(figure) * total < wanted * others
        ? this.gathered(figure, path, wanted)
        : this.walked(figure, wanted, ownFrom, ownTo);
    return found.map((i) => [this.paths[i]!, this.statements[i]!, prepare(this.statements[i]!)] as const);
  }

  /** The conflicting statements, from the sorted bounds: a suffix of each bucket's lows and a prefix of its highs. */
  private gathered(figure: Prepared, path: string, wanted: number): number[] {
    const found: number[] = [];
    this.forEachConflicting(figure, (of, from, to) => {
      for (let k = from; k < to; k++) if (this.paths[of[k]!] !== path) found.push(of[k]!);
    });
    return found.sort((i, j) => this.rank[i]! - this.rank[j]!).slice(0, wanted);
  }

  /** The conflicting statements met first in path order, `path`'s own (together in that order) stepped over at once. */
  private walked(figure: Prepared, wanted: number, ownFrom: number, ownTo: number): number[] {
    const found: number[] = [];
    for (let k = 0; k < this.order.length && found.length < wanted; k++) {
      if (k === ownFrom) k = ownTo;
      if (k >= this.order.length) break;
      const i = this.order[k]!;
      const time = this.times[this.bucketOf[i]!]!;
      if (judgeBounds(figure, time, this.lo[i]!, this.hi[i]!, this.tolerance) === 'conflict') found.push(i);
    }
    return found;
  }

  /** Each run of conflicting statements: `of[from … to)` (of `lowOf` or `highOf`), bucket by bucket. */
  private forEachConflicting(figure: Prepared, visit: (of: readonly number[], from: number, to: number) => void): void {
    const { tolerance, lows, highs, starts } = this;
    const { lo, hi } = figure;
    this.times.forEach((time, b) => {
      if (time.dimension !== figure.dimension || !isWithinTime(figure, time)) return;
      const [from, to] = [starts[b]!, starts[b + 1]!];
      visit(
        this.lowOf,
        firstWhere(from, to, (k) => hi < lows[k]! && isBeyond(hi, lows[k]!, tolerance)),
        to,
      );
      visit(
        this.highOf,
        from,
        firstWhere(from, to, (k) => !(highs[k]! < lo && isBeyond(highs[k]!, lo, tolerance))),
      );
    });
  }

  /** Where `path`'s statements are in `order`: `[from, to)`, empty when it states none. */
  private spanOf(path: string): readonly [number, number] {
    const { order, paths } = this;
    const sign = (k: number) => byText(paths[order[k]!]!, path);
    return [firstWhere(0, order.length, (k) => sign(k) >= 0), firstWhere(0, order.length, (k) => sign(k) > 0)];
  }
}

/** The first index of `[from, to)` that makes `is` true (`to` when none); `is` is false, then true, along the range. */
function firstWhere(from: number, to: number, is: (index: number) => boolean): number {
  let [lo, hi] = [from, to];
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (is(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
