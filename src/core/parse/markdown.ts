/**
 * Markdown → prose blocks, through unified + remark-parse (+ GFM tables and autolinks, front
 * matter). Code, inline code, HTML, images, link destinations and bare URLs are not prose;
 * headings, paragraphs, list items, table cells and block quotes are. Every prose character
 * keeps its file offset, so `**$38 billion**` yields `$38 billion` at its real place.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';
import remarkGfm from 'remark-gfm';
import remarkFrontmatter from 'remark-frontmatter';
import type { Nodes, Parents, Root } from 'mdast';
import { ProseBuilder } from './offsetMap';
import type { BlockKind, ProseBlock } from './blocks';

const parser = unified().use(remarkParse).use(remarkGfm).use(remarkFrontmatter, ['yaml', 'toml']);

export function parseMarkdownTree(text: string): Root {
  return parser.parse(text);
}

export function markdownBlocks(text: string): ProseBlock[] {
  const blocks: ProseBlock[] = [];
  collectBlocks(parseMarkdownTree(text), 'paragraph', text, blocks);
  return blocks;
}

function collectBlocks(node: Nodes, context: BlockKind, file: string, out: ProseBlock[]): void {
  switch (node.type) {
    case 'heading':
      pushBlock(node, 'heading', node.depth, file, out);
      return;
    case 'paragraph':
      pushBlock(node, context, 0, file, out);
      return;
    case 'tableCell':
      pushBlock(node, 'tableCell', 0, file, out);
      return;
    case 'listItem':
      for (const child of node.children) collectBlocks(child, 'listItem', file, out);
      return;
    case 'blockquote':
      for (const child of node.children) collectBlocks(child, 'quote', file, out);
      return;
    case 'root':
    case 'list':
    case 'table':
    case 'tableRow':
    case 'footnoteDefinition':
      for (const child of node.children) collectBlocks(child, context, file, out);
      return;
    default:
      return; // code, html, yaml, thematicBreak, definition: not prose
  }
}

function pushBlock(node: Parents, kind: BlockKind, depth: number, file: string, out: ProseBlock[]): void {
  const builder = new ProseBuilder();
  appendInline(node, file, builder);
  const map = builder.build();
  if (map.text.trim()) out.push({ kind, depth, map });
}

function appendInline(node: Parents, file: string, builder: ProseBuilder): void {
  for (const child of node.children) {
    switch (child.type) {
      case 'text':
        appendText(child.value, child.position?.start.offset, child.position?.end.offset, file, builder);
        break;
      case 'emphasis':
      case 'strong':
      case 'delete':
        appendInline(child, file, builder);
        break;
      case 'link':
        if (isBareUrl(child)) gap(builder);
        else appendInline(child, file, builder);
        break;
      case 'linkReference':
        appendInline(child, file, builder);
        break;
      case 'break':
        builder.appendSeparator('\n');
        break;
      default:
        gap(builder); // inlineCode, html, image, footnoteReference: not prose
    }
  }
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
