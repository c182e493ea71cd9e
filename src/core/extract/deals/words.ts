/**
 * The words of a sentence as the deal frames' prefilter reads them: runs of letters and digits in
 * lower case, hyphenated ones whole and in parts. Scanned by a loop of its own: the shared run
 * scanner (textRuns.ts) is half again slower here, in the word scan every sentence gets.
 */

/** A letter beyond ASCII (one code point: `\p{L}` over one or two code units). */
const LETTER = /^\p{L}$/u;

/**
 * The sentence's words in lower case — runs of letters and digits, hyphenated ones whole
 * (`/[\p{L}\d]+(?:-[\p{L}\d]+)*\/gu`) — and the parts of hyphenated ones. Scanned by hand:
 * several times faster than that pattern's matches or a split; a word may be visited twice.
 */
export function forEachWord(sentence: string, visit: (word: string) => void): void {
  const text = sentence.toLowerCase();
  forEachWordSpan(text, (start, end) => visit(text.slice(start, end)));
}

/** The words of `text` (in lower case already) as forEachWord finds them, as `[start, end)` spans. */
export function forEachWordSpan(text: string, visit: (start: number, end: number) => void): void {
  const length = text.length;
  let start = -1;
  let hasHyphen = false;
  for (let i = 0; i <= length; i++) {
    const c = i < length ? text.charCodeAt(i) : 32;
    let width = 0;
    if (c < 128) {
      if ((c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 65 && c <= 90)) width = 1;
      else if (c === 45) {
        width = 1;
        hasHyphen = true;
      }
    } else {
      width = c >= 0xd800 && c <= 0xdbff && i + 1 < length ? 2 : 1;
      if (!LETTER.test(text.slice(i, i + width))) width = 0;
    }
    if (width > 0) {
      if (start < 0) start = i;
      i += width - 1;
      continue;
    }
    if (start >= 0) {
      if (hasHyphen) visitHyphenated(text, start, i, visit);
      else visit(start, i);
      start = -1;
      hasHyphen = false;
    }
  }
}

const HYPHEN = 45;

/** A run of letters, digits and hyphens: "--" parts words; a hyphen at either end belongs to none. */
function visitHyphenated(text: string, start: number, end: number, visit: (start: number, end: number) => void): void {
  let i = start;
  while (i < end) {
    // the run up to the next "--" (or the end)
    let j = i;
    while (j < end && !(text.charCodeAt(j) === HYPHEN && j + 1 < end && text.charCodeAt(j + 1) === HYPHEN)) j++;
    let s = i;
    let e = j;
    while (s < e && text.charCodeAt(s) === HYPHEN) s++;
    while (e > s && text.charCodeAt(e - 1) === HYPHEN) e--;
    if (e > s) {
      visit(s, e);
      let partStart = s;
      let hasInner = false;
      for (let k = s; k < e; k++) {
        if (text.charCodeAt(k) !== HYPHEN) continue;
        hasInner = true;
        visit(partStart, k);
        partStart = k + 1;
      }
      if (hasInner) visit(partStart, e);
    }
    while (j < end && text.charCodeAt(j) === HYPHEN) j++;
    i = j;
  }
}

/** A word's length and its first and last characters, in 14 bits: a cheap first test of whether it is an anchor. */
export function wordKey(text: string, start: number, end: number): number {
  return (((end - start) & 15) << 10) | ((text.charCodeAt(start) & 31) << 5) | (text.charCodeAt(end - 1) & 31);
}
