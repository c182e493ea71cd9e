/**
 * Runs of characters of given classes — words, numbers, names — scanned by hand. A pattern such
 * as `/[\p{L}][\p{L}.\-]*\/gu` makes a match object per word, and the recognisers ask for the
 * words of every sentence; these scans make none. Each user's property test holds its scan to
 * the pattern it replaces.
 */

/** A letter (`\p{L}`). */
export const LETTER = 1;
/** An ASCII digit (`\d`). */
export const DIGIT = 2;
/** A number beyond the ASCII digits (`\p{N}`: "²", "½", "٣"). */
export const OTHER_NUMBER = 4;
/** "'" or "’". */
export const APOSTROPHE = 8;
export const AMPERSAND = 16;
export const DOT = 32;
export const HYPHEN = 64;

const IS_LETTER = /^\p{L}$/u;

/** A–Z or a–z, by its code. */
export function isAsciiLetter(code: number): boolean {
  return (code >= 65 && code <= 90) || (code >= 97 && code <= 122);
}
const IS_NUMBER = /^\p{N}$/u;

/**
 * The classes of the code point at `i`, as bits, and its width in code units (1, or 2 for a
 * surrogate pair that ends before `limit`), packed as `width << 8 | classes`; 0 past `limit`.
 */
export function classesAt(text: string, i: number, limit = text.length): number {
  if (i >= limit) return 0;
  const c = text.charCodeAt(i);
  if (c < 128) {
    if (isAsciiLetter(c)) return 0x100 | LETTER;
    if (c >= 48 && c <= 57) return 0x100 | DIGIT;
    if (c === 39) return 0x100 | APOSTROPHE;
    if (c === 38) return 0x100 | AMPERSAND;
    if (c === 46) return 0x100 | DOT;
    if (c === 45) return 0x100 | HYPHEN;
    return 0x100;
  }
  if (c === 0x2019) return 0x100 | APOSTROPHE;
  const next = i + 1 < limit ? text.charCodeAt(i + 1) : 0;
  const width = c >= 0xd800 && c <= 0xdbff && next >= 0xdc00 && next <= 0xdfff ? 2 : 1;
  const point = text.slice(i, i + width);
  return (width << 8) | (IS_LETTER.test(point) ? LETTER : IS_NUMBER.test(point) ? OTHER_NUMBER : 0);
}

/**
 * Where the run that goes on from `i` ends: the code points before `limit` with one of the
 * `classes` (the run's first code point is the caller's to check).
 */
export function runEnd(text: string, i: number, classes: number, limit = text.length): number {
  for (;;) {
    const at = classesAt(text, i, limit);
    if ((at & classes) === 0) return i;
    i += at >> 8;
  }
}

/** The first place from `i` on, before `limit`, where a code point with one of `classes` stands; else `limit`. */
export function nextRun(text: string, i: number, classes: number, limit = text.length): number {
  while (i < limit && (classesAt(text, i, limit) & classes) === 0) i++;
  return i;
}

/**
 * Every run that opens in `[from, to)` with a code point of `opening` (a subset of `classes`) and
 * goes on through code points of `classes` up to `runLimit`, visited as `[start, end)` cut at `to`.
 */
export function forEachRun(
  text: string,
  from: number,
  to: number,
  opening: number,
  classes: number,
  runLimit: number,
  visit: (start: number, end: number) => void,
): void {
  for (let i = nextRun(text, from, opening, to); i < to;) {
    const end = runEnd(text, i, classes, runLimit);
    visit(i, Math.min(end, to));
    i = nextRun(text, end, opening, to);
  }
}
