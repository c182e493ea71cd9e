/**
 * Markdown → prose blocks, through unified + remark-parse (+ GFM and front matter, each
 * extension only where a section can use it: markdownSyntax.ts). Code, inline code, HTML,
 * images, link destinations and bare URLs are not prose;
 * headings, paragraphs, list items, table cells and block quotes are. Every prose character
 * keeps its file offset, so `**$38 billion**` yields `$38 billion` at its real place.
 */
import type { Nodes, Parents } from 'mdast';
import { parseMarkdownTree } from './markdownSyntax';
import { sectionUnits, type Span } from './sectionUnits';
import { ProseBuilder } from './offsetMap';
import type { BlockKind, ProseBlock } from './blocks';
import type { AnalysisCache } from '../analysisCache';

/** Parsing cost grows faster than the text (remark is superlinear past ~50 KB): parse in sections. */
const SECTION_CHARS = 2_048;
/** With a cache, a long section is parsed in pieces of about this size where it can be cut exactly (see sectionUnits.ts). */
const UNIT_CHARS = 1_024;

export function markdownBlocks(text: string, cache?: AnalysisCache): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const section of sectionsOf(text, SECTION_CHARS)) {
    // units only pay with a cache: an edit then re-parses one unit; a single analysis would
    // only pay each parse's fixed cost (~50 µs) more often
    for (const unit of cache ? sectionUnits(text, section, UNIT_CHARS) : [section]) {
      const source = text.slice(unit.start, unit.end);
      // the first unit may hold front matter, so it is cached apart from the same text elsewhere
      const key = unit.start === 0 ? `\u0000${source}` : source;
      const cached = cache?.sections.get(key);
      if (cached) {
        for (const block of cached.blocks) blocks.push({ ...block, map: block.map.shifted(unit.start - cached.start) });
        continue;
      }
      const own = blocksOfSpan(text, unit);
      cache?.sections.set(key, { start: unit.start, blocks: own });
      blocks.push(...own);
    }
  }
  return blocks;
}

/** The prose blocks of `text.slice(span.start, span.end)` parsed on its own (with front matter at the file start). */
export function blocksOfSpan(text: string, span: Span): ProseBlock[] {
  const out: ProseBlock[] = [];
  collectBlocks(parseMarkdownTree(text.slice(span.start, span.end), span.start === 0), 'paragraph', text, span.start, out);
  return out;
}

/**
 * Sections of at least `size` characters that end at a blank line, or before an ATX heading
 * (which always starts a new block), outside fenced code — so each section parses on its own
 * as it would in the whole file (front matter stays in the first).
 */
export function sectionsOf(text: string, size: number): Array<{ start: number; end: number }> {
  const sections: Array<{ start: number; end: number }> = [];
  let start = 0;
  let fence: string | null = null;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    if (fence === null && lineStart - start >= size && lineStart > start && /^ {0,3}#{1,6}(?:[ \t]|$)/.test(line)) {
      sections.push({ start, end: lineStart });
      start = lineStart;
    }
    const marker = /^ {0,3}(`{3,}|~{3,})/.exec(line)?.[1];
    if (marker && (fence === null || (marker[0] === fence[0] && marker.length >= fence.length))) fence = fence === null ? marker : null;
    const isBlank = line.trim() === '';
    if (isBlank && fence === null && lineEnd + 1 - start >= size && lineEnd + 1 < text.length) {
      sections.push({ start, end: lineEnd + 1 });
      start = lineEnd + 1;
    }
    lineStart = lineEnd + 1;
  }
  if (start < text.length || sections.length === 0) sections.push({ start, end: text.length });
  return sections;
}

function collectBlocks(node: Nodes, context: BlockKind, file: string, base: number, out: ProseBlock[]): void {
  switch (node.type) {
    case 'heading':
      pushBlock(node, 'heading', node.depth, file, base, out);
      return;
    case 'paragraph':
      pushBlock(node, context, 0, file, base, out);
      return;
    case 'tableCell':
      pushBlock(node, 'tableCell', 0, file, base, out);
      return;
    case 'listItem':
      for (const child of node.children) collectBlocks(child, 'listItem', file, base, out);
      return;
    case 'blockquote':
      for (const child of node.children) collectBlocks(child, 'quote', file, base, out);
      return;
    case 'root':
    case 'list':
    case 'table':
    case 'tableRow':
    case 'footnoteDefinition':
      for (const child of node.children) collectBlocks(child, context, file, base, out);
      return;
    default:
      return; // code, html, yaml, thematicBreak, definition: not prose
  }
}

function pushBlock(node: Parents, kind: BlockKind, depth: number, file: string, base: number, out: ProseBlock[]): void {
  const builder = new ProseBuilder();
  appendInline(node, file, base, builder);
  const map = builder.build();
  if (map.text.trim()) out.push({ kind, depth, map });
}

function appendInline(node: Parents, file: string, base: number, builder: ProseBuilder): void {
  for (const child of node.children) {
    switch (child.type) {
      case 'text':
        appendText(child.value, offsetIn(child.position?.start.offset, base), offsetIn(child.position?.end.offset, base), file, builder);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        appendInline(child, file, base, builder);
        break;
      case 'link':
        if (isBareUrl(child)) gap(builder);
        else appendInline(child, file, base, builder);
        break;
      case 'linkReference':
        appendInline(child, file, base, builder);
        break;
      case 'break':
        builder.appendSeparator('\n');
        break;
      default:
        gap(builder); // inlineCode, html, image, footnoteReference: not prose
    }
  }
}

function offsetIn(offset: number | undefined, base: number): number | undefined {
  return offset === undefined ? undefined : offset + base;
}

/** A skipped inline element leaves one space, so words on either side do not join. */
function gap(builder: ProseBuilder): void {
  if (!builder.endsWithSpace()) builder.appendSeparator(' ');
}

/** A GFM autolink literal or `<https://…>`: the link text is the URL itself. */
function isBareUrl(link: { url: string; children: Nodes[] }): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  if (!only || only.type !== 'text') return false;
  const value = only.value;
  return value === link.url || link.url === `mailto:${value}` || link.url === `http://${value}` || /^(https?:|www\.)/i.test(value);
}

/**
 * Appends a text node. Its value usually equals its source slice; where it does not
 * (backslash escapes, character references, continuation-line indentation) the characters
 * are aligned greedily and unmatched ones map to the nearest matched place.
 */
function appendText(value: string, start: number | undefined, end: number | undefined, file: string, builder: ProseBuilder): void {
  if (start === undefined || end === undefined) {
    builder.appendSeparator(value);
    return;
  }
  const source = file.slice(start, end);
  if (source === value) {
    builder.appendMapped(value, start);
    return;
  }
  let s = 0;
  for (let v = 0; v < value.length; v++) {
    const ch = value[v]!;
    let found = -1;
    for (let k = s; k < source.length && k < s + 12; k++) {
      if (source[k] === ch) {
        found = k;
        break;
      }
    }
    if (found >= 0) {
      builder.appendMapped(ch, start + found);
      s = found + 1;
    } else {
      builder.appendSeparator(ch);
    }
  }
}
