/**
 * The fact timeline's model: every statement of one fact across the workspace, placed in time
 * (the date the statement gives — a deal's date, the year of its period — else its article's
 * dateline) and in value (a point, a range as a bar, "up to" as a ceiling, "more than" as a
 * floor), each judged against the other sources' statements: a statement conflicts when it
 * conflicts with any statement of another source it may be compared with, and agrees when it
 * conflicts with none and agrees with some. Exact without judging every pair: within one
 * dimension a statement conflicts with some statement iff it conflicts with the one allowing the
 * highest low value or the lowest high value (judging compares the nearest allowed values).
 */
import {
  DEFAULT_TOLERANCE,
  compareStatements,
  judge,
  prepare,
  MAX_AS_OF_MONTHS,
  type ComparableStatement,
  type DatedStatementView,
  type FactStatements,
  type Prepared,
} from '../facts/index';
import {
  bounded,
  MAX_NAME_LENGTH,
  MAX_SENTENCE_LENGTH,
  type FactTimeline,
  type TimelinePoint,
  type TimelineShape,
  type TimelineVerdict,
} from '../webviewMessages';
import { normalisedValue } from './valueWords';

/** The timeline of a fact. */
export function factTimeline(fact: FactStatements, tolerance = DEFAULT_TOLERANCE): FactTimeline {
  const { statements } = fact;
  const prepared = statements.map((s) => prepare(comparable(s)));
  const verdicts = judgeEach(statements, prepared, tolerance);
  const points = statements.map((s, i): TimelinePoint => {
    const p = prepared[i]!;
    const { date, dateSource } = placeInTime(s, fact.key.period);
    const found = verdicts[i]!;
    const reason =
      found.partner === null
        ? null
        : `${found.verdict === 'conflict' ? 'Conflicts with' : 'Agrees with'} ${statements[found.partner]!.path} (${bounded(statements[found.partner]!.text, 80)}): ${compareStatements(comparable(s), comparable(statements[found.partner]!), tolerance).reason}`;
    return {
      id: `${s.path}#${s.figureId}`,
      path: s.path,
      start: s.start,
      end: s.end,
      text: bounded(s.text, MAX_NAME_LENGTH),
      sentence: bounded(s.sentence, MAX_SENTENCE_LENGTH),
      date,
      dateSource,
      ...valueOf(s, p),
      unit: s.unit,
      valueText: normalisedValue(s),
      verdict: found.verdict,
      reason,
    };
  });
  const units = new Set(statements.map((s) => s.unit));
  const verdictsSeen = new Set(points.map((p) => p.verdict));
  return {
    keyId: fact.key.id,
    label: fact.key.label,
    metric: fact.key.metric,
    unit: units.size === 1 ? [...units][0]! : null,
    points,
    verdict: verdictsSeen.has('conflict')
      ? 'conflict'
      : verdictsSeen.has('agree')
        ? 'agree'
        : verdictsSeen.has('incomparable')
          ? 'incomparable'
          : null,
  };
}

function comparable(s: DatedStatementView): ComparableStatement {
  return {
    text: s.text,
    kind: s.kind,
    value: s.value,
    unit: s.unit,
    qualifier: s.qualifier,
    isApprox: s.isApprox,
    precision: s.precision,
    asOf: s.asOf,
    dealDate: s.dealDate,
  };
}

/** x: the deal's date as stated, else the year of the key's period ("2023", "2025-Q3" → 2025-07), else the dateline. */
export function placeInTime(
  s: DatedStatementView,
  period: string | null,
): { date: string | null; dateSource: TimelinePoint['dateSource'] } {
  if (s.dealDate && /^\d{4}(?:-\d\d(?:-\d\d)?)?$/.test(s.dealDate)) return { date: s.dealDate, dateSource: 'stated' };
  const year = period ? /(?:FY)?(\d{4})(?:-([QH])(\d))?/.exec(period) : null;
  if (year) {
    const month = year[2] === 'Q' ? 1 + 3 * (Number(year[3]) - 1) : year[2] === 'H' ? 1 + 6 * (Number(year[3]) - 1) : 0;
    return { date: month ? `${year[1]}-${String(month).padStart(2, '0')}` : year[1]!, dateSource: 'period' };
  }
  const dateline = s.dateline ?? s.asOf;
  if (dateline && /^\d{4}(?:-\d\d(?:-\d\d)?)?$/.test(dateline)) return { date: dateline, dateSource: 'dateline' };
  return { date: null, dateSource: 'none' };
}

function valueOf(
  s: DatedStatementView,
  p: Prepared,
): { low: number | null; high: number | null; shape: TimelineShape } {
  const [lo, hi] = typeof s.value === 'number' ? [s.value, s.value] : [s.value[0], s.value[1]];
  switch (p.widening) {
    case 'ceiling':
      return { low: null, high: hi, shape: 'ceiling' };
    case 'floor':
      return { low: lo, high: null, shape: 'floor' };
    default:
      return { low: lo, high: hi, shape: lo === hi ? 'point' : 'range' };
  }
}

interface Judged {
  readonly verdict: TimelineVerdict;
  /** The statement the verdict was found against (the first such, by index). */
  readonly partner: number | null;
}

/** Each statement against the other sources' statements it may be compared with (within time, see compare.ts). */
function judgeEach(
  statements: readonly DatedStatementView[],
  prepared: readonly Prepared[],
  tolerance: number,
): Judged[] {
  // statements of one time class and dimension may be compared with the same others
  const classes = new Map<string, number[]>();
  prepared.forEach((p, i) => {
    const key = `${p.month ?? ''}|${p.dealDate ?? ''}|${p.dimension}`;
    const list = classes.get(key);
    if (list) list.push(i);
    else classes.set(key, [i]);
  });
  const members = [...classes.values()];
  // per class: the two statements (of different sources) allowing the highest low and the lowest high
  const extremes = members.map((list) => ({
    highestLow: bestTwo(list, statements, (a, b) => prepared[a]!.lo > prepared[b]!.lo),
    lowestHigh: bestTwo(list, statements, (a, b) => prepared[a]!.hi < prepared[b]!.hi),
    paths: new Set(list.map((i) => statements[i]!.path)),
  }));
  const out: Judged[] = new Array(statements.length);
  for (const own of members) {
    const time = prepared[own[0]!]!;
    const reachable = members
      .map((other, d) => (isWithinTime(time, prepared[other[0]!]!) ? d : -1))
      .filter((d) => d >= 0);
    for (const i of own) {
      const path = statements[i]!.path;
      let conflict: number | null = null;
      let agree: number | null = null;
      let isIncomparable = false;
      for (const d of reachable) {
        const e = extremes[d]!;
        const hasOtherSource = e.paths.size > 1 || !e.paths.has(path);
        if (!hasOtherSource) continue;
        if (prepared[members[d]![0]!]!.dimension !== time.dimension) {
          isIncomparable = true;
          continue;
        }
        for (const j of [
          e.highestLow.find((k) => statements[k]!.path !== path),
          e.lowestHigh.find((k) => statements[k]!.path !== path),
        ]) {
          if (j === undefined) continue;
          const verdict = judge(prepared[i]!, prepared[j]!, tolerance);
          if (verdict === 'conflict' && (conflict === null || j < conflict)) conflict = j;
          if (verdict === 'agree' && (agree === null || j < agree)) agree = j;
        }
      }
      out[i] =
        conflict !== null
          ? { verdict: 'conflict', partner: conflict }
          : agree !== null
            ? { verdict: 'agree', partner: agree }
            : { verdict: isIncomparable ? 'incomparable' : 'alone', partner: null };
    }
  }
  return out;
}

/** The best two statements of a list by `isBetter`, from two different sources. */
function bestTwo(
  list: readonly number[],
  statements: readonly DatedStatementView[],
  isBetter: (a: number, b: number) => boolean,
): number[] {
  const best: number[] = [];
  for (const j of list) {
    const same = best.findIndex((k) => statements[k]!.path === statements[j]!.path);
    if (same >= 0) {
      if (!isBetter(j, best[same]!)) continue;
      best.splice(same, 1);
    }
    best.push(j);
    best.sort((a, b) => (isBetter(a, b) ? -1 : isBetter(b, a) ? 1 : a - b));
    if (best.length > 2) best.length = 2;
  }
  return best;
}

function isWithinTime(x: Prepared, y: Prepared): boolean {
  if (x.dealDate && y.dealDate && !x.dealDate.startsWith(y.dealDate) && !y.dealDate.startsWith(x.dealDate))
    return false;
  return x.month === null || y.month === null || Math.abs(x.month - y.month) <= MAX_AS_OF_MONTHS;
}
