/** Cross-source facts: fact keys, verdicts, and the incremental corpus of a workspace. */
export { Corpus, type CorpusOptions } from './corpus';
export {
  compareStatements,
  writtenPrecision,
  DEFAULT_TOLERANCE,
  MAX_APPROX,
  MAX_AS_OF_MONTHS,
  type Comparison,
  type ComparableStatement,
  type Verdict,
} from './compare';
export { factsOf, describeKey, subjectId, subjectName, factKeyId, type FactKey, type FigureFact } from './factKey';
export { METRICS, type Metric } from './metric';
export type { Subject, Party } from './subject';
export { byFirstMention, type CorpusDeal, type DealMerge, type SourceDealStatement } from './deals';
export type {
  CorpusChange,
  CorpusEntity,
  CorpusEntityMention,
  CorpusFact,
  ComparedStatement,
  DatedStatementView,
  FactKeyView,
  FactStatements,
  FigureFacts,
  RetainedCounts,
  StatementView,
} from './views';
export { summariseSource, type SourceFacts, type SourceEntity, type StoredStatement } from './sourceFacts';
