/**
 * Cross-source facts: the incremental corpus of a workspace, on top of the language of facts
 * (`facts/`: fact keys, verdicts, views) and of how facts are kept (`store/`) — re-exported here
 * as the editor, the CLI and the workers use them.
 */
export { Corpus, type CorpusOptions } from './corpus';
export { byFirstMention, type CorpusDeal, type DealMerge, type SourceDealStatement } from './deals';
export {
  compareStatements,
  writtenPrecision,
  DEFAULT_TOLERANCE,
  MAX_APPROX,
  MAX_AS_OF_MONTHS,
  type Comparison,
  type ComparableStatement,
  type Verdict,
  factsOf,
  describeKey,
  subjectId,
  subjectName,
  factKeyId,
  type FactKey,
  type FigureFact,
  METRICS,
  type Metric,
  type Subject,
  type Party,
  type CorpusChange,
  type CorpusEntity,
  type CorpusEntityMention,
  type CorpusFact,
  type ComparedStatement,
  type DatedStatementView,
  type FactKeyView,
  type FactStatements,
  type FigureFacts,
  type RetainedCounts,
  type StatementView,
} from '../facts/index';
export { summariseSource, type SourceFacts, type SourceEntity, type StoredStatement } from '../store/sourceFacts';
