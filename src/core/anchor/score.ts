/**
 * How well a candidate range fits an anchor: weighted agreement of the quote, the context on
 * either side and the old position, as hypothesis/client's match-quote ranks its matches.
 * Scores are in [0, 1].
 */
import type { Anchor } from '../annotations/model';

/** Relative weights; the quote counts most, the old position only breaks ties. */
export const SCORE_WEIGHTS = { quote: 50, prefix: 20, suffix: 20, position: 2 } as const;
const TOTAL_WEIGHT = SCORE_WEIGHTS.quote + SCORE_WEIGHTS.prefix + SCORE_WEIGHTS.suffix + SCORE_WEIGHTS.position;

/** A side with no stored context (the quote began or ended the file) neither helps nor hurts. */
const NEUTRAL_CONTEXT = 0.5;

export interface Candidate {
  readonly start: number;
  readonly end: number;
  /** Edits between the stored quote and the text at `[start, end)`. */
  readonly errors: number;
}

export interface ScoredCandidate extends Candidate {
  readonly score: number;
}

export function scoreCandidate(text: string, anchor: Anchor, candidate: Candidate): ScoredCandidate {
  const { exact } = anchor.quote;
  const quote = exact.length === 0 ? 1 : Math.max(0, 1 - candidate.errors / exact.length);
  const agreement = contextAgreement(text, anchor, candidate);
  const before = agreement.before ?? (anchor.quote.prefix.length === 0 && candidate.start === 0 ? 1 : NEUTRAL_CONTEXT);
  const after =
    agreement.after ?? (anchor.quote.suffix.length === 0 && candidate.end === text.length ? 1 : NEUTRAL_CONTEXT);
  const distance = Math.abs(candidate.start - anchor.position.start);
  const position = 1 - Math.min(1, distance / Math.max(1, text.length));
  const weighted =
    SCORE_WEIGHTS.quote * quote +
    SCORE_WEIGHTS.prefix * before +
    SCORE_WEIGHTS.suffix * after +
    SCORE_WEIGHTS.position * position;
  return { ...candidate, score: weighted / TOTAL_WEIGHT };
}

/**
 * How well the text either side of a candidate agrees with the stored context, each in [0, 1],
 * or undefined when there is nothing to compare: no stored context on that side, or the candidate
 * stands at the edge of the text where the context was (the neighbouring text was deleted).
 * Carriage returns are left out: a file saved again with CRLF line ends keeps its context. Near
 * an edge, the part of the context that fits is compared.
 */
export function contextAgreement(
  text: string,
  anchor: Anchor,
  candidate: Candidate,
): { before: number | undefined; after: number | undefined } {
  const prefix = withoutCarriageReturns(anchor.quote.prefix);
  const suffix = withoutCarriageReturns(anchor.quote.suffix);
  let before: number | undefined =
    prefix.length === 0 && candidate.start === 0 && anchor.quote.prefix.length === 0 ? 1 : undefined;
  if (prefix.length > 0) {
    const window = withoutCarriageReturns(
      text.slice(Math.max(0, candidate.start - 2 * prefix.length), candidate.start),
    ).slice(-prefix.length);
    before = window.length === 0 ? undefined : similarity(prefix.slice(-window.length), window);
  }
  let after: number | undefined =
    suffix.length === 0 && candidate.end === text.length && anchor.quote.suffix.length === 0 ? 1 : undefined;
  if (suffix.length > 0) {
    const window = withoutCarriageReturns(text.slice(candidate.end, candidate.end + 2 * suffix.length)).slice(
      0,
      suffix.length,
    );
    after = window.length === 0 ? undefined : similarity(suffix.slice(0, window.length), window);
  }
  return { before, after };
}

function withoutCarriageReturns(text: string): string {
  return text.includes('\r') ? text.replace(/\r/g, '') : text;
}

/** The best-scoring candidate; of equal scores, the one nearest the old position. */
export function bestCandidate(text: string, anchor: Anchor, candidates: readonly Candidate[]): ScoredCandidate | null {
  let best: ScoredCandidate | null = null;
  for (const candidate of candidates) {
    const scored = scoreCandidate(text, anchor, candidate);
    if (
      !best ||
      scored.score > best.score ||
      (scored.score === best.score &&
        Math.abs(scored.start - anchor.position.start) < Math.abs(best.start - anchor.position.start))
    ) {
      best = scored;
    }
  }
  return best;
}

/**
 * 1 − Levenshtein distance / the longer length: 1 for equal strings, near 0 for unrelated ones.
 * For context strings (a few dozen characters); O(a × b).
 */
export function similarity(a: string, b: string): number {
  const longer = Math.max(a.length, b.length);
  return longer === 0 ? 1 : 1 - levenshtein(a, b) / longer;
}

function levenshtein(a: string, b: string): number {
  if (a === b) return 0;
  let previous = new Uint32Array(b.length + 1);
  let current = new Uint32Array(b.length + 1);
  for (let j = 0; j <= b.length; j++) previous[j] = j;
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    const code = a.charCodeAt(i - 1);
    for (let j = 1; j <= b.length; j++) {
      const substitution = previous[j - 1]! + (code === b.charCodeAt(j - 1) ? 0 : 1);
      current[j] = Math.min(substitution, previous[j]! + 1, current[j - 1]! + 1);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length]!;
}
