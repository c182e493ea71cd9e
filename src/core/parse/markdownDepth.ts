/**
 * Nesting that no article needs, read as plain text before remark sees it. micromark checks
 * every open container on every line, so its time grows with the square of the nesting depth
 * (a 1,000-deep block quote: 20 s; "1. " 4,000 times overflows its stack). A block quote or
 * list marker that starts at column 64 or further of its line — and every marker after it on
 * that line — is replaced by a character that is no markdown syntax, the same length, so every
 * offset stays exact; the prose shows the file's own characters (`withFileText`). Nesting is then
 * at most ~64 deep (each level takes at least one column), and parsing linear.
 */

/** A marker starting this many characters into its line, or more, is read as text. */
export const MAX_MARKER_COLUMN = 64;
/** What a neutralised marker becomes: no markdown construct starts with or uses it. */
const INERT = '%';

export interface DepthLimited {
  /** The text to parse: the file with deep markers made inert. */
  readonly text: string;
  /** Offset of the first marker made inert, or -1 when the file nests within the limit. */
  readonly firstDeep: number;
}

/** "- - -", "***", "_ _ _": a thematic break, which only looks like nested list markers. */
const THEMATIC_BREAK = /^[ \t]*([-*_])(?:[ \t]*\1){2,}[ \t]*\r?$/;

export function limitNesting(text: string): DepthLimited {
  const inert: number[] = [];
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    if (lineEnd - lineStart > MAX_MARKER_COLUMN) {
      const deep = deepMarkers(text, lineStart, lineEnd);
      if (deep.length && !THEMATIC_BREAK.test(text.slice(lineStart, lineEnd))) for (const at of deep) inert.push(at);
    }
    lineStart = lineEnd + 1;
  }
  if (inert.length === 0) return { text, firstDeep: -1 };
  const parts: string[] = [];
  let last = 0;
  for (const at of inert) {
    parts.push(text.slice(last, at), INERT);
    last = at + 1;
  }
  parts.push(text.slice(last));
  return { text: parts.join(''), firstDeep: inert[0]! };
}

/**
 * The marker characters of a line's container prefix ("> ", "- ", "1. ") from the first one
 * at column MAX_MARKER_COLUMN or beyond.
 */
function deepMarkers(text: string, lineStart: number, lineEnd: number): number[] {
  const out: number[] = [];
  let i = lineStart;
  for (;;) {
    while (i < lineEnd && (text[i] === ' ' || text[i] === '\t')) i++;
    if (i >= lineEnd) return out;
    const c = text[i]!;
    let marker = -1;
    let next = i + 1;
    if (c === '>') marker = i;
    else if ((c === '-' || c === '*' || c === '+') && isSpaceOrEnd(text, i + 1, lineEnd)) marker = i;
    else if (c >= '0' && c <= '9') {
      let j = i;
      while (j < lineEnd && j - i < 9 && text[j]! >= '0' && text[j]! <= '9') j++;
      if ((text[j] === '.' || text[j] === ')') && isSpaceOrEnd(text, j + 1, lineEnd)) {
        marker = j;
        next = j + 1;
      }
    }
    if (marker < 0) return out;
    if (out.length || i - lineStart >= MAX_MARKER_COLUMN) out.push(marker);
    i = next;
  }
}

function isSpaceOrEnd(text: string, at: number, lineEnd: number): boolean {
  return at >= lineEnd || text[at] === ' ' || text[at] === '\t' || text[at] === '\r';
}
