/**
 * Markdown in sections that parse exactly as the whole file does (remark is superlinear on large
 * inputs, and an edit should re-parse one small section).
 *
 * A section may end only before a line at column 0 that follows a blank line, or before an ATX
 * heading at column 0: such a line closes every container (block quotes, list items, footnote
 * definitions) and every leaf that a blank line or a heading ends, so what follows parses as it
 * would in the whole file — unless a construct is still open there: fenced code, an HTML block
 * (a comment, `<pre>`, `<script>` … or one that only a blank line ends), or front matter. Rather
 * than re-implement CommonMark to know that, the section is parsed with a sentinel line in the
 * place of the next one (see SENTINELS) and the cut holds only if the sentinel comes out as a
 * block of its own at the top level. Otherwise the
 * section grows to the next cut at twice its size, so an open construct costs at most twice its
 * length in parsing.
 *
 * Link and footnote definitions reach across the whole file: `[the deal][ref]` is a link only if
 * `[ref]: …` is defined somewhere. A section that uses a label defined in another section is
 * parsed with a stub definition of that label, before the section (or after the first one).
 */
import type { Nodes, Root, RootContent } from 'mdast';
import { normalizeIdentifier } from 'micromark-util-normalize-identifier';
import { frontMatterEnd, parseMarkdownTree } from './markdownSyntax';
import { matchesOf } from '../regexParts';
import { parseEvents, type EventBlock, type TopNode } from './markdownEvents';

/** A `[start, end)` span of the file. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

/** How a cut is made: before a line after a blank line, or before an ATX heading. */
export type CutKind = 'afterBlank' | 'beforeHeading';

interface Cut {
  readonly at: number;
  readonly kind: CutKind;
}

/** What the parse of one section must tell the sectioning. */
export interface SectionResult {
  /** False when the section ends inside an open construct: no cut there. */
  readonly isClosed: boolean;
  /** Link and footnote definitions of the section: normalised label ("^1" for a footnote) → label as written. */
  readonly definitions: ReadonlyMap<string, string>;
}

export interface SectionTree extends SectionResult {
  /** Top-level nodes of the section, their offsets relative to the section's start. */
  readonly nodes: readonly RootContent[];
}

/** Parses one section: `parseSection`, or what an AnalysisCache kept of it. */
export type SectionParser<T extends SectionResult> = (
  source: string,
  isFileStart: boolean,
  cut: CutKind | null,
  stubs: readonly string[],
) => T;

/**
 * After a blank line, a list item numbered 2: a list item only where no construct is open *and*
 * micromark would not be "interrupting" — which it still is after indented code and a blank
 * line, where "2) item" is read as paragraph text. (It may continue a list of the section: that
 * list's last item, then.) A heading for a heading.
 */
const SENTINELS: Record<CutKind, string> = { afterBlank: '2) zq', beforeHeading: '# zq' };

/** What is parsed for a section: stubs, the section, the sentinel; where the section stands in it. */
function sectionText(
  source: string,
  isFileStart: boolean,
  cut: CutKind | null,
  stubs: readonly string[],
): { parsed: string; sourceStart: number; sourceEnd: number } {
  // a blank line after each: a link definition right after a footnote's would continue its paragraph
  const stubText = stubs.length ? `${stubs.join('\n\n')}\n\n` : '';
  // the first section keeps the file start (front matter): its stubs go after the sentinel
  const prefix = isFileStart ? '' : stubText;
  const sentinel = cut ? SENTINELS[cut] : '';
  const suffix =
    isFileStart && stubText ? `${sentinel ? '\n\n' : source.endsWith('\n') ? '\n' : '\n\n'}${stubText}` : '';
  return {
    parsed: prefix + source + sentinel + suffix,
    sourceStart: prefix.length,
    sourceEnd: prefix.length + source.length,
  };
}

/** A section read from micromark's events (markdownEvents.ts): its blocks' offsets are still the parsed text's. */
export interface EventSection extends SectionResult {
  readonly blocks: readonly EventBlock[];
  /** Where the section starts in the parsed text (after stubs). */
  readonly sourceStart: number;
}

/**
 * As `parseSection`, from micromark's events rather than the tree; undefined where the tree
 * is needed after all (an autolink literal left in the text).
 */
export function parseSectionEvents(
  source: string,
  isFileStart: boolean,
  cut: CutKind | null,
  stubs: readonly string[],
): EventSection | undefined {
  const { parsed, sourceStart, sourceEnd } = sectionText(source, isFileStart, cut, stubs);
  const result = parseEvents(parsed, isFileStart);
  if (result.holdsAutolinkText) return undefined;
  let isClosed = cut === null;
  /** A list of the section that the sentinel item continued: that item is not the section's. */
  let continued: TopNode | undefined;
  for (const node of result.topNodes) {
    if (node.start < sourceStart) continue;
    if (node.start >= sourceEnd) {
      if (node.start === sourceEnd && cut && isSentinelNode(node, result.blocks, cut, sourceEnd)) isClosed = true;
      continue;
    }
    if (cut === 'afterBlank' && isList(node) && isSentinelNode(node, result.blocks, cut, sourceEnd)) {
      isClosed = true;
      continued = node;
    }
  }
  const isOwn = (topStart: number) => topStart >= sourceStart && topStart < sourceEnd;
  const blocks = result.blocks.filter(
    (b) => isOwn(b.topStart) && !(continued && b.topStart === continued.start && b.itemStart === sourceEnd),
  );
  const definitions = new Map<string, string>();
  for (const d of result.definitions) {
    if (!isOwn(d.topStart)) continue;
    const label = rawLabelAt(parsed, d.start);
    if (label !== null) definitions.set(labelId(label), label);
  }
  return { blocks, isClosed, definitions, sourceStart };
}

function isList(node: TopNode): boolean {
  return node.type === 'listOrdered' || node.type === 'listUnordered';
}

/** As `isSentinel`, on the events' top-level nodes. */
function isSentinelNode(node: TopNode, blocks: readonly EventBlock[], cut: CutKind, at: number): boolean {
  let inner: EventBlock | null | undefined;
  if (cut === 'afterBlank') {
    if (!isList(node) || node.lastItemStart !== at) return false;
    inner = node.lastItemFirst;
  } else {
    if (node.start !== at) return false;
    inner = blocks.find((b) => b.topStart === at);
    if (inner && inner.kind !== 'heading' && inner.kind !== 'paragraph') inner = undefined;
  }
  return !!inner && inner.children === 1 && inner.firstText?.value === 'zq';
}

/** Parses a section (plus stubs and sentinel) with remark: see the file comment. */
export function parseSection(
  source: string,
  isFileStart: boolean,
  cut: CutKind | null,
  stubs: readonly string[],
): SectionTree {
  const { parsed, sourceStart, sourceEnd } = sectionText(source, isFileStart, cut, stubs);
  const tree: Root = parseMarkdownTree(parsed, isFileStart);
  let isClosed = cut === null;
  const nodes: RootContent[] = [];
  for (const node of tree.children) {
    const at = node.position?.start.offset ?? -1;
    if (at < sourceStart) continue; // a stub before the section
    if (at >= sourceEnd) {
      if (at === sourceEnd && cut && isSentinel(node, cut, sourceEnd)) isClosed = true;
      continue; // the sentinel, or stubs after it
    }
    if (cut === 'afterBlank' && node.type === 'list' && isSentinel(node, cut, sourceEnd)) {
      // the sentinel continued the section's last list: keep the list without it
      isClosed = true;
      nodes.push({ ...node, children: node.children.slice(0, -1) });
      continue;
    }
    nodes.push(node);
  }
  const definitions = new Map<string, string>();
  collectDefinitions(nodes, parsed, definitions);
  return { nodes: shiftedBy(nodes, sourceStart), isClosed, definitions };
}

/** The sentinel heading, or a list whose last item is the sentinel item, starting at `at`. */
function isSentinel(node: RootContent, cut: CutKind, at: number): boolean {
  const block =
    cut === 'afterBlank' ? (node.type === 'list' ? node.children[node.children.length - 1] : undefined) : node;
  if (!block || block.position?.start.offset !== at) return false;
  const inner = cut === 'afterBlank' && block.type === 'listItem' ? block.children[0] : block;
  if (!inner || (inner.type !== 'paragraph' && inner.type !== 'heading') || inner.children.length !== 1) return false;
  const only = inner.children[0]!;
  return only.type === 'text' && only.value === 'zq';
}

/**
 * Definitions anywhere in the section (block quotes and list items hold them too), by their
 * label as written: the tree's `label` has character references decoded, and a stub must
 * normalise to the same identifier as the original.
 */
function collectDefinitions(nodes: readonly RootContent[], parsed: string, out: Map<string, string>): void {
  const stack: Nodes[] = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'definition' || node.type === 'footnoteDefinition') {
      const label = rawLabelAt(parsed, node.position?.start.offset ?? -1);
      if (label !== null) out.set(labelId(label), label);
    }
    if ('children' in node && node.type !== 'paragraph' && node.type !== 'heading' && node.type !== 'table')
      stack.push(...node.children);
  }
}

/** The label of "[label]: …" (or "[^label]: …", "^" kept) starting at `at`. */
function rawLabelAt(parsed: string, at: number): string | null {
  if (parsed[at] !== '[') return null;
  for (let i = at + 1; i < parsed.length && i <= at + 1000; i++) {
    const c = parsed[i];
    if (c === '\\') i++;
    else if (c === ']') return parsed.slice(at + 1, i);
    else if (c === '[') return null;
  }
  return null;
}

/** Node positions are relative to the parsed text; make them relative to the section's start. */
function shiftedBy(nodes: RootContent[], delta: number): RootContent[] {
  if (delta === 0) return nodes;
  const stack: Nodes[] = [...nodes];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.position) {
      node.position.start.offset = (node.position.start.offset ?? 0) - delta;
      node.position.end.offset = (node.position.end.offset ?? 0) - delta;
    }
    if ('children' in node) stack.push(...node.children);
  }
  return nodes;
}

/** How micromark compares labels: whitespace collapsed, case folded. */
export function labelId(label: string): string {
  return normalizeIdentifier(label).toLowerCase();
}

/** "[label]" anywhere: an innermost bracket pair (a label holds no unescaped bracket), at most 999 characters. */
const LABEL = /\[((?:\\[\s\S]|[^\\[\]]){1,999})\]/g;
/** "[label]:" — what every link or footnote definition starts with, wherever it stands. */
const DEFINITION = /\[((?:\\[\s\S]|[^\\[\]]){1,999})\]:/g;

/** The labels that `text` may use (every innermost bracket pair), normalised. */
export function usedLabels(text: string): Set<string> {
  const out = new Set<string>();
  if (!text.includes(']')) return out;
  for (const match of matchesOf(LABEL, text)) if (/\S/.test(match[1]!)) out.add(labelId(match[1]!));
  return out;
}

/** Where "[label]:" occurs in the file: a guess at its definitions, confirmed by the parse. */
export function definitionCandidates(text: string): Map<string, { label: string; at: number[] }> {
  const out = new Map<string, { label: string; at: number[] }>();
  if (!text.includes(']:')) return out;
  for (const match of matchesOf(DEFINITION, text)) {
    if (!/\S/.test(match[1]!)) continue;
    const id = labelId(match[1]!);
    const entry = out.get(id);
    if (entry) entry.at.push(match.index);
    else out.set(id, { label: match[1]!, at: [match.index] });
  }
  return out;
}

/** A definition that stands for one made elsewhere in the file: only whether the label is defined matters. */
export function stubOf(label: string): string {
  return `[${label}]: x`;
}

/** Line starts where a section may end, in order (see the file comment). */
export function cutsOf(text: string): Cut[] {
  const cuts: Cut[] = [];
  const noCutBefore = frontMatterEnd(text);
  let previousBlank = false;
  let lineStart = 0;
  while (lineStart < text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd < 0) lineEnd = text.length;
    const first = text.charCodeAt(lineStart);
    const isBlank = isBlankLine(text, lineStart, lineEnd);
    if (lineStart > 0 && lineStart >= noCutBefore && !isBlank && first !== 0x20 && first !== 0x09) {
      if (previousBlank) cuts.push({ at: lineStart, kind: 'afterBlank' });
      else if (first === 0x23 && isAtxHeading(text, lineStart, lineEnd))
        cuts.push({ at: lineStart, kind: 'beforeHeading' });
    }
    previousBlank = isBlank;
    lineStart = lineEnd + 1;
  }
  return cuts;
}

function isBlankLine(text: string, start: number, end: number): boolean {
  for (let i = start; i < end; i++) {
    const c = text.charCodeAt(i);
    if (c !== 0x20 && c !== 0x09 && c !== 0x0d) return false;
  }
  return true;
}

/** "# Title", "###": one to six "#" then a space, a tab or the line end. */
function isAtxHeading(text: string, start: number, end: number): boolean {
  let i = start;
  while (i < end && i - start < 7 && text.charCodeAt(i) === 0x23) i++;
  const hashes = i - start;
  if (hashes < 1 || hashes > 6) return false;
  const next = text.charCodeAt(i);
  return i === end || next === 0x20 || next === 0x09 || (next === 0x0d && i + 1 === end);
}

/**
 * The sections of `text`, each at least `size` characters where it can be, with their trees.
 * `parser` parses one section (the AnalysisCache keeps what it parsed before).
 */
export function sectionTrees<T extends SectionResult>(
  text: string,
  size: number,
  parser: SectionParser<T>,
): Array<{ span: Span; tree: T }> {
  const cuts = cutsOf(text);
  const candidates = definitionCandidates(text);
  const out: Array<{ span: Span; tree: T; stubs: string[] }> = [];
  let start = 0;
  let next = 0; // the first cut not yet passed
  while (start < text.length || out.length === 0) {
    let want = start + size;
    for (;;) {
      while (next < cuts.length && cuts[next]!.at < want) next++;
      const cut = cuts[next];
      const end = cut ? cut.at : text.length;
      const source = text.slice(start, end);
      const stubs = guessedStubs(source, start, candidates);
      const tree = parser(source, start === 0, cut ? cut.kind : null, stubs);
      if (tree.isClosed) {
        out.push({ span: { start, end }, tree, stubs });
        start = end;
        break;
      }
      want = start + 2 * (end - start);
    }
  }
  return confirmStubs(text, out, parser);
}

/** Stubs for labels the section uses whose "[label]:" stands outside it. */
function guessedStubs(
  source: string,
  start: number,
  candidates: ReadonlyMap<string, { label: string; at: number[] }>,
): string[] {
  if (candidates.size === 0) return [];
  const stubs: string[] = [];
  for (const id of usedLabels(source)) {
    const candidate = candidates.get(id);
    if (candidate && candidate.at.some((at) => at < start || at >= start + source.length))
      stubs.push(stubOf(candidate.label));
  }
  return stubs.sort();
}

/** The definitions the parse found decide: a section whose stubs were wrong is parsed again with the right ones. */
function confirmStubs<T extends SectionResult>(
  text: string,
  sections: Array<{ span: Span; tree: T; stubs: string[] }>,
  parser: SectionParser<T>,
): Array<{ span: Span; tree: T }> {
  const defined = new Map<string, string>();
  for (const s of sections) for (const [id, label] of s.tree.definitions) if (!defined.has(id)) defined.set(id, label);
  return sections.map((s, i) => {
    if (defined.size === 0 && s.stubs.length === 0) return s;
    const source = text.slice(s.span.start, s.span.end);
    const needed: string[] = [];
    for (const id of usedLabels(source)) {
      const label = defined.get(id);
      if (label !== undefined && !s.tree.definitions.has(id)) needed.push(stubOf(label));
    }
    needed.sort();
    if (needed.length === s.stubs.length && needed.every((stub, k) => stub === s.stubs[k])) return s;
    const next = sections[i + 1];
    const cut = next ? cutKindAt(text, s.span.end) : null;
    return { span: s.span, tree: parser(source, s.span.start === 0, cut, needed) };
  });
}

function cutKindAt(text: string, at: number): CutKind {
  const previousLineEnd = at - 1; // the "\n" before the cut
  const previousLineStart = text.lastIndexOf('\n', previousLineEnd - 1) + 1;
  return isBlankLine(text, previousLineStart, previousLineEnd) ? 'afterBlank' : 'beforeHeading';
}
