/**
 * The language of facts: what a figure measures (subject, metric, period → a fact key), whether
 * two statements of one fact agree (verdicts), and the plain views the corpus answers with. Pure:
 * it reads an analysis (extract/, parse/) and knows nothing of how facts are kept (store/) or
 * gathered across sources (corpus/) — eslint.config.mjs enforces it. What other folders use:
 */
export {
  compareStatements,
  isBeyond,
  isWithinTime,
  judge,
  judgeBounds,
  prepare,
  writtenPrecision,
  DEFAULT_TOLERANCE,
  MAX_APPROX,
  MAX_AS_OF_MONTHS,
  type Comparison,
  type ComparableStatement,
  type Prepared,
  type StatementTime,
  type Verdict,
} from './compare';
export { factVerdict, type FactVerdict, type Judged } from './factVerdict';
export { factsOf, describeKey, subjectId, subjectName, factKeyId, type FactKey, type FigureFact } from './factKey';
export { METRICS, type Metric } from './metric';
export type { Subject, Party } from './subject';
export { byText } from './order';
export type {
  CorpusChange,
  CorpusEntity,
  CorpusEntityMention,
  CorpusFact,
  ComparedStatement,
  DatedStatementView,
  FactKeyView,
  FactStatements,
  FigureConflicts,
  FigureFacts,
  RetainedCounts,
  StatementView,
} from './views';
