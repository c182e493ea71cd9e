/** Anchoring annotations to article text: `describe` a range, `anchor` it again after edits. */
export { describe, CONTEXT_LENGTH } from './describe';
export { anchor, CONFIDENT_SCORE, MIN_SCORE, MAX_ERROR_RATE, MAX_ERRORS, type AnchorOptions } from './anchor';
export { searchApproximate, type ApproximateMatch } from './fuzzy';
export type { Anchor, AnchorResult, PositionSelector, QuoteSelector } from '../annotations/model';
