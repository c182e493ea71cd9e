/**
 * One markdown section → mdast: unified + remark-parse with GFM and front matter, but only the
 * GFM extensions (the micromark and mdast extensions remark-gfm is made of) that the section can use. GFM's constructs
 * are tried at every word (autolink literals) or every line (tables), which doubles the
 * parse time; an extension whose trigger characters are absent from the section cannot match,
 * so leaving it out yields the same tree. The extensions keep remark-gfm's order.
 */
import type { Extension as TreeExtension } from 'mdast-util-from-markdown';
import type { Extension as SyntaxExtension } from 'micromark-util-types';
import type { Nodes, Root } from 'mdast';
import remarkParse from 'remark-parse';
import { unified } from 'unified';
import { gfmAutolinkLiteral } from 'micromark-extension-gfm-autolink-literal';
import { gfmAutolinkLiteralFromMarkdown } from 'mdast-util-gfm-autolink-literal';
import { gfmFootnote } from 'micromark-extension-gfm-footnote';
import { gfmFootnoteFromMarkdown } from 'mdast-util-gfm-footnote';
import { gfmStrikethrough } from 'micromark-extension-gfm-strikethrough';
import { gfmStrikethroughFromMarkdown } from 'mdast-util-gfm-strikethrough';
import { gfmTable } from 'micromark-extension-gfm-table';
import { gfmTableFromMarkdown } from 'mdast-util-gfm-table';
import { gfmTaskListItem } from 'micromark-extension-gfm-task-list-item';
import { gfmTaskListItemFromMarkdown } from 'mdast-util-gfm-task-list-item';
import { frontmatter } from 'micromark-extension-frontmatter';
import { frontmatterFromMarkdown } from 'mdast-util-frontmatter';

interface SyntaxFeature {
  readonly syntax: SyntaxExtension;
  readonly tree: TreeExtension;
}

interface GfmFeature extends SyntaxFeature {
  /** True when the source may hold this syntax; false only when it cannot match anywhere. */
  readonly mayOccurIn: (source: string) => boolean;
}

/**
 * Autolink literals ("https://…", "www.…", "a@b.co") are found by the syntax and again, after
 * character references are decoded, in the tree's text: so the source is first parsed without
 * them, and again with them only when some text holds what they need.
 */
const AUTOLINK_LITERAL: SyntaxFeature = { syntax: gfmAutolinkLiteral(), tree: gfmAutolinkLiteralFromMarkdown() };
/** "@", "://", "www." (any case), or a character reference that may decode to one of them. */
const AUTOLINK_SOURCE = /@|:\/\/|www\.|&[#A-Za-z]/i;
/** What every autolink literal holds in its text: an e-mail's local part and "@", "://" or "www.". */
const AUTOLINK_TEXT = /[\w+\-.]@|:\/\/|www\./i;

/** The rest of remark-gfm's extensions, in its order, each with the characters it cannot match without. */
const GFM_FEATURES: readonly GfmFeature[] = [
  // "[^1]" and "[^1]: …"; also "![^1]"
  { syntax: gfmFootnote(), tree: gfmFootnoteFromMarkdown(), mayOccurIn: (text) => text.includes('[^') },
  { syntax: gfmStrikethrough(), tree: gfmStrikethroughFromMarkdown(), mayOccurIn: (text) => text.includes('~') },
  // a delimiter row needs a pipe or an aligned cell (":-", "-:"): "a\n:-" is a one-column table
  {
    syntax: gfmTable(),
    tree: gfmTableFromMarkdown(),
    mayOccurIn: (text) => text.includes('|') || text.includes(':-') || text.includes('-:'),
  },
  { syntax: gfmTaskListItem(), tree: gfmTaskListItemFromMarkdown(), mayOccurIn: (text) => text.includes('[') },
];

const FRONT_MATTER: SyntaxFeature = {
  syntax: frontmatter(['yaml', 'toml']),
  tree: frontmatterFromMarkdown(['yaml', 'toml']),
};

/**
 * The tree of `text` as `unified().use(remarkParse).use(remarkGfm)` gives it, plus
 * `.use(remarkFrontmatter, ['yaml', 'toml'])` at the start of the file when its front matter is
 * closed: front matter can only open the file, so later sections starting with "---" are
 * thematic breaks. An unclosed "---" is a thematic break, and is parsed without the front-matter
 * extension: its failed attempt leaves micromark unable to open a list or a block quote anywhere
 * in the rest of the file (`"---\na\n\n- b"` gives two paragraphs), and an article that opens
 * with a rule would lose them all.
 */
export function parseMarkdownTree(text: string, isFileStart = true): Root {
  const features = featuresFor(text, isFileStart);
  const tree = parseWith(text, features);
  if (!AUTOLINK_SOURCE.test(text) || !hasTextLike(tree, AUTOLINK_TEXT)) return tree;
  return parseWith(text, [AUTOLINK_LITERAL, ...features]);
}

/**
 * Where the front matter that opens `text` ends (after its closing fence line), or 0 when there
 * is none: a "---" or "+++" line at the very start, closed by the same fence alone on a line.
 */
export function frontMatterEnd(text: string): number {
  const open = /^(---|\+\+\+)[ \t]*\r?\n/.exec(text);
  if (!open) return 0;
  const close = open[1] === '---' ? /^---[ \t]*\r?$/m : /^\+\+\+[ \t]*\r?$/m;
  const rest = text.slice(open[0].length);
  const found = close.exec(rest);
  return found ? open[0].length + found.index + found[0].length : 0;
}

const ALL_FEATURES: readonly SyntaxFeature[] = [AUTOLINK_LITERAL, ...GFM_FEATURES, FRONT_MATTER];

/**
 * The micromark extensions for `text` when its events are read directly (markdownEvents.ts):
 * those of `parseMarkdownTree`'s first parse, or of its second with `withAutolinks` (which the
 * walk asks for, as the tree does, when some text of the first holds what a link needs). `key`
 * names the set.
 */
export function syntaxFor(
  text: string,
  isFileStart: boolean,
  withAutolinks: boolean,
): { key: string; extensions: SyntaxExtension[] } {
  const features = featuresFor(text, isFileStart);
  if (withAutolinks) features.unshift(AUTOLINK_LITERAL);
  return { key: featureKey(features), extensions: features.map((f) => f.syntax) };
}

/** The source may hold an autolink literal (or a character reference that decodes to part of one). */
export function mayHoldAutolink(text: string): boolean {
  return AUTOLINK_SOURCE.test(text);
}

/** The GFM extensions `text` can use, in remark-gfm's order, and front matter where the file opens with it. */
function featuresFor(text: string, isFileStart: boolean): SyntaxFeature[] {
  const features: SyntaxFeature[] = GFM_FEATURES.filter((feature) => feature.mayOccurIn(text));
  if (isFileStart && frontMatterEnd(text) > 0) features.push(FRONT_MATTER);
  return features;
}

function featureKey(features: readonly SyntaxFeature[]): string {
  return features.map((f) => ALL_FEATURES.indexOf(f)).join();
}

/** One frozen processor per set of features (a few dozen at most), made when first needed. */
const processors = new Map<string, ReturnType<typeof processorOf>>();

function parseWith(text: string, features: readonly SyntaxFeature[]): Root {
  const key = featureKey(features);
  let processor = processors.get(key);
  if (!processor) processors.set(key, (processor = processorOf(features)));
  return processor.parse(text);
}

/** What remark-gfm and remark-frontmatter do: their extensions added to remark-parse's settings. */
function processorOf(features: readonly SyntaxFeature[]) {
  return unified()
    .use(remarkParse)
    .data(
      'micromarkExtensions',
      features.map((f) => f.syntax),
    )
    .data(
      'fromMarkdownExtensions',
      features.map((f) => f.tree),
    )
    .freeze();
}

/** Some text node matches `pattern` (iterative: the tree may be deep). */
function hasTextLike(root: Nodes, pattern: RegExp): boolean {
  const stack: Nodes[] = [root];
  while (stack.length) {
    const node = stack.pop()!;
    if (node.type === 'text' && pattern.test(node.value)) return true;
    if ('children' in node) stack.push(...node.children);
  }
  return false;
}
