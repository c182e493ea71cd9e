/** The sentences of a whole source, in reading order, with file spans. */
import type { BlockKind, ProseBlock } from './blocks';
import { sentencesOf, type SentenceSpan } from './sentences';
import type { AnalysisCache } from '../analysisCache';

export interface Sentence {
  readonly index: number;
  readonly blockIndex: number;
  readonly blockKind: BlockKind;
  /** `[start, end)` in the block's prose. */
  readonly proseStart: number;
  readonly proseEnd: number;
  /** `[start, end)` in the file. */
  readonly start: number;
  readonly end: number;
  /** The sentence as prose (markup left out). */
  readonly text: string;
}

export function indexSentences(
  blocks: readonly ProseBlock[],
  cache?: AnalysisCache,
): { sentences: Sentence[]; perBlock: SentenceSpan[][] } {
  const sentences: Sentence[] = [];
  const perBlock: SentenceSpan[][] = [];
  blocks.forEach((block, blockIndex) => {
    let spans = cache?.sentences.get(block.map.text);
    if (!spans) {
      spans = sentencesOf(block);
      cache?.sentences.set(block.map.text, spans);
    }
    perBlock.push(spans);
    for (const span of spans) {
      const file = block.map.spanToFile(span.start, span.end);
      if (!file) continue;
      sentences.push({
        index: sentences.length,
        blockIndex,
        blockKind: block.kind,
        proseStart: span.start,
        proseEnd: span.end,
        start: file.start,
        end: file.end,
        text: block.map.text.slice(span.start, span.end),
      });
    }
  });
  return { sentences, perBlock };
}

/** The sentence of a block holding a prose offset (binary search over the sorted sentences). */
export function sentenceAt(
  sentences: readonly Sentence[],
  blockIndex: number,
  proseOffset: number,
): Sentence | undefined {
  let lo = 0;
  let hi = sentences.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const s = sentences[mid]!;
    if (s.blockIndex < blockIndex || (s.blockIndex === blockIndex && s.proseEnd <= proseOffset)) lo = mid + 1;
    else if (s.blockIndex > blockIndex || s.proseStart > proseOffset) hi = mid - 1;
    else return s;
  }
  return undefined;
}
