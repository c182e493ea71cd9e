/**
 * The bench's view of the deal map's model (row 7), bundled with the production options: the
 * engine and the corpus that give the deals, and the graph the extension posts to the map.
 * Only re-exports.
 */
export { analyse } from '../src/core/analysis';
export { Corpus } from '../src/core/corpus/corpus';
export { Lexicon } from '../src/core/extract/entities/lexicon';
export { dealGraph } from '../src/core/views/dealGraph';
export { NO_FILTER } from '../src/core/webviewMessages';
