/**
 * The bench's view of the engine, bundled by bench/lib/build.mjs with the production esbuild
 * options (minified, node20, cjs) so that the bench measures the same bundled code that ships.
 * Only re-exports: nothing here changes how the engine runs.
 */
import { unified } from 'unified';
import remarkParse from 'remark-parse';

export { analyse } from '../src/core/analysis';
export { AnalysisCache } from '../src/core/analysisCache';
export { Lexicon } from '../src/core/extract/entities/lexicon';
/** The engine's parse stage alone: markdown → prose blocks (remark + GFM + front matter, in sections). */
export { markdownBlocks } from '../src/core/parse/markdown';

/** The baseline: `unified().use(remarkParse).parse` alone (no GFM, no front matter). */
const remark = unified().use(remarkParse);
export function remarkParseOnly(text: string): unknown {
  return remark.parse(text);
}

/** The stages the growth row (row 6) times one by one. */
export { parseSource } from '../src/core/parse/source';
export { indexSentences } from '../src/core/parse/sentenceIndex';
export { factsOf } from '../src/core/facts/factKey';
export { dealsAcross, toExtractOutput, toExtractSource } from '../src/core/extractOutput';
/** Row 6's corpus stages: what the editor's corpus does with an article after each edit, and the map step's facts record. */
export { Corpus } from '../src/core/corpus/corpus';
export { summariseSource } from '../src/core/store/sourceFacts';
export { shardFactsOf } from '../src/core/merge/shardFacts';
