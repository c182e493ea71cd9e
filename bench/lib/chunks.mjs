// Splits a markdown article into top-level chunks that parse the same alone as in the whole
// document, so that each can be parsed (and cached) on its own. Bench-only prototype of the
// "re-parse the changed blocks only" design (rows 1 and 3).
//
// A chunk starts (outside fenced code, HTML comments and raw HTML blocks) at
//   - an ATX heading at column 0-3: it closes any paragraph, list or block quote before it;
//   - a line at column 0 after a blank line that is not a list marker, a thematic break or
//     front-matter fence: after a blank line nothing lazily continues, and a column-0 line is
//     not inside any list item or indented code.
// Documents with link-reference or footnote definitions (global to the document) are not
// split: a reference in one chunk may need a definition in another.

const ATX = /^ {0,3}#{1,6}(?:[ \t]|$)/;
const FENCE = /^ {0,3}(`{3,}|~{3,})/;
const LIST_MARKER = /^(?:[-*+]|\d{1,9}[.)])(?:[ \t]|$)/;
const BREAK_OR_FRONT_MATTER = /^(?:(?:-[ \t]*){3,}|(?:_[ \t]*){3,}|(?:\*[ \t]*){3,}|\+\+\+|=+)[ \t]*$/;
const DEFINITION = /^ {0,3}\[[^\]\n]+\]:/m;
const RAW_HTML = /^ {0,3}<(script|pre|style|textarea)(?:[\s>]|$)/i;

/** `[{ start, text }]` covering the whole text in order; one chunk when splitting is unsafe. */
export function chunksOf(text) {
  if (DEFINITION.test(text)) return [{ start: 0, text }];
  const starts = [0];
  let fence = null; // the opening fence string while inside fenced code
  let html = null; // the closing marker while inside an HTML comment or raw HTML block
  let previousBlank = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const blank = line.trim() === '';
    if (fence) {
      const close = FENCE.exec(line);
      if (close && close[1][0] === fence[0] && close[1].length >= fence.length && line.trim() === close[1])
        fence = null;
    } else if (html) {
      if (line.toLowerCase().includes(html)) html = null;
    } else {
      const canStart =
        lineStart > 0 &&
        (ATX.test(line) ||
          (previousBlank &&
            !blank &&
            /^\S/.test(line) &&
            !LIST_MARKER.test(line) &&
            !BREAK_OR_FRONT_MATTER.test(line)));
      if (canStart) starts.push(lineStart);
      const open = FENCE.exec(line);
      if (open) fence = open[1];
      else if (/^ {0,3}<!--/.test(line) && !line.includes('-->')) html = '-->';
      else {
        const raw = RAW_HTML.exec(line);
        if (raw && !line.toLowerCase().includes(`</${raw[1].toLowerCase()}>`)) html = `</${raw[1].toLowerCase()}>`;
      }
    }
    previousBlank = blank;
    lineStart = lineEnd + 1;
  }
  return starts.map((start, i) => ({
    start,
    text: text.slice(start, i + 1 < starts.length ? starts[i + 1] : text.length),
  }));
}
