/**
 * Markdown → prose blocks, through micromark's events (markdownEvents.ts), or through the mdast
 * tree of unified + remark-parse where a section needs it (+ GFM and front matter, each
 * extension only where a section can use it: markdownSyntax.ts). Code, inline code, HTML,
 * images, link destinations and bare URLs are not prose;
 * headings, paragraphs, list items, table cells and block quotes are. Every prose character
 * keeps its file offset, so `**$38 billion**` yields `$38 billion` at its real place.
 */
import type { Nodes, Parents, Root, RootContent } from 'mdast';
import {
  parseSection,
  parseSectionEvents,
  sectionTrees,
  type CutKind,
  type EventSection,
  type SectionParser,
  type SectionResult,
} from './markdownSections';
import { limitNesting, MAX_MARKER_COLUMN } from './markdownDepth';
import type { ContentDiagnostic } from '../document';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { isBareUrl } from './markdownEvents';
import { ProseBuilder } from './offsetMap';
import type { BlockKind, ProseBlock } from './blocks';
import type { AnalysisCache } from '../analysisCache';

/** Parsing cost grows faster than the text (remark is superlinear past ~50 KB): parse in sections of about this size. */
const SECTION_CHARS = 2_048;
/** With a cache, smaller sections: an edit then re-parses about this much. */
const CACHED_SECTION_CHARS = 1_024;

/** The prose blocks of one section, their offsets relative to the section's start. */
export interface SectionBlocks extends SectionResult {
  readonly blocks: readonly ProseBlock[];
}

/**
 * The prose blocks of a markdown file, exactly as a parse of the whole file gives them (see
 * markdownSections.ts for how sections are cut so that this holds).
 */
export function markdownBlocks(
  text: string,
  cache?: AnalysisCache,
  sectionChars = cache ? CACHED_SECTION_CHARS : SECTION_CHARS,
): ProseBlock[] {
  return parseMarkdown(text, cache, sectionChars).blocks;
}

export interface ParsedMarkdown {
  readonly blocks: ProseBlock[];
  /** Problems with the markup: nesting too deep to parse as such (markdownDepth.ts). */
  readonly diagnostics: ContentDiagnostic[];
}

export function parseMarkdown(
  text: string,
  cache?: AnalysisCache,
  sectionChars = cache ? CACHED_SECTION_CHARS : SECTION_CHARS,
): ParsedMarkdown {
  const limited = limitNesting(text);
  const parser = cache
    ? (source: string, isFileStart: boolean, cut: CutKind | null, stubs: readonly string[]) =>
        cachedSection(cache, source, isFileStart, cut, stubs)
    : sectionBlocks;
  const blocks = blocksOfSections(text, limited, sectionChars, parser);
  const diagnostics: ContentDiagnostic[] = [];
  if (limited.firstDeep >= 0) {
    diagnostics.push({
      code: 'deep-nesting',
      message: `Block quotes or lists nested beyond column ${MAX_MARKER_COLUMN} are read as plain text.`,
      start: limited.firstDeep,
      end: limited.firstDeep + 1,
      severity: 'warning',
    });
  }
  return { blocks, diagnostics };
}

/**
 * The prose blocks as the mdast tree gives them, never from micromark's events: the reference
 * that markdownEvents.test.ts holds the events route to.
 */
export function markdownBlocksByTree(text: string, sectionChars = SECTION_CHARS): ProseBlock[] {
  return blocksOfSections(text, limitNesting(text), sectionChars, treeSectionBlocks);
}

/** The blocks of every section, mapped to the file (the file's own text where nesting was limited). */
function blocksOfSections(
  text: string,
  limited: ReturnType<typeof limitNesting>,
  sectionChars: number,
  parser: SectionParser<SectionBlocks>,
): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  for (const { span, tree } of sectionTrees(limited.text, sectionChars, parser)) {
    for (const block of tree.blocks) {
      const map = block.map.shifted(span.start);
      blocks.push({ ...block, map: limited.firstDeep >= 0 ? map.withFileText(text) : map });
    }
  }
  return blocks;
}

function treeSectionBlocks(
  source: string,
  isFileStart: boolean,
  cut: CutKind | null,
  stubs: readonly string[],
): SectionBlocks {
  const tree = parseSection(source, isFileStart, cut, stubs);
  return { isClosed: tree.isClosed, definitions: tree.definitions, blocks: blocksOfNodes(tree.nodes, source, 0) };
}

function sectionBlocks(
  source: string,
  isFileStart: boolean,
  cut: CutKind | null,
  stubs: readonly string[],
): SectionBlocks {
  const events = parseSectionEvents(source, isFileStart, cut, stubs);
  if (events)
    return { isClosed: events.isClosed, definitions: events.definitions, blocks: blocksOfEvents(events, source) };
  return treeSectionBlocks(source, isFileStart, cut, stubs);
}

/** The prose blocks of a section read from micromark's events: the pieces the tree's walk would meet. */
function blocksOfEvents(section: EventSection, source: string): ProseBlock[] {
  const out: ProseBlock[] = [];
  const shift = section.sourceStart;
  for (const block of section.blocks) {
    const builder = new ProseBuilder();
    for (const piece of block.pieces) {
      if (piece.kind === 'text') appendText(piece.value, piece.start - shift, piece.end - shift, source, builder);
      else if (piece.kind === 'gap') gap(builder);
      else builder.appendSeparator('\n');
    }
    const map = builder.build();
    if (map.text.trim()) out.push({ kind: block.kind, depth: block.depth, map });
  }
  return out;
}

function cachedSection(
  cache: AnalysisCache,
  source: string,
  isFileStart: boolean,
  cut: CutKind | null,
  stubs: readonly string[],
): SectionBlocks {
  const key = `${isFileStart ? 'F' : 'S'}${cut ?? 'end'}\u0000${stubs.join('\n')}\u0000${source}`;
  let section = cache.sections.get(key);
  if (!section) {
    section = sectionBlocks(source, isFileStart, cut, stubs);
    cache.sections.set(key, section);
  }
  return section;
}

/** The prose blocks of a whole parsed file (`file` is the text it was parsed from, `base` its offset). */
export function blocksOfTree(tree: Root, file: string, base: number): ProseBlock[] {
  return blocksOfNodes(tree.children, file, base);
}

/**
 * Headings, paragraphs, list items, table cells and quotes, in document order. Iterative: an
 * input nested thousands deep must not overflow the stack.
 */
function blocksOfNodes(nodes: readonly RootContent[], file: string, base: number): ProseBlock[] {
  const out: ProseBlock[] = [];
  const stack: Array<{ node: Nodes; context: BlockKind }> = [];
  for (let i = nodes.length - 1; i >= 0; i--) stack.push({ node: nodes[i]!, context: 'paragraph' });
  const pushChildren = (node: Parents, context: BlockKind) => {
    for (let i = node.children.length - 1; i >= 0; i--) stack.push({ node: node.children[i]!, context });
  };
  while (stack.length) {
    const { node, context } = stack.pop()!;
    switch (node.type) {
      case 'heading':
        pushBlock(node, 'heading', node.depth, file, base, out);
        break;
      case 'paragraph':
        pushBlock(node, context, 0, file, base, out);
        break;
      case 'tableCell':
        pushBlock(node, 'tableCell', 0, file, base, out);
        break;
      case 'listItem':
        pushChildren(node, 'listItem');
        break;
      case 'blockquote':
        pushChildren(node, 'quote');
        break;
      case 'root':
      case 'list':
      case 'table':
      case 'tableRow':
      case 'footnoteDefinition':
        pushChildren(node, context);
        break;
      default:
        break; // code, html, yaml, thematicBreak, definition: not prose
    }
  }
  return out;
}

function pushBlock(node: Parents, kind: BlockKind, depth: number, file: string, base: number, out: ProseBlock[]): void {
  const builder = new ProseBuilder();
  appendInline(node, file, base, builder);
  const map = builder.build();
  if (map.text.trim()) out.push({ kind, depth, map });
}

/** The inline content of a block, in order; iterative, like blocksOfNodes. */
function appendInline(block: Parents, file: string, base: number, builder: ProseBuilder): void {
  const stack: Nodes[] = [];
  for (let i = block.children.length - 1; i >= 0; i--) stack.push(block.children[i]!);
  const pushChildren = (node: Parents) => {
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i]!);
  };
  while (stack.length) {
    const child = stack.pop()!;
    switch (child.type) {
      case 'text': {
        const start =
          offsetIn(child.position?.start.offset, base) ??
          located(
            child.value,
            file,
            builder.fileEnd ?? offsetIn(block.position?.start.offset, base),
            offsetIn(block.position?.end.offset, base),
          );
        appendText(
          child.value,
          start,
          start === undefined ? undefined : (offsetIn(child.position?.end.offset, base) ?? start + child.value.length),
          file,
          builder,
        );
        break;
      }
      case 'emphasis':
      case 'strong':
      case 'delete':
      case 'linkReference':
        pushChildren(child);
        break;
      case 'link':
        if (isBareUrlLink(child)) gap(builder);
        else pushChildren(child);
        break;
      case 'break':
        builder.appendSeparator('\n');
        break;
      default:
        gap(builder); // inlineCode, html, image, footnoteReference: not prose
    }
  }
}

/**
 * Where a text node without a position stands: GFM's autolink-literal transform splits text
 * around an e-mail address or "www." into new nodes that have none. It is the next occurrence
 * of its value after what the block mapped so far, within the block.
 */
function located(
  value: string,
  file: string,
  from: number | undefined,
  blockEnd: number | undefined,
): number | undefined {
  if (from === undefined || blockEnd === undefined || !value) return undefined;
  const at = file.indexOf(value, from);
  return at >= 0 && at + value.length <= blockEnd ? at : undefined;
}

function offsetIn(offset: number | undefined, base: number): number | undefined {
  return offset === undefined ? undefined : offset + base;
}

/** A skipped inline element leaves one space, so words on either side do not join. */
function gap(builder: ProseBuilder): void {
  if (!builder.endsWithSpace()) builder.appendSeparator(' ');
}

/** A link whose only child is text that is its URL: a gap, as `isBareUrl` says. */
function isBareUrlLink(link: { url: string; children: Nodes[] }): boolean {
  const only = link.children.length === 1 ? link.children[0] : undefined;
  return !!only && only.type === 'text' && isBareUrl(only.value, link.url);
}

/**
 * Appends a text node. Its value usually equals its source slice; where it does not
 * (backslash escapes, character references, continuation-line indentation) the characters
 * are aligned greedily; a character reference stands for its decoded characters as a whole,
 * and other unmatched characters map to the nearest matched place.
 */
function appendText(
  value: string,
  start: number | undefined,
  end: number | undefined,
  file: string,
  builder: ProseBuilder,
): void {
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
      const reference = source[k] === '&' ? referenceAt(source, k) : undefined;
      if (reference && value.startsWith(reference.decoded, v)) {
        builder.appendWide(reference.decoded, start + k, reference.length);
        s = k + reference.length;
        v += reference.decoded.length - 1;
        found = -2;
        break;
      }
    }
    if (found >= 0) {
      builder.appendMapped(ch, start + found);
      s = found + 1;
    } else if (found === -1) {
      builder.appendSeparator(ch);
    }
  }
}

/** "&amp;", "&#36;", "&#x1F680;": a character reference at `at`, with what it stands for. */
const REFERENCE = /&(?:#[xX]([0-9a-fA-F]{1,6})|#([0-9]{1,7})|([A-Za-z][A-Za-z0-9]{1,31}));/y;

function referenceAt(source: string, at: number): { decoded: string; length: number } | undefined {
  REFERENCE.lastIndex = at;
  const match = REFERENCE.exec(source);
  if (!match) return undefined;
  let decoded: string | false;
  if (match[3] !== undefined) decoded = decodeNamedCharacterReference(match[3]);
  else {
    const code = parseInt(match[1] ?? match[2]!, match[1] !== undefined ? 16 : 10);
    // as micromark decodes them: NUL, surrogates and out-of-range code points become U+FFFD
    decoded =
      code === 0 || (code >= 0xd800 && code <= 0xdfff) || code > 0x10ffff ? '\ufffd' : String.fromCodePoint(code);
  }
  return decoded ? { decoded, length: match[0].length } : undefined;
}
