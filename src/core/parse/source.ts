/**
 * An article's prose: markdown through remark, plain text by lines. A `.txt` file written in
 * markdown (headings, bold, links, lists) is read as markdown, since that is what its author
 * meant and what keeps `**` and link targets out of the prose.
 */
import type { ProseBlock, SourceFormat } from './blocks';
import { parseMarkdown } from './markdown';
import type { ContentDiagnostic } from '../document';
import { plainTextBlocks } from './plainText';
import type { AnalysisCache } from '../analysisCache';

export interface ParsedSource {
  readonly format: SourceFormat;
  readonly blocks: readonly ProseBlock[];
  /** Problems with the markup, reported, never thrown. */
  readonly diagnostics: readonly ContentDiagnostic[];
}

const MARKDOWN_EXTENSIONS = /\.(md|markdown|mdown|mkd|mdx)$/i;

const MARKDOWN_SIGNALS: readonly RegExp[] = [
  /^#{1,6}[ \t]+\S/m, // ATX heading
  /\*\*[^*\n]+\*\*/, // bold
  /\[[^\]\n]+\]\([^)\s]+\)/, // inline link
  /^```/m, // fenced code
  /^[ \t]*[-*+][ \t]+\S.*\n[ \t]*[-*+][ \t]+\S/m, // two list lines
  /^>[ \t]/m, // block quote
  /^\|.*\|[ \t]*\r?\n\|[ \t:|-]+\|/m, // table header + delimiter row
];

/** Markdown by extension, or plain text that carries at least two kinds of markdown syntax. */
export function detectFormat(path: string, text: string): SourceFormat {
  if (MARKDOWN_EXTENSIONS.test(path)) return 'markdown';
  const sample = text.length > 200_000 ? text.slice(0, 200_000) : text;
  let signals = 0;
  for (const signal of MARKDOWN_SIGNALS) if (signal.test(sample)) signals++;
  return signals >= 2 ? 'markdown' : 'text';
}

export function parseSource(path: string, text: string, cache?: AnalysisCache): ParsedSource {
  const format = detectFormat(path, text);
  if (format === 'text') return { format, blocks: plainTextBlocks(text), diagnostics: [] };
  const { blocks, diagnostics } = parseMarkdown(text, cache);
  return { format, blocks, diagnostics };
}
