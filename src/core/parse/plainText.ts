/**
 * Plain text → prose blocks: one block per line (a paragraph in most plain-text news copy),
 * with bullet markers ("- ", "• ", "1. ") and URLs left out of the prose.
 */
import { ProseBuilder } from './offsetMap';
import type { ProseBlock } from './blocks';
import { matchesOf } from '../regexParts';

/** A bullet or list number at the start of a line, with its trailing space. */
const BULLET = /^[ \t]*(?:[-*+•·▪‣◦]|\d{1,3}[.)])[ \t]+/;
/** URLs and e-mail addresses: not prose. Bounded classes, so no backtracking blow-up. */
export const URL_PATTERN = /\b(?:https?:\/\/|www\.)[^\s<>"'()\[\]]+|\b[\w.+-]+@[\w-]+(?:\.[\w-]+)+/g;

export function plainTextBlocks(text: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const contentEnd = lineEnd > lineStart && text[lineEnd - 1] === '\r' ? lineEnd - 1 : lineEnd;
    const line = text.slice(lineStart, contentEnd);
    if (line.trim()) {
      const bullet = BULLET.exec(line);
      const offset = bullet ? bullet[0].length : 0;
      const builder = new ProseBuilder();
      appendWithoutUrls(line.slice(offset), lineStart + offset, builder);
      blocks.push({
        kind: bullet ? 'listItem' : isTitleLine(line) ? 'heading' : 'paragraph',
        depth: bullet ? 0 : isTitleLine(line) ? 2 : 0,
        map: builder.build(),
      });
    }
    lineStart = lineEnd + 1;
  }
  return blocks;
}

const TITLE_START = /^[\p{Lu}\p{N}"“]/u;

/** A short line with no closing punctuation: a title or a subheading in plain-text copy. */
function isTitleLine(line: string): boolean {
  const trimmed = line.trim();
  return trimmed.length <= 120 && /\s/.test(trimmed) && !/[.!?:;,”"'’)\]…]$/.test(trimmed) && TITLE_START.test(trimmed);
}

export function appendWithoutUrls(text: string, fileStart: number, builder: ProseBuilder): void {
  let last = 0;
  for (const match of matchesOf(URL_PATTERN, text)) {
    builder.appendMapped(text.slice(last, match.index), fileStart + last);
    builder.appendSeparator(' ');
    last = match.index + match[0].length;
  }
  builder.appendMapped(text.slice(last), fileStart + last);
}
