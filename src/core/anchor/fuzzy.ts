/**
 * Bounded fuzzy search for a quote: the places where it occurs with few edits, each with its
 * start, end and error count. Linear in the text for a bounded error budget (see myers.ts);
 * quotes longer than `LONG_QUOTE_LENGTH` are searched by their head, then checked by their tail
 * and a banded comparison, so a quote of a whole article costs little more than one of a paragraph.
 */
import { findMatchEnds } from './myers';

export interface ApproximateMatch {
  readonly start: number;
  readonly end: number;
  /** Edits (UTF-16 code units inserted, deleted or replaced) between the quote and the text. */
  readonly errors: number;
}

/** Longer quotes are searched by head and tail probes of `PROBE_LENGTH`. */
export const LONG_QUOTE_LENGTH = 512;
const PROBE_LENGTH = 256;

export interface FuzzySearchOptions {
  /** Most edits allowed, for the whole quote. */
  readonly maxErrors: number;
  /** Most matches returned: the fewest errors first, then the nearest `near`. */
  readonly limit: number;
  /** Where the quote used to start. */
  readonly near?: number;
}

export function searchApproximate(text: string, quote: string, options: FuzzySearchOptions): ApproximateMatch[] {
  if (quote.length === 0 || text.length === 0) return [];
  if (quote.length > LONG_QUOTE_LENGTH) return searchLongQuote(text, quote, options);
  return matchesWithStarts(
    text,
    quote,
    Math.min(options.maxErrors, quote.length - 1),
    options.limit,
    (options.near ?? 0) + quote.length,
  );
}

function matchesWithStarts(
  text: string,
  quote: string,
  maxErrors: number,
  limit: number,
  nearEnd: number,
): ApproximateMatch[] {
  if (maxErrors < 0) return [];
  const reversedQuote = reverse(quote);
  return findMatchEnds(text, quote, maxErrors, limit, nearEnd).map(({ end, errors }) => ({
    start: startOf(text, reversedQuote, end, errors),
    end,
    errors,
  }));
}

/**
 * The start of a match known to end at `end` with `errors` edits: the same search run
 * backwards over the few characters it can span. Of equally good starts, the one that makes
 * the match's length closest to the quote's.
 */
function startOf(text: string, reversedQuote: string, end: number, errors: number): number {
  const windowStart = Math.max(0, end - reversedQuote.length - errors);
  const window = reverse(text.slice(windowStart, end));
  const backwards = findMatchEnds(window, reversedQuote, errors, Number.MAX_SAFE_INTEGER);
  let best: { start: number; errors: number } | null = null;
  for (const match of backwards) {
    const start = end - match.end;
    const isBetter =
      !best ||
      match.errors < best.errors ||
      (match.errors === best.errors &&
        Math.abs(end - start - reversedQuote.length) < Math.abs(end - best.start - reversedQuote.length));
    if (isBetter) best = { start, errors: match.errors };
  }
  return best ? best.start : Math.max(0, end - reversedQuote.length);
}

/**
 * A long quote: its head is searched in the whole text; each head match is kept when the
 * quote's tail occurs, also approximately, where the quote would end, and the whole quote is
 * then within `maxErrors` edits of the text between them (a banded comparison).
 */
function searchLongQuote(text: string, quote: string, options: FuzzySearchOptions): ApproximateMatch[] {
  const probeErrors = Math.floor(PROBE_LENGTH * (options.maxErrors / quote.length));
  const head = quote.slice(0, PROBE_LENGTH);
  const tail = quote.slice(-PROBE_LENGTH);
  const slack = options.maxErrors;
  const matches: ApproximateMatch[] = [];
  for (const headMatch of matchesWithStarts(
    text,
    head,
    probeErrors,
    options.limit,
    (options.near ?? 0) + PROBE_LENGTH,
  )) {
    const tailFrom = Math.max(headMatch.start, headMatch.start + quote.length - PROBE_LENGTH - slack);
    const tailTo = Math.min(text.length, headMatch.start + quote.length + slack);
    const tailMatch = matchesWithStarts(
      text.slice(tailFrom, tailTo),
      tail,
      probeErrors,
      1,
      headMatch.start + quote.length - tailFrom,
    )[0];
    if (!tailMatch) continue;
    const end = tailFrom + tailMatch.end;
    const errors = boundedEditDistance(quote, text.slice(headMatch.start, end), options.maxErrors);
    if (errors <= options.maxErrors) matches.push({ start: headMatch.start, end, errors });
  }
  return matches.sort((a, b) => a.errors - b.errors || a.start - b.start);
}

/**
 * The Levenshtein distance of `a` and `b` when it is at most `maxErrors`, else `maxErrors + 1`:
 * only the diagonal band of width 2 × maxErrors + 1 is computed, O(a.length × maxErrors).
 */
export function boundedEditDistance(a: string, b: string, maxErrors: number): number {
  const over = maxErrors + 1;
  if (Math.abs(a.length - b.length) > maxErrors) return over;
  let previous = new Int32Array(b.length + 1).fill(over);
  let current = new Int32Array(b.length + 1).fill(over);
  for (let j = 0; j <= Math.min(b.length, maxErrors); j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    const from = Math.max(1, i - maxErrors);
    const to = Math.min(b.length, i + maxErrors);
    current.fill(over, Math.max(0, from - 1), Math.min(b.length, to + 1) + 1);
    current[0] = i <= maxErrors ? i : over;
    let rowBest = current[0]!;
    const code = a.charCodeAt(i - 1);
    for (let j = from; j <= to; j++) {
      const cost = Math.min(
        previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1),
        previous[j]! + 1,
        current[j - 1]! + 1,
      );
      current[j] = Math.min(cost, over);
      if (cost < rowBest) rowBest = cost;
    }
    if (rowBest > maxErrors) return over;
    [previous, current] = [current, previous];
  }
  return Math.min(previous[b.length]!, over);
}

function reverse(text: string): string {
  let out = '';
  for (let i = text.length - 1; i >= 0; i--) out += text[i];
  return out;
}
