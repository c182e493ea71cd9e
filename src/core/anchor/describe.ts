/**
 * describe(text, start, end) → Anchor: the W3C TextQuoteSelector (the quoted text and up to
 * `CONTEXT_LENGTH` code units of context either side) and TextPositionSelector of a range.
 * The inverse of `anchor` (anchor.ts). Total: offsets are clamped into the text.
 */
import type { Anchor } from '../annotations/model';

export const CONTEXT_LENGTH = 32;

export function describe(text: string, start: number, end: number): Anchor {
  const from = clampOffset(start, text.length);
  const to = Math.max(from, clampOffset(end, text.length));
  let prefixStart = Math.max(0, from - CONTEXT_LENGTH);
  if (isLowSurrogate(text, prefixStart) && prefixStart < from) prefixStart++;
  let suffixEnd = Math.min(text.length, to + CONTEXT_LENGTH);
  if (isLowSurrogate(text, suffixEnd) && suffixEnd > to) suffixEnd--;
  return {
    quote: { exact: text.slice(from, to), prefix: text.slice(prefixStart, from), suffix: text.slice(to, suffixEnd) },
    position: { start: from, end: to },
  };
}

/** An offset inside `[0, length]`; anything that is not a finite number counts as 0. */
export function clampOffset(offset: number, length: number): number {
  if (!Number.isFinite(offset)) return 0;
  return Math.min(length, Math.max(0, Math.trunc(offset)));
}

/** True when `offset` falls between the two halves of a surrogate pair (an emoji, say). */
export function isLowSurrogate(text: string, offset: number): boolean {
  if (offset <= 0 || offset >= text.length) return false;
  const code = text.charCodeAt(offset);
  const previous = text.charCodeAt(offset - 1);
  return code >= 0xdc00 && code <= 0xdfff && previous >= 0xd800 && previous <= 0xdbff;
}
