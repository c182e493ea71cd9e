/**
 * anchor(text, anchor) → where an annotation's quote now stands in `text`, or why it cannot
 * be found. Cheapest first (hypothesis/client's html.ts + match-quote.ts):
 *   1. position — the old range, if it still holds the quote and its context mostly agrees;
 *   2. exact    — every `indexOf` occurrence of the quote, ranked by context and distance;
 *   3. fuzzy    — a bounded edit-distance search (fuzzy.ts), ranked the same way (score.ts);
 * below `MIN_SCORE` the annotation is an orphan. Never throws; offsets are UTF-16, end-exclusive.
 */
import type { Anchor, AnchorResult } from '../annotations/model';
import { clampOffset, isLowSurrogate } from './describe';
import { searchApproximate } from './fuzzy';
import { bestCandidate, scoreCandidate, type Candidate, type ScoredCandidate } from './score';

/** A match at or above this score is taken without looking further. */
export const CONFIDENT_SCORE = 0.8;
/** Below this score the best match is not trusted: the annotation is an orphan. */
export const MIN_SCORE = 0.6;
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
}

export function anchor(text: string, target: Anchor, options: AnchorOptions = {}): AnchorResult {
  const minScore = options.minScore ?? MIN_SCORE;
  const exact = target.quote.exact;
  if (exact.length === 0) return { status: 'orphan', reason: 'the annotation quotes no text' };
  if (text.length === 0) return { status: 'orphan', reason: 'the source is empty' };

  const start = clampOffset(target.position.start, text.length);
  if (text.startsWith(exact, start)) {
    const atPosition = scoreCandidate(text, target, { start, end: start + exact.length, errors: 0 });
    if (atPosition.score >= CONFIDENT_SCORE) return anchored(atPosition, 'position');
  }

  const exactBest = bestCandidate(text, target, exactCandidates(text, target));
  if (exactBest && exactBest.score >= CONFIDENT_SCORE) return anchored(exactBest, 'exact');

  const maxErrors = Math.min(MAX_ERRORS, Math.floor(exact.length * (options.maxErrorRate ?? MAX_ERROR_RATE)));
  const fuzzy = maxErrors > 0 ? searchApproximate(text, exact, { maxErrors, limit: MAX_FUZZY_CANDIDATES, near: start }).map((m) => snapToCharacters(text, m)) : [];
  const best = bestCandidate(text, target, exactBest ? [exactBest, ...fuzzy] : fuzzy);
  if (!best) return { status: 'orphan', reason: 'the quoted text is no longer in the source' };
  if (best.score < minScore) {
    return { status: 'orphan', reason: `the closest match differs too much (score ${best.score.toFixed(2)}, below ${minScore})` };
  }
  return anchored(best, best.errors === 0 ? 'exact' : 'fuzzy');
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
  while (n < prefix.length && n < offset && prefix.charCodeAt(prefix.length - 1 - n) === text.charCodeAt(offset - 1 - n)) n++;
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
