/**
 * Markdown → prose blocks straight from micromark's events, without building the mdast tree.
 *
 * remark-parse is micromark (tokenising) plus mdast-util-from-markdown (the tree); the tree costs
 * about a quarter of the parse and most of its garbage, and markdown.ts only walks it once to
 * take out the prose. This walk reads the same events and yields, for each prose block, the
 * same inline pieces the tree would hold: its text nodes (value and source span, merged exactly
 * as the tree merges them), the places where a skipped inline element leaves a gap, and hard
 * breaks. markdown.ts turns those pieces into prose as it does for the tree's nodes, so both
 * routes give the same blocks (markdownEvents.test.ts compares them on every article we have
 * and on generated markdown).
 *
 * What the tree would change after the walk is not reproduced: GFM's autolink-literal transform
 * finds "www."/"https://"/e-mail addresses again in decoded text. A section whose text still
 * holds one (`holdsAutolinkText`) is left to the tree (markdownSections.ts).
 */
import type { Event, ParseContext, Token } from 'micromark-util-types';
import { parse, postprocess, preprocess } from 'micromark';
import { decodeNamedCharacterReference } from 'decode-named-character-reference';
import { decodeNumericCharacterReference } from 'micromark-util-decode-numeric-character-reference';
import type { BlockKind } from './blocks';
import { mayHoldAutolink, syntaxFor } from './markdownSyntax';

/** One inline piece of a block, as the tree's walk would meet it. */
export type InlinePiece =
  { kind: 'text'; value: string; start: number; end: number } | { kind: 'gap' } | { kind: 'break' };

type TextPiece = Extract<InlinePiece, { kind: 'text' }>;

export interface EventBlock {
  readonly kind: BlockKind;
  depth: number;
  readonly pieces: InlinePiece[];
  /** Where the top-level node holding the block starts. */
  readonly topStart: number;
  /** In a top-level list: where the block's item starts (-1 elsewhere). */
  readonly itemStart: number;
  /** The block's own children (text nodes merged), and the first when it is text: a sentinel has one, "zq". */
  children: number;
  firstText: TextPiece | null;
}

export interface TopNode {
  readonly type: string;
  readonly start: number;
  /** For a list: where its last item starts, and that item's first block (if a paragraph or heading). */
  lastItemStart: number;
  lastItemFirst: EventBlock | null | undefined;
}

export interface EventParse {
  readonly blocks: EventBlock[];
  readonly topNodes: TopNode[];
  /** Starts of link and footnote definitions, with the start of the top-level node holding each. */
  readonly definitions: Array<{ start: number; topStart: number }>;
  /** Some text piece holds what an autolink literal needs: GFM's transform of the tree would link it. */
  readonly holdsAutolinkText: boolean;
}

/** Tokens that are nodes of the tree at flow level (containers and leaves). */
const FLOW_NODES = new Set([
  'paragraph',
  'definition',
  'atxHeading',
  'setextHeading',
  'blockQuote',
  'listOrdered',
  'listUnordered',
  'codeFenced',
  'codeIndented',
  'htmlFlow',
  'thematicBreak',
  'table',
  'gfmFootnoteDefinition',
  'yaml',
  'toml',
]);

/** Tokens with no prose in them, skipped whole. */
const SKIPPED_FLOW = new Set([
  'definition',
  'codeFenced',
  'codeIndented',
  'htmlFlow',
  'thematicBreak',
  'yaml',
  'toml',
  'gfmFootnoteDefinitionLabel',
  'tableDelimiterRow',
]);

/** Inline tokens that become one non-prose node of the tree: a gap in the prose. */
const GAP_INLINE = new Set(['codeText', 'htmlText', 'image', 'autolink', 'literalAutolink', 'gfmFootnoteCall']);

/** Inline tokens that become a node whose children are prose. */
const TRANSPARENT_INLINE = new Set(['emphasis', 'strong', 'strikethrough']);

/** What every autolink literal holds in its text (as markdownSyntax.ts's AUTOLINK_TEXT). */
const AUTOLINK_TEXT = /[\w+\-.]@|:\/\/|www\./i;

/** A node of the tree whose children are inline: the block itself, emphasis, a link's label. */
interface Frame {
  /** The text node being extended, while the last child is text. */
  run: TextPiece | null;
  children: number;
  /** The first child when it is a text node. */
  firstText: TextPiece | null;
  /** For a link: where its pieces start in the block, whether it has a resource, its URL. */
  readonly link?: { mark: number; hasResource: boolean; url: string };
}

/** One parse context per set of extensions: micromark's `parse` combines them on every call. */
const parsers = new Map<string, ParseContext>();

function parserFor(text: string, isFileStart: boolean, withAutolinks: boolean): ParseContext {
  const { key, extensions } = syntaxFor(text, isFileStart, withAutolinks);
  let context = parsers.get(key);
  if (!context) parsers.set(key, (context = parse({ extensions })));
  // what one document's parse leaves in the context (micromark's and its extensions' only
  // writes to it): reference definitions, lazy lines, footnote definitions
  context.defined.length = 0;
  context.lazy = {};
  delete (context as ParseContext & { gfmFootnotes?: string[] }).gfmFootnotes;
  return context;
}

/**
 * The prose blocks, top-level nodes and definitions of `text`, as the tree would give them. As
 * `parseMarkdownTree` does, the text is parsed without autolink literals, and again with them
 * only when some text holds what one needs; `holdsAutolinkText` when some still does after that.
 */
export function parseEvents(text: string, isFileStart: boolean): EventParse {
  const first = walk(eventsOf(text, isFileStart, false), text);
  if (!first.holdsAutolinkText || !mayHoldAutolink(text)) return first;
  return walk(eventsOf(text, isFileStart, true), text);
}

function eventsOf(text: string, isFileStart: boolean, withAutolinks: boolean): Event[] {
  return postprocess(
    parserFor(text, isFileStart, withAutolinks)
      .document()
      .write(preprocess()(text, undefined, true)),
  );
}

function walk(events: readonly Event[], text: string): EventParse {
  const blocks: EventBlock[] = [];
  const topNodes: TopNode[] = [];
  const definitions: Array<{ start: number; topStart: number }> = [];
  const contexts: BlockKind[] = [];
  /** Open flow nodes (containers and the current leaf). */
  let flowDepth = 0;
  let top: TopNode | null = null;
  let itemStart = -1;
  let itemFirstPending = false;
  /** Inside a skipped token: how many of its tokens are open. */
  let skip = 0;
  let block: EventBlock | null = null;
  let frames: Frame[] = [];
  let inline = false;
  let atHardBreak = false;
  let taskCheck = false;
  let referenceType: string | undefined;
  /** Inside a link's resource: collecting its destination. */
  let destination: Frame['link'] | null = null;
  let holdsAutolinkText = false;

  const frame = (): Frame => frames[frames.length - 1]!;
  /** A non-text child is added to the current inline node. */
  const childNode = (): Frame => {
    const f = frame();
    f.run = null;
    f.children++;
    return f;
  };
  const textStart = (token: Token) => {
    const f = frame();
    if (f.run) return;
    const piece: TextPiece = { kind: 'text', value: '', start: token.start.offset, end: token.start.offset };
    block!.pieces.push(piece);
    if (f.children === 0) f.firstText = piece;
    f.children++;
    f.run = piece;
  };
  const textAdd = (value: string, end: number) => {
    const run = frame().run!;
    run.value += value;
    run.end = end;
  };

  for (let i = 0; i < events.length; i++) {
    // values as the tree takes them: from the token's chunks (a line ending's offsets may span
    // the indentation after it)
    const [kind, token, context] = events[i]!;
    const type = token.type;
    if (skip > 0) {
      if (kind === 'enter') skip++;
      else skip--;
      continue;
    }
    if (destination) {
      // inside a link's resource: only its destination string matters (the URL)
      if (type === 'resource' && kind === 'exit') destination = null;
      else if (kind === 'exit' && (type === 'data' || type === 'characterEscapeValue'))
        destination.url += context.sliceSerialize(token);
      else if (kind === 'exit' && type === 'characterReferenceValue') {
        destination.url += decodeReference(context.sliceSerialize(token), referenceType);
        referenceType = undefined;
      } else if (kind === 'exit' && type.startsWith('characterReferenceMarker') && type !== 'characterReferenceMarker')
        referenceType = type;
      else if (type === 'resourceTitle' && kind === 'enter') skip = 1;
      continue;
    }
    if (kind === 'enter') {
      if (FLOW_NODES.has(type)) {
        if (flowDepth === 0) {
          top = { type, start: token.start.offset, lastItemStart: -1, lastItemFirst: undefined };
          topNodes.push(top);
          itemStart = -1;
        } else if (flowDepth === 1 && itemStart >= 0 && top!.lastItemFirst === undefined) {
          // the first node of the top-level list's item: the sentinel item holds one paragraph
          top!.lastItemFirst = null;
          itemFirstPending = type === 'paragraph' || type === 'atxHeading' || type === 'setextHeading';
        }
        flowDepth++;
        if (type === 'definition' || type === 'gfmFootnoteDefinition')
          definitions.push({ start: token.start.offset, topStart: top!.start });
      }
      if (SKIPPED_FLOW.has(type)) {
        skip = 1;
        if (FLOW_NODES.has(type)) flowDepth--; // its exit is skipped
        continue;
      }
      switch (type) {
        case 'blockQuote':
          contexts.push('quote');
          continue;
        case 'listOrdered':
        case 'listUnordered':
          contexts.push('listItem');
          continue;
        case 'gfmFootnoteDefinition':
          contexts.push(contexts[contexts.length - 1] ?? 'paragraph');
          continue;
        case 'listItemPrefix':
          if (flowDepth === 1 && top && (top.type === 'listOrdered' || top.type === 'listUnordered')) {
            itemStart = token.start.offset;
            top.lastItemStart = itemStart;
            top.lastItemFirst = undefined;
          }
          skip = 1;
          continue;
        case 'paragraph':
        case 'atxHeading':
        case 'setextHeading':
        case 'tableHeader':
        case 'tableData': {
          const isHeading = type === 'atxHeading' || type === 'setextHeading';
          block = {
            kind: isHeading
              ? 'heading'
              : type === 'paragraph'
                ? (contexts[contexts.length - 1] ?? 'paragraph')
                : 'tableCell',
            depth: 0,
            pieces: [],
            topStart: top!.start,
            itemStart,
            children: 0,
            firstText: null,
          };
          if (itemFirstPending) {
            top!.lastItemFirst = block;
            itemFirstPending = false;
          }
          frames = [{ run: null, children: 0, firstText: null }];
          inline = type === 'paragraph';
          taskCheck = false;
          atHardBreak = false;
          continue;
        }
        case 'atxHeadingSequence':
          if (block && block.depth === 0) block.depth = token.end.offset - token.start.offset;
          skip = 1;
          continue;
        case 'setextHeadingLineSequence':
          block!.depth = text.charCodeAt(token.start.offset) === 61 /* = */ ? 1 : 2;
          skip = 1;
          continue;
        case 'atxHeadingText':
        case 'setextHeadingText':
        case 'tableContent':
          inline = true;
          continue;
      }
      // between blocks (prefixes, markers, table rows): only the tokens above matter
      if (!inline || !block) continue;
      // inline content of a block
      switch (type) {
        case 'data':
        case 'characterEscape':
        case 'characterReference':
          textStart(token);
          continue;
        case 'lineEnding':
          if (atHardBreak) {
            atHardBreak = false;
            skip = 1;
            continue;
          }
          textStart(token);
          textAdd(context.sliceSerialize(token), token.end.offset);
          skip = 1;
          continue;
        case 'hardBreakEscape':
        case 'hardBreakTrailing':
          childNode();
          block.pieces.push({ kind: 'break' });
          atHardBreak = true;
          skip = 1;
          continue;
        case 'taskListCheck':
          taskCheck = true;
          skip = 1;
          continue;
        case 'link':
          childNode();
          frames.push({
            run: null,
            children: 0,
            firstText: null,
            link: { mark: block.pieces.length, hasResource: false, url: '' },
          });
          continue;
        case 'resource':
          frame().link!.hasResource = true;
          destination = frame().link!;
          continue;
        case 'reference':
          skip = 1;
          continue;
      }
      if (GAP_INLINE.has(type)) {
        childNode();
        block.pieces.push({ kind: 'gap' });
        skip = 1;
        continue;
      }
      if (TRANSPARENT_INLINE.has(type)) {
        childNode();
        frames.push({ run: null, children: 0, firstText: null });
      }
      continue; // sequences, markers, label, labelText, whitespace, prefixes: nothing
    }
    // exit
    if (FLOW_NODES.has(type)) flowDepth--;
    switch (type) {
      case 'blockQuote':
      case 'listOrdered':
      case 'listUnordered':
      case 'gfmFootnoteDefinition':
        contexts.pop();
        continue;
      case 'paragraph':
      case 'atxHeading':
      case 'setextHeading':
      case 'tableHeader':
      case 'tableData':
        if (block) {
          if (taskCheck) dropCheckSpace(block, frames[0]!);
          block.children = frames[0]!.children;
          block.firstText = frames[0]!.firstText;
          if (block.pieces.some((p) => p.kind === 'text' && AUTOLINK_TEXT.test(p.value))) holdsAutolinkText = true;
          blocks.push(block);
        }
        block = null;
        inline = false;
        continue;
      case 'atxHeadingText':
      case 'setextHeadingText':
      case 'tableContent':
        inline = false;
        continue;
    }
    if (!inline || !block) continue;
    switch (type) {
      case 'data':
      case 'characterEscapeValue':
        textAdd(context.sliceSerialize(token), token.end.offset);
        continue;
      case 'characterReferenceMarkerNumeric':
      case 'characterReferenceMarkerHexadecimal':
        referenceType = type;
        continue;
      case 'characterReferenceValue':
        frame().run!.value += decodeReference(context.sliceSerialize(token), referenceType);
        referenceType = undefined;
        continue;
      case 'characterReference':
        frame().run!.end = token.end.offset;
        continue;
      case 'link': {
        const link = frames.pop()!;
        const info = link.link!;
        if (info.hasResource && link.children === 1 && link.firstText && isBareUrl(link.firstText.value, info.url)) {
          block.pieces.length = info.mark;
          block.pieces.push({ kind: 'gap' });
        }
        continue;
      }
    }
    if (TRANSPARENT_INLINE.has(type)) frames.pop();
  }
  return { blocks, topNodes, definitions, holdsAutolinkText };
}

function decodeReference(value: string, type: string | undefined): string {
  if (type === 'characterReferenceMarkerNumeric') return decodeNumericCharacterReference(value, 10);
  if (type === 'characterReferenceMarkerHexadecimal') return decodeNumericCharacterReference(value, 16);
  return decodeNamedCharacterReference(value) || '';
}

/**
 * A task item's "[x] done": the tree drops the space after the check from the paragraph's
 * first text node (and the node itself when that leaves it empty).
 */
function dropCheckSpace(block: EventBlock, own: Frame): void {
  const head = own.firstText;
  if (!head || block.pieces[0] !== head) return;
  head.value = head.value.slice(1);
  if (head.value.length === 0) {
    block.pieces.shift();
    own.children--;
    own.firstText = null; // what follows a text node is not text
  } else head.start++;
}

/** A link whose only text, `value`, is its URL (a GFM autolink literal, `<https://…>`, `[https://x](https://x)`). */
export function isBareUrl(value: string, url: string): boolean {
  return value === url || url === `mailto:${value}` || url === `http://${value}` || /^(https?:|www\.)/i.test(value);
}
