/**
 * Verdicts: do two statements of the same fact agree? Each statement stands for the values it
 * allows — a point, a range, "up to X" (anything ≤ X), "more than X" (anything ≥ X), "nearly X"
 * (a little under X), or "about X" (X ± half a unit of its last written digit, at most ±5%:
 * "about 27%" allows 26.5–27.5%, "~$13.5 billion" 13.45–13.55 billion, "about $1 billion"
 * 0.95–1.05 billion). They agree when the values they allow come within the tolerance (1% of
 * the larger) of each other, and conflict otherwise. Money is compared only within one
 * currency, power only with power (MW and GW converted); other mixes are incomparable.
 * Statements of a changing quantity dated more than six months apart, and deals with
 * contradicting dates, are unrelated: not compared.
 */
import type { FigureKind, Qualifier } from '../extract/figures/figure';

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

interface Allowed {
  readonly lo: number;
  readonly hi: number;
  /** Why it is wider than the written value, for the reason. */
  readonly note: string | null;
}

const SCALE: Readonly<Record<string, readonly [string, number]>> = {
  GW: ['W', 1e9], MW: ['W', 1e6], kW: ['W', 1e3], TW: ['W', 1e12],
  TWh: ['Wh', 1e12], GWh: ['Wh', 1e9], MWh: ['Wh', 1e6], kWh: ['Wh', 1e3],
};

export function compareStatements(a: ComparableStatement, b: ComparableStatement, tolerance = DEFAULT_TOLERANCE): Comparison {
  const unrelated = unrelatedBecause(a, b);
  if (unrelated) return { verdict: 'unrelated', reason: unrelated };
  const [dimA, factorA] = dimension(a);
  const [dimB, factorB] = dimension(b);
  if (dimA !== dimB) {
    const what = a.kind === 'money' && b.kind === 'money' ? 'currencies' : 'units';
    return { verdict: 'incomparable', reason: `different ${what} (${a.unit ?? a.kind}, ${b.unit ?? b.kind}): not compared` };
  }
  const x = allowed(a, factorA);
  const y = allowed(b, factorB);
  const scale = Math.max(...[x.lo, x.hi, y.lo, y.hi].filter(Number.isFinite).map(Math.abs), Number.MIN_VALUE);
  const gap = Math.max(0, Math.max(x.lo, y.lo) - Math.min(x.hi, y.hi));
  const notes = [x.note, y.note].filter((n): n is string => n !== null);
  const apart = percent(Math.abs(middle(a) * factorA - middle(b) * factorB) / Math.max(Math.abs(middle(a) * factorA), Math.abs(middle(b) * factorB), Number.MIN_VALUE));
  if (gap <= tolerance * scale) {
    if (notes.length > 0) return { verdict: 'agree', reason: `consistent: ${notes.join('; ')}` };
    return { verdict: 'agree', reason: apart === '0%' ? 'equal' : `equal within ${percent(tolerance)} (${apart} apart)` };
  }
  return { verdict: 'conflict', reason: `${a.text} and ${b.text} are ${apart} apart, beyond ${percent(tolerance)}${notes.length > 0 ? `; ${notes.join('; ')}` : ''}` };
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

function allowed(s: ComparableStatement, factor: number): Allowed {
  const [lo, hi] = typeof s.value === 'number' ? [s.value * factor, s.value * factor] : [s.value[0] * factor, s.value[1] * factor];
  const magnitude = Math.max(Math.abs(lo), Math.abs(hi));
  const isAbout = s.isApprox || s.qualifier === 'about';
  const halfPlace = s.precision === null ? Number.POSITIVE_INFINITY : (Math.abs(s.precision) * factor) / 2;
  const widen = isAbout ? Math.min(halfPlace, MAX_APPROX * magnitude) : 0;
  switch (s.qualifier) {
    case 'up-to':
    case 'at-most':
    case 'less-than':
      return { lo: Number.NEGATIVE_INFINITY, hi: hi + widen, note: `${s.text} is a ceiling` };
    case 'more-than':
    case 'at-least':
      return { lo: lo - widen, hi: Number.POSITIVE_INFINITY, note: `${s.text} is a floor` };
    case 'nearly':
      return { lo: lo - MAX_APPROX * magnitude, hi, note: `${s.text} allows up to ${percent(MAX_APPROX)} less` };
    default:
      if (widen > 0) return { lo: lo - widen, hi: hi + widen, note: `${s.text} allows ±${amount(widen / factor, s)} as written` };
      return { lo, hi, note: lo === hi ? null : `${s.text} is a range` };
  }
}

function unrelatedBecause(a: ComparableStatement, b: ComparableStatement): string | null {
  if (a.dealDate && b.dealDate && !a.dealDate.startsWith(b.dealDate) && !b.dealDate.startsWith(a.dealDate)) {
    return `different deal dates (${a.dealDate}, ${b.dealDate})`;
  }
  const x = monthIndex(a.asOf);
  const y = monthIndex(b.asOf);
  if (x !== null && y !== null && Math.abs(x - y) > MAX_AS_OF_MONTHS) return `stated ${Math.abs(x - y)} months apart (${a.asOf}, ${b.asOf})`;
  return null;
}

function monthIndex(date: string | null): number | null {
  const match = date ? /^(\d{4})-(\d\d)/.exec(date) : null;
  return match ? Number(match[1]) * 12 + Number(match[2]) - 1 : null;
}

function dimension(s: ComparableStatement): readonly [string, number] {
  if (s.kind === 'power') return SCALE[s.unit ?? ''] ?? [s.unit ?? 'power', 1];
  return [`${s.kind}:${s.unit ?? ''}`, 1];
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
  const words: ReadonlyArray<readonly [number, string]> = [[1e12, 'trillion'], [1e9, 'billion'], [1e6, 'million']];
  const scale = s.kind === 'money' ? words.find(([size]) => Math.abs(typeof s.value === 'number' ? s.value : s.value[1]) >= size) : undefined;
  const unit = s.kind === 'money' ? '' : ` ${s.unit ?? ''}`.trimEnd();
  return scale ? `${round(value / scale[0])} ${scale[1]}` : `${round(value)}${unit}`;
}

function round(value: number): string {
  return String(Number(value.toPrecision(3)));
}
