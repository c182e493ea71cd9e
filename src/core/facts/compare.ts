/**
 * Verdicts: do two statements of the same fact agree? Each statement stands for the values it
 * allows — a point, a range, "up to X" (anything ≤ X), "more than X" (anything ≥ X), "nearly X"
 * (a little under X), or "about X" (X ± half a unit of its last written digit, at most ±5%:
 * "about 27%" allows 26.5–27.5%, "~$13.5 billion" 13.45–13.55 billion, "about $1 billion"
 * 0.95–1.05 billion). They agree when the nearest values they allow are within the tolerance
 * (1% of the larger) of each other, and conflict otherwise. Money is compared only within one
 * currency, power only with power (MW and GW converted); other mixes are incomparable.
 * Statements of a changing quantity dated more than six months apart, and deals with
 * contradicting dates, are unrelated: not compared.
 */
import { QUALIFIER_WORDS, type FigureKind, type Qualifier } from '../extract/figures/figure';

export const DEFAULT_TOLERANCE = 0.01;
/** The most "about" can stretch a figure, as a fraction of it. */
export const MAX_APPROX = 0.05;
/** Undated statements (as of their articles) further apart than this are not compared. */
export const MAX_AS_OF_MONTHS = 6;

export type Verdict = 'agree' | 'conflict' | 'incomparable';

export interface Comparison {
  readonly verdict: Verdict | 'unrelated';
  /** One line a researcher can read: why they agree or not. */
  readonly reason: string;
}

export interface ComparableStatement {
  readonly text: string;
  readonly kind: FigureKind;
  readonly value: number | readonly [number, number];
  readonly unit: string | null;
  readonly qualifier: Qualifier | null;
  readonly isApprox: boolean;
  /** The place value of the last written digit, in value units ("$13.5 billion" → 1e8); null when unknown. */
  readonly precision: number | null;
  readonly asOf: string | null;
  readonly dealDate: string | null;
}

/** A statement reduced to what judging needs: computed once, then compared without allocating. */
export interface Prepared {
  /** "money:USD", "W", "Wh", "percent:%": only equal dimensions compare. */
  readonly dimension: string;
  /** The values it allows, in base units (W for GW). */
  readonly lo: number;
  readonly hi: number;
  /** Why it is wider than the written value (for the reason). */
  readonly widening: 'ceiling' | 'floor' | 'nearly' | 'about' | 'range' | null;
  readonly widen: number;
  readonly month: number | null;
  readonly dealDate: string | null;
}

const SCALE: Readonly<Record<string, readonly [string, number]>> = {
  GW: ['W', 1e9],
  MW: ['W', 1e6],
  kW: ['W', 1e3],
  TW: ['W', 1e12],
  TWh: ['Wh', 1e12],
  GWh: ['Wh', 1e9],
  MWh: ['Wh', 1e6],
  kWh: ['Wh', 1e3],
};

/** `x` and `y`: the statements prepared already (`prepare`), when the caller has them. */
export function compareStatements(
  a: ComparableStatement,
  b: ComparableStatement,
  tolerance = DEFAULT_TOLERANCE,
  x = prepare(a),
  y = prepare(b),
): Comparison {
  const verdict = judge(x, y, tolerance);
  return { verdict, reason: explain(verdict, a, b, x, y, tolerance) };
}

export function prepare(s: ComparableStatement): Prepared {
  // one object a statement and nothing else allocated: a walk over a workspace's facts prepares
  // every statement of every fact two sources state, and this was a tenth of its garbage
  const power = powerScale(s);
  const dimension = power ? power[0] : s.kind === 'power' ? (s.unit ?? 'power') : dimensionName(s.kind, s.unit);
  const factor = power ? power[1] : 1;
  const lo = (typeof s.value === 'number' ? s.value : s.value[0]) * factor;
  const hi = (typeof s.value === 'number' ? s.value : s.value[1]) * factor;
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const isAbout = s.isApprox || s.qualifier === 'about';
  const halfPlace = s.precision === null ? Number.POSITIVE_INFINITY : (Math.abs(s.precision) * factor) / 2;
  const widen = isAbout ? Math.min(halfPlace, MAX_APPROX * magnitude) : 0;
  let from = lo;
  let to = hi;
  let widening: Prepared['widening'] = lo === hi ? null : 'range';
  switch (s.qualifier) {
    case 'up-to':
    case 'at-most':
    case 'less-than':
      from = Number.NEGATIVE_INFINITY;
      to = hi + widen;
      widening = 'ceiling';
      break;
    case 'more-than':
    case 'at-least':
      from = lo - widen;
      to = Number.POSITIVE_INFINITY;
      widening = 'floor';
      break;
    case 'nearly':
      from = lo - MAX_APPROX * magnitude;
      widening = 'nearly';
      break;
    default:
      if (widen > 0) {
        from = lo - widen;
        to = hi + widen;
        widening = 'about';
      }
  }
  return {
    dimension,
    widen: widen / factor,
    month: monthIndex(s.asOf),
    dealDate: s.dealDate,
    lo: from,
    hi: to,
    widening,
  };
}

/** The verdict alone: arithmetic only, for comparing every pair of a fact stated many times. */
export function judge(x: Prepared, y: Prepared, tolerance: number): Verdict | 'unrelated' {
  return judgeBounds(x, y, y.lo, y.hi, tolerance);
}

/** When and in what a statement is stated: what decides whether two may be compared. */
export type StatementTime = Pick<Prepared, 'dimension' | 'month' | 'dealDate'>;

/** `judge`, with the second statement given as its time and its bounds (kept apart by a caller that stores many). */
export function judgeBounds(
  x: Prepared,
  y: StatementTime,
  lo: number,
  hi: number,
  tolerance: number,
): Verdict | 'unrelated' {
  if (!isWithinTime(x, y)) return 'unrelated';
  if (x.dimension !== y.dimension) return 'incomparable';
  // the nearest values the two allow, and how far apart they are relative to the larger
  if (x.hi < lo) return isBeyond(x.hi, lo, tolerance) ? 'conflict' : 'agree';
  if (hi < x.lo) return isBeyond(hi, x.lo, tolerance) ? 'conflict' : 'agree';
  return 'agree';
}

/** Whether two statements may be compared at all: deal dates that do not contradict, as-of dates at most six months apart. */
export function isWithinTime(x: StatementTime, y: StatementTime): boolean {
  if (x.dealDate && y.dealDate && !x.dealDate.startsWith(y.dealDate) && !y.dealDate.startsWith(x.dealDate))
    return false;
  return x.month === null || y.month === null || Math.abs(x.month - y.month) <= MAX_AS_OF_MONTHS;
}

/**
 * Whether the nearest values two statements allow, `below` < `above`, are further apart than the
 * tolerance of the larger: a conflict. It only grows truer as `above` rises or `below` falls.
 */
export function isBeyond(below: number, above: number, tolerance: number): boolean {
  return !(above - below <= tolerance * Math.max(Math.abs(below), Math.abs(above)));
}

function explain(
  verdict: Verdict | 'unrelated',
  a: ComparableStatement,
  b: ComparableStatement,
  x: Prepared,
  y: Prepared,
  tolerance: number,
): string {
  if (verdict === 'unrelated') {
    if (x.dealDate && y.dealDate && !x.dealDate.startsWith(y.dealDate) && !y.dealDate.startsWith(x.dealDate))
      return `different deal dates (${a.dealDate}, ${b.dealDate})`;
    return `stated ${Math.abs(x.month! - y.month!)} months apart (${a.asOf}, ${b.asOf})`;
  }
  if (verdict === 'incomparable') {
    const what = a.kind === 'money' && b.kind === 'money' ? 'currencies' : 'units';
    return `different ${what} (${a.unit ?? a.kind}, ${b.unit ?? b.kind}): not compared`;
  }
  const notes = [note(a, x), note(b, y)].filter((n): n is string => n !== null);
  const [ma, mb] = [middle(a) * factorOf(a), middle(b) * factorOf(b)];
  const apart = percent(Math.abs(ma - mb) / Math.max(Math.abs(ma), Math.abs(mb), Number.MIN_VALUE));
  if (verdict === 'agree') {
    if (notes.length > 0) return `consistent: ${notes.join('; ')}`;
    return apart === '0%' ? 'equal' : `equal within ${percent(tolerance)} (${apart} apart)`;
  }
  return `${written(a)} and ${written(b)} are ${apart} apart, beyond ${percent(tolerance)}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}`;
}

function note(s: ComparableStatement, p: Prepared): string | null {
  switch (p.widening) {
    case 'ceiling':
      return `${written(s)} is a ceiling`;
    case 'floor':
      return `${written(s)} is a floor`;
    case 'nearly':
      return `${written(s)} allows up to ${percent(MAX_APPROX)} less`;
    case 'about':
      return `${written(s)} allows ±${amount(p.widen, s)} as written`;
    case 'range':
      return `${written(s)} is a range`;
    default:
      return null;
  }
}

/** The place value of the last written digit: "13.5 billion" → 1e8, "130" → 10, "27%" → 1. */
export function writtenPrecision(text: string, value: number | readonly [number, number]): number | null {
  const numeral = /\d[\d,]*(?:\.\d+)?/.exec(text)?.[0];
  const written = numeral ? Number(numeral.replace(/,/g, '')) : Number.NaN;
  const first = typeof value === 'number' ? value : value[0];
  if (!numeral || !Number.isFinite(written) || written === 0) return null;
  const decimals = numeral.includes('.') ? numeral.length - numeral.indexOf('.') - 1 : 0;
  const digits = numeral.replace(/,/g, '');
  const place = decimals > 0 ? 10 ** -decimals : 10 ** (digits.length - digits.replace(/0+$/, '').length);
  return place * (first / written);
}

/** The figure as a reader takes it: "about $20 billion", "up to $10 billion", "~$13.5 billion". */
function written(s: ComparableStatement): string {
  const qualifier = s.qualifier ?? (s.isApprox ? 'about' : null);
  if (!qualifier || /^[~≈<>≤≥]/.test(s.text) || s.text.toLowerCase().startsWith(QUALIFIER_WORDS[qualifier]))
    return s.text;
  return `${QUALIFIER_WORDS[qualifier]} ${s.text}`;
}

/** "2025-11-03" → the month's index (year × 12 + month − 1), as /^(\d{4})-(\d\d)/ reads it; null for anything else. */
function monthIndex(date: string | null): number | null {
  if (date === null || date.length < 7 || date.charCodeAt(4) !== 45 /* - */) return null;
  let year = 0;
  for (let i = 0; i < 4; i++) {
    const digit = date.charCodeAt(i) - 48;
    if (digit < 0 || digit > 9) return null;
    year = year * 10 + digit;
  }
  const tens = date.charCodeAt(5) - 48;
  const ones = date.charCodeAt(6) - 48;
  if (tens < 0 || tens > 9 || ones < 0 || ones > 9) return null;
  return year * 12 + tens * 10 + ones - 1;
}

/** A power or energy unit's base unit and factor ("GW" → W, 1e9); undefined for any other. */
function powerScale(s: ComparableStatement): readonly [string, number] | undefined {
  return s.kind === 'power' && s.unit !== null && Object.hasOwn(SCALE, s.unit) ? SCALE[s.unit] : undefined;
}

function factorOf(s: ComparableStatement): number {
  return powerScale(s)?.[1] ?? 1;
}

/** "money:USD": one string for each kind and unit, made once. */
const DIMENSION_NAMES = new Map<string, Map<string | null, string>>();
function dimensionName(kind: FigureKind, unit: string | null): string {
  let byUnit = DIMENSION_NAMES.get(kind);
  if (!byUnit) DIMENSION_NAMES.set(kind, (byUnit = new Map()));
  let name = byUnit.get(unit);
  if (name !== undefined) return name;
  name = `${kind}:${unit ?? ''}`;
  if (byUnit.size < 256) byUnit.set(unit, name); // units are a lexicon's few; never a table without bound
  return name;
}

function middle(s: ComparableStatement): number {
  return typeof s.value === 'number' ? s.value : (s.value[0] + s.value[1]) / 2;
}

function percent(fraction: number): string {
  const value = fraction * 100;
  return `${value >= 10 || value === 0 ? Math.round(value) : Number(value.toPrecision(2))}%`;
}

/** An amount in the statement's own terms: "0.05 billion", "0.5%". */
function amount(value: number, s: ComparableStatement): string {
  if (s.kind === 'percent') return `${round(value)}${s.unit === '%' ? '%' : ` ${s.unit ?? ''}`}`;
  const words: ReadonlyArray<readonly [number, string]> = [
    [1e12, 'trillion'],
    [1e9, 'billion'],
    [1e6, 'million'],
  ];
  const scale =
    s.kind === 'money'
      ? words.find(([size]) => Math.abs(typeof s.value === 'number' ? s.value : s.value[1]) >= size)
      : undefined;
  const unit = s.kind === 'money' ? '' : ` ${s.unit ?? ''}`.trimEnd();
  return scale ? `${round(value / scale[0])} ${scale[1]}` : `${round(value)}${unit}`;
}

function round(value: number): string {
  return String(Number(value.toPrecision(3)));
}
