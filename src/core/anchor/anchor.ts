/**
 * anchor(text, anchor) → where an annotation's quote now stands in `text`, or why it cannot
 * be found. Cheapest first (hypothesis/client's html.ts + match-quote.ts), and never onto a
 * look-alike neighbour:
 *   1. position — the old range, if it still holds the quote and its context mostly agrees;
 *   2. exact    — every `indexOf` occurrence of the quote, ranked by context and distance. An
 *                 exact occurrence anywhere outranks every fuzzy match: a moved sentence is
 *                 followed, not swapped for a similar one left near its old place;
 *   3. the last match — when an earlier edit inside the quote was followed (`previous`), the
 *                 text found then, at its position or anywhere, the same way;
 *   4. fuzzy    — a bounded edit-distance search (fuzzy.ts), taken only when the context on
 *                 BOTH sides still agrees: an edit inside the sentence leaves its neighbours in
 *                 place, while a deleted list item's look-alike neighbour keeps at most one side
 *                 of the old context (score.ts);
 * otherwise the annotation is an orphan. Never throws; offsets are UTF-16, end-exclusive.
 */
import type { Anchor, AnchorResult, QuoteSelector } from '../annotations/model';
import { clampOffset, isLowSurrogate } from './describe';
import { searchApproximate } from './fuzzy';
import {
  bestCandidate,
  contextAgreement,
  scoreCandidate,
  similarity,
  type Candidate,
  type ScoredCandidate,
} from './score';

/** A match at or above this score is taken without looking further. */
export const CONFIDENT_SCORE = 0.8;
/** Below this score the best match is not trusted: the annotation is an orphan. */
export const MIN_SCORE = 0.6;
/**
 * A fuzzy match needs this agreement of the context on each side (0–1): the stored context intact
 * (one edit in 32 characters is already below it). In a list of look-alike items, the item that
 * slid into a deleted one's place keeps one side of the old context and only resembles the other
 * (other figures, other years) — it must not pass.
 */
export const MIN_CONTEXT_AGREEMENT = 0.97;
/** Characters of stored context used to find the exact edges of an edited quote. */
const EDGE_PROBE_LENGTH = 16;
/** Share of the quote that may be edited, and the absolute ceiling, for fuzzy matches. */
export const MAX_ERROR_RATE = 0.25;
export const MAX_ERRORS = 64;
/** Exact occurrences given the full (context) score: those with the best cheap score. */
const MAX_EXACT_CANDIDATES = 64;
/** Fuzzy matches ranked. */
const MAX_FUZZY_CANDIDATES = 32;

export interface AnchorOptions {
  readonly minScore?: number;
  readonly maxErrorRate?: number;
  /**
   * The text found the last time the annotation anchored, when it differed from the quote (an
   * edit inside the quote was followed), with its context then. Searched after the quote itself.
   */
  readonly previous?: QuoteSelector;
}

export function anchor(text: string, target: Anchor, options: AnchorOptions = {}): AnchorResult {
  if (target.quote.exact.length === 0) return { status: 'orphan', reason: 'the annotation quotes no text' };
  if (text.length === 0) return { status: 'orphan', reason: 'the source is empty' };
  const start = clampOffset(target.position.start, text.length);
  const selectors =
    options.previous && options.previous.exact.length > 0 && options.previous.exact !== target.quote.exact
      ? [target, { quote: options.previous, position: target.position }]
      : [target];

  for (const selector of selectors) {
    const exact = selector.quote.exact;
    if (text.startsWith(exact, start)) {
      const atPosition = scoreCandidate(text, selector, { start, end: start + exact.length, errors: 0 });
      if (atPosition.score >= CONFIDENT_SCORE) return anchored(atPosition, 'position');
    }
    const exactBest = bestCandidate(text, selector, exactCandidates(text, selector));
    if (exactBest) return anchored(exactBest, exactBest.start === start ? 'position' : 'exact');
  }

  let best: ScoredCandidate | null = null;
  let rejected: ScoredCandidate | null = null;
  for (const selector of selectors) {
    const exact = selector.quote.exact;
    const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * (options.maxErrorRate ?? MAX_ERROR_RATE)));
    if (maxErrors <= 0) continue;
    const fuzzy = searchApproximate(text, exact, { maxErrors, limit: MAX_FUZZY_CANDIDATES, near: start })
      .map((m) => snapToContext(text, selector, snapToCharacters(text, m), maxErrors))
      .filter((m): m is Candidate => m !== undefined);
    const inContext = fuzzy.filter((candidate) => {
      const agreement = contextAgreement(text, selector, candidate);
      // both sides for it, and not a neighbour that slid into its place
      return isAgreeing(agreement.before) && isAgreeing(agreement.after) && !isNeighbour(text, selector, candidate);
    });
    const found = bestCandidate(text, selector, inContext);
    if (found && (!best || found.score > best.score)) best = found;
    const any = bestCandidate(text, selector, fuzzy);
    if (any && (!rejected || any.score > rejected.score)) rejected = any;
  }
  if (best && best.score >= (options.minScore ?? MIN_SCORE)) return anchored(best, 'fuzzy');
  if (best)
    return {
      status: 'orphan',
      reason: `the closest match differs too much (score ${best.score.toFixed(2)}, below ${options.minScore ?? MIN_SCORE})`,
    };
  if (rejected)
    return {
      status: 'orphan',
      reason:
        'the quoted text is no longer in the source (a similar passage nearby has other surroundings, so it is not taken for it)',
    };
  return { status: 'orphan', reason: 'the quoted text is no longer in the source' };
}

/**
 * A side with nothing to compare (the text that stood there is gone, or text came where the
 * quote had none) does not vouch for a match: an edit inside the quote is followed only while
 * what stood on both sides of it is still there.
 */
function isAgreeing(agreement: number | undefined): boolean {
  return agreement !== undefined && agreement >= MIN_CONTEXT_AGREEMENT;
}

/** Context this similar to the text a candidate stands on means the candidate IS that context. */
const NEIGHBOUR_SIMILARITY = 0.97;
/** Separators (a line break, a list marker) tried between a neighbour and the candidate. */
const NEIGHBOUR_SHIFT = 4;
/** Shorter stored context says too little to tell a neighbour. */
const MIN_NEIGHBOUR_CONTEXT = 12;

/**
 * Whether a fuzzy candidate is the text that used to stand next to the quote — in a list of
 * look-alike items, the one that slid into a deleted item's place: it begins with what followed
 * the quote, or ends with what preceded it.
 */
function isNeighbour(text: string, target: Anchor, candidate: Candidate): boolean {
  const { prefix, suffix } = target.quote;
  if (suffix.trim().length >= MIN_NEIGHBOUR_CONTEXT) {
    for (let shift = 0; shift <= NEIGHBOUR_SHIFT; shift++) {
      const from = candidate.start - shift;
      if (from < 0) break;
      if (similarity(suffix, text.slice(from, from + suffix.length)) >= NEIGHBOUR_SIMILARITY) return true;
    }
  }
  if (prefix.trim().length >= MIN_NEIGHBOUR_CONTEXT) {
    for (let shift = 0; shift <= NEIGHBOUR_SHIFT; shift++) {
      const to = candidate.end + shift;
      if (to > text.length) break;
      if (similarity(prefix, text.slice(Math.max(0, to - prefix.length), to)) >= NEIGHBOUR_SIMILARITY) return true;
    }
  }
  return false;
}

/**
 * An approximate match's edges moved to where the stored context begins and ends, when it is
 * found within the error budget of them (an edit at the end of a quote makes the bare search stop
 * short), and its errors counted again over the new range. Undefined: no longer a match.
 */
function snapToContext(text: string, target: Anchor, match: Candidate, maxErrors: number): Candidate | undefined {
  const { exact, prefix, suffix } = target.quote;
  let { start, end } = match;
  const head = suffix.slice(0, EDGE_PROBE_LENGTH);
  if (head.length > 0) {
    const found = nearestOccurrence(text, head, end, maxErrors);
    if (found !== undefined) end = found;
  }
  const tail = prefix.slice(-EDGE_PROBE_LENGTH);
  if (tail.length > 0) {
    const found = nearestOccurrence(text, tail, start - tail.length, maxErrors);
    if (found !== undefined) start = found + tail.length;
  }
  if (start === match.start && end === match.end) return match;
  if (end <= start || isLowSurrogate(text, start) || isLowSurrogate(text, end)) return match;
  const errors = boundedEditDistance(exact, text.slice(start, end), maxErrors);
  return errors > maxErrors ? match : { start, end, errors };
}

/** The occurrence of `needle` starting nearest `at`, within `radius` of it. */
function nearestOccurrence(text: string, needle: string, at: number, radius: number): number | undefined {
  let best: number | undefined;
  const from = Math.max(0, at - radius);
  for (let i = text.indexOf(needle, from); i >= 0 && i <= at + radius; i = text.indexOf(needle, i + 1)) {
    if (best === undefined || Math.abs(i - at) < Math.abs(best - at)) best = i;
  }
  return best;
}

/** Levenshtein distance of `a` and `b`, computed in a band of `limit` (anything above is `limit + 1`): O(length × limit). */
export function boundedEditDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const width = 2 * limit + 1;
  let previous = new Uint32Array(width).fill(limit + 1);
  let current = new Uint32Array(width).fill(limit + 1);
  // cell (i, j) lives at index j - i + limit
  for (let j = 0; j <= Math.min(b.length, limit); j++) previous[j + limit] = j;
  for (let i = 1; i <= a.length; i++) {
    current.fill(limit + 1);
    let rowMin = limit + 1;
    const lo = Math.max(0, i - limit);
    const hi = Math.min(b.length, i + limit);
    for (let j = lo; j <= hi; j++) {
      const k = j - i + limit;
      let value: number;
      if (j === 0) {
        value = i;
      } else {
        const substitution = previous[k]! + (a.charCodeAt(i - 1) === b.charCodeAt(j - 1) ? 0 : 1);
        const deletion = k + 1 < width ? previous[k + 1]! + 1 : limit + 1;
        const insertion = k - 1 >= 0 ? current[k - 1]! + 1 : limit + 1;
        value = Math.min(substitution, deletion, insertion);
      }
      current[k] = Math.min(value, limit + 1);
      if (current[k]! < rowMin) rowMin = current[k]!;
    }
    if (rowMin > limit) return limit + 1;
    [previous, current] = [current, previous];
  }
  return previous[b.length - a.length + limit] ?? limit + 1;
}

function anchored(match: ScoredCandidate, method: 'position' | 'exact' | 'fuzzy'): AnchorResult {
  return { status: 'anchored', start: match.start, end: match.end, score: roundScore(match.score), method };
}

/**
 * Every occurrence of the quote; when there are many (a short quote in a long text), only
 * those whose neighbours agree best with the stored context, then nearest the old position.
 */
function exactCandidates(text: string, target: Anchor): Candidate[] {
  const { exact, prefix, suffix } = target.quote;
  const found: Array<Candidate & { agreement: number }> = [];
  for (let at = text.indexOf(exact); at >= 0; at = text.indexOf(exact, at + 1)) {
    const end = at + exact.length;
    const agreement = commonSuffixLength(prefix, text, at) + commonPrefixLength(suffix, text, end);
    found.push({ start: at, end, errors: 0, agreement });
  }
  if (found.length <= MAX_EXACT_CANDIDATES) return found;
  const hint = target.position.start;
  return found
    .sort((a, b) => b.agreement - a.agreement || Math.abs(a.start - hint) - Math.abs(b.start - hint))
    .slice(0, MAX_EXACT_CANDIDATES);
}

/** How many characters before `offset` in `text` equal the end of `prefix`. */
function commonSuffixLength(prefix: string, text: string, offset: number): number {
  let n = 0;
  while (
    n < prefix.length &&
    n < offset &&
    prefix.charCodeAt(prefix.length - 1 - n) === text.charCodeAt(offset - 1 - n)
  )
    n++;
  return n;
}

/** How many characters from `offset` in `text` equal the start of `suffix`. */
function commonPrefixLength(suffix: string, text: string, offset: number): number {
  let n = 0;
  while (n < suffix.length && offset + n < text.length && suffix.charCodeAt(n) === text.charCodeAt(offset + n)) n++;
  return n;
}

/** A fuzzy match never starts or ends inside a surrogate pair: widened to whole characters. */
function snapToCharacters(text: string, match: Candidate): Candidate {
  const start = isLowSurrogate(text, match.start) ? match.start - 1 : match.start;
  const end = isLowSurrogate(text, match.end) ? match.end + 1 : match.end;
  return start === match.start && end === match.end ? match : { ...match, start, end };
}

function roundScore(score: number): number {
  return Math.round(score * 1000) / 1000;
}
