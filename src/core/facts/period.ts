/**
 * When a figure holds, from its clause: a year, fiscal year, quarter or half ("in 2023",
 * "FY2025 revenue", "Q3 2025"), a scope ("a total of", "cumulative", "annually", "initial"),
 * and whether it is a forecast ("could reach", "expected", "possible"). Dates of other
 * figures count only within the figure's clause and near it (or near its cue), and not when
 * they start a span ("since 2021").
 */
import type { FigureValue } from '../extract/figures/figure';
import type { Span } from './metric';
import { matchesOf } from '../regexParts';

export type Scope = 'cumulative' | 'annual' | 'initial';

export interface FigurePeriod {
  /** "2023", "FY2025", "2025-Q3", "2026-H2", "2025–2026"; null when the clause names none. */
  readonly year: string | null;
  readonly scope: Scope | null;
  readonly isProjected: boolean;
}

export interface DateInSentence {
  readonly span: Span;
  readonly value: FigureValue;
}

export interface PeriodContext {
  readonly sentence: string;
  readonly clause: Span;
  readonly figure: Span;
  /** The words that gave the metric: "cumulative investment … stands at $3.1 billion" is scoped by its cue. */
  readonly cue: Span | null;
  readonly dates: readonly DateInSentence[];
}

/** A date this far from the figure (UTF-16 units) still dates it. */
const MAX_DATE_DISTANCE = 40;
const MAX_SCOPE_DISTANCE = 32;

const SCOPES: ReadonlyArray<readonly [Scope, RegExp]> = [
  [
    'cumulative',
    /\b(?:a |in )?total(?:l?ing)?\b|\bcumulative(?:ly)?\b|\bto date\b|\bso far\b|\baltogether\b|\ball told\b|\bin all\b/gi,
  ],
  ['annual', /\bannual(?:ly|i[sz]ed)?\b|\bper (?:year|annum)\b|\ba year\b|\beach year\b|\byearly\b|\brun[- ]rate\b/gi],
  ['initial', /\binitial(?:ly)?\b|\boriginal(?:ly)?\b|\bfirst (?:investment|round|tranche|stake)\b/gi],
];

/** "since 2021", "from 2019": where a span of time starts, not the period the figure is for. */
const START_BEFORE = /\b(?:since|from|starting(?: in)?|after|between)\s+(?:(?:early|late|mid)[- ]?)?$/i;
const PROJECTION =
  /\b(?:could|would|might|may|will|possible|potential(?:ly)?|expect(?:s|ed)?|project(?:s|ed|ions?)|forecasts?|targets?|targeting|planned|plans?|aims?|hopes?)\b/i;

export function periodOf(context: PeriodContext): FigurePeriod {
  return {
    year: yearOf(context),
    scope: scopeOf(context),
    isProjected: PROJECTION.test(context.sentence.slice(context.clause.start, context.clause.end)),
  };
}

function distanceTo(span: Span, figure: Span): number {
  return span.start >= figure.end ? span.start - figure.end : span.end <= figure.start ? figure.start - span.end : 0;
}

/** How far from the figure or from its cue, whichever is nearer. */
function distanceFrom(span: Span, context: PeriodContext): number {
  return Math.min(
    distanceTo(span, context.figure),
    context.cue ? distanceTo(span, context.cue) : Number.POSITIVE_INFINITY,
  );
}

function yearOf(context: PeriodContext): string | null {
  const { clause } = context;
  const near = context.dates
    .filter(
      (d) =>
        d.span.start >= clause.start && d.span.end <= clause.end && distanceFrom(d.span, context) <= MAX_DATE_DISTANCE,
    )
    .filter((d) => !START_BEFORE.test(context.sentence.slice(Math.max(0, d.span.start - 16), d.span.start)))
    .map((d) => ({ period: periodOfDate(d.value), distance: distanceFrom(d.span, context) }))
    .filter((d): d is { period: string; distance: number } => d.period !== null)
    .sort((a, b) => a.distance - b.distance);
  return near[0]?.period ?? null;
}

/** "2025-11-03" → "2025"; "FY2025", "2025-Q3", "2026-H2" kept; year-less dates ("--10") → null. */
export function periodOfDate(value: FigureValue): string | null {
  if (Array.isArray(value)) {
    const [from, to] = value.map((v) => (typeof v === 'string' ? periodOfDate(v) : null));
    return from && to ? (from === to ? from : `${from}–${to}`) : null;
  }
  if (typeof value !== 'string') return null;
  if (/^FY\d{4}$/.test(value) || /^\d{4}-[QH]\d$/.test(value)) return value;
  return /^\d{4}/.test(value) ? value.slice(0, 4) : null;
}

function scopeOf(context: PeriodContext): Scope | null {
  const { sentence, clause } = context;
  const text = sentence.slice(clause.start, clause.end);
  let best: { scope: Scope; distance: number } | null = null;
  for (const [scope, pattern] of SCOPES) {
    for (const match of matchesOf(pattern, text)) {
      const span = { start: clause.start + match.index, end: clause.start + match.index + match[0].length };
      const distance = distanceFrom(span, context);
      if (distance <= MAX_SCOPE_DISTANCE && (!best || distance < best.distance)) best = { scope, distance };
    }
  }
  return best?.scope ?? null;
}
