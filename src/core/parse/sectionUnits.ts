/**
 * Where a markdown section can be cut so that its pieces parse exactly as the whole section
 * does: before an ATX heading at column 0, and after a thematic break (or setext underline) of
 * "---", "***" or "___" at column 0. Neither line can continue a block above it or be continued
 * by a line below it. The cuts are made only in sections that hold none of the constructs that
 * reach across such lines — fenced code, HTML, tables, link or footnote definitions — and never
 * through front matter. Smaller pieces parse faster (remark is superlinear), and an edit then
 * re-parses one piece instead of its whole section.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** An ATX heading at column 0: "# Title", "###". */
const ATX_HEADING = /^#{1,6}(?:[ \t]|\r?$)/;
/** A thematic break at column 0, which also ends a setext heading: "---", "***", "___". */
const THEMATIC_BREAK = /^(?:-{3,}|\*{3,}|_{3,})[ \t]*\r?$/;
/**
 * What may reach across a heading or a break: code fences, HTML, definitions ("]:"), and
 * anything that may make a table (a pipe, an aligned delimiter cell).
 */
const REACHES_ACROSS = /```|~~~|<|\]:|\||:-|-:/;
/** Front matter opens the file with a "---" or "+++" line. */
const FRONT_MATTER_START = /^(?:---|\+\+\+)[ \t]*\r?(?:\n|$)/;

/** Pieces of `section` of at least `size` characters (the last may be shorter), in order. */
export function sectionUnits(text: string, section: Span, size: number): Span[] {
  if (section.end - section.start < 2 * size) return [section];
  const source = text.slice(section.start, section.end);
  if (REACHES_ACROSS.test(source) || (section.start === 0 && FRONT_MATTER_START.test(source))) return [section];
  const units: Span[] = [];
  let start = section.start;
  let lineStart = section.start;
  while (lineStart < section.end) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0 || lineEnd >= section.end) lineEnd = section.end;
    const line = text.slice(lineStart, lineEnd);
    const next = Math.min(lineEnd + 1, section.end);
    if (lineStart - start >= size && ATX_HEADING.test(line)) {
      units.push({ start, end: lineStart });
      start = lineStart;
    }
    if (next - start >= size && next < section.end && THEMATIC_BREAK.test(line)) {
      units.push({ start, end: next });
      start = next;
    }
    lineStart = lineEnd + 1;
  }
  units.push({ start, end: section.end });
  return units;
}
