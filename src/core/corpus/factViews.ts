/** The corpus's stored records turned into the views it answers with, and a fact's verdict. */
import {
  byText,
  compareStatements,
  describeKey,
  factVerdict,
  prepare,
  subjectId,
  subjectName,
  type FactKey,
  type FactKeyView,
  type StatementView,
  type Subject,
  type Verdict,
} from '../facts/index';
import { figureIdOf, type StoredStatement } from '../store/sourceFacts';

export function toView(path: string, s: StoredStatement): StatementView {
  return {
    path,
    figureId: figureIdOf(s),
    start: s.start,
    end: s.end,
    text: s.text,
    sentence: s.sentence,
    kind: s.kind,
    value: s.value,
    unit: s.unit,
    qualifier: s.qualifier,
    isApprox: s.isApprox,
  };
}

/** The key as the workspace sees it: entity ids and names canonical across sources. */
export function keyView(
  id: string,
  key: FactKey,
  resolve: (entityId: string) => string,
  nameOf: (entityId: string) => string | undefined,
): FactKeyView {
  const parties = key.subject.parties.map((p) => ({ id: resolve(p.id), name: nameOf(resolve(p.id)) ?? p.name }));
  const subject = { ...key.subject, parties } as Subject;
  const canonical: FactKey = { ...key, id, subject };
  return {
    id,
    subject: subjectId(subject),
    subjectName: subjectName(subject),
    metric: key.metric,
    period: key.period,
    label: describeKey(canonical),
  };
}

/** A fact's verdict as the corpus caches it: the statements compared, by path then position. */
export interface CachedVerdict {
  readonly verdict: Verdict;
  readonly reason: string;
  readonly statements: ReadonlyArray<readonly [string, StoredStatement]>;
}

/**
 * The verdict over the pairs of statements from different sources (see facts/factVerdict.ts): a
 * conflict when any pair conflicts, else agreement when any pair agrees, else incomparable.
 * Null when every pair is unrelated (years apart): not a shared fact after all. Only the pair
 * quoted in the reason is explained in words.
 */
export function judgeFact(
  byPath: ReadonlyMap<string, readonly StoredStatement[]>,
  tolerance: number,
): CachedVerdict | null {
  const entries = [...byPath]
    .sort(([a], [b]) => byText(a, b))
    .flatMap(([path, list]) => list.map((s) => ({ path, s, prepared: prepare(s) })));
  const found = factVerdict(entries, tolerance);
  if (!found) return null;
  const [i, j] = found.pair;
  const statements = entries
    .filter((_, k) => found.compared.has(k))
    .sort((a, b) => byText(a.path, b.path) || a.s.start - b.s.start)
    .map(({ path, s }) => [path, s] as const);
  return {
    verdict: found.verdict,
    reason: compareStatements(entries[i]!.s, entries[j]!.s, tolerance).reason,
    statements,
  };
}
