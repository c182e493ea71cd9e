/**
 * The engine as the editor loads it on first analysis, not at activation: the analysis and the
 * lexicon with their data (the built-in lexicon, the gazetteer, the name cues), the markdown
 * parser and every recogniser — most of the code and all of the data. The desktop build makes it
 * a bundle of its own (dist/engine.js) that the extension host requires when a document is first
 * analysed; the browser build bundles it in (src/editor/platform.ts, `engine`). The corpus
 * snapshot's codec is here too: the workspace corpus reads it at a reopen, before any analysis.
 */
export { analyse } from './analysis';
export { AnalysisCache } from './analysisCache';
export { Lexicon } from './extract/entities/lexicon';
export { SnapshotReader, encodeSnapshotEnd, encodeSnapshotHeader, encodeSnapshotRecord } from './store/corpusSnapshot';
export { sharedStrings } from './store/factsTable';
