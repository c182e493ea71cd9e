/**
 * Cross-source facts: the incremental corpus of a workspace, on top of the language of facts
 * (`facts/`: fact keys, verdicts, views) and of how facts are kept (`store/`) — re-exported here
 * as the editor, the CLI and the workers use them.
 */
export { Corpus, type CorpusOptions } from './corpus';
export {
  byFirstMention,
  dealRow,
  sortByFirstMention,
  sortRowsByFirstMention,
  type CorpusDeal,
  type DealMerge,
  type DealRow,
  type SourceDealStatement,
} from './deals';
export * from '../facts/index';
export { summariseSource, type SourceFacts, type SourceEntity, type StoredStatement } from '../store/sourceFacts';
