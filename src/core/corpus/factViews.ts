/** The corpus's stored records turned into the views it answers with, and a fact's verdict. */
import { compareStatements, type Comparison, type Verdict } from './compare';
import { describeKey, subjectId, subjectName, type FactKey } from './factKey';
import type { StoredStatement } from './sourceFacts';
import type { Subject } from './subject';
import type { CorpusFact, FactKeyView, StatementView } from './views';

export function toView(path: string, s: StoredStatement): StatementView {
  return {
    path, figureId: s.figureId, start: s.start, end: s.end, text: s.text, sentence: s.sentence,
    kind: s.kind, value: s.value, unit: s.unit, qualifier: s.qualifier, isApprox: s.isApprox,
  };
}

/** The key as the workspace sees it: entity ids and names canonical across sources. */
export function keyView(id: string, key: FactKey, resolve: (entityId: string) => string, nameOf: (entityId: string) => string | undefined): FactKeyView {
  const parties = key.subject.parties.map((p) => ({ id: resolve(p.id), name: nameOf(resolve(p.id)) ?? p.name }));
  const subject = { ...key.subject, parties } as Subject;
  const canonical: FactKey = { ...key, id, subject };
  return { id, subject: subjectId(subject), subjectName: subjectName(subject), metric: key.metric, period: key.period, label: describeKey(canonical) };
}

/**
 * The verdict over every pair of statements from different sources: a conflict when any pair
 * conflicts, else agreement when any pair agrees, else incomparable. Null when every pair is
 * unrelated (years apart): not a shared fact after all.
 */
export function describeFact(key: FactKeyView, byPath: ReadonlyMap<string, readonly StoredStatement[]>, tolerance: number): CorpusFact | null {
  const entries = [...byPath].sort(([a], [b]) => a.localeCompare(b)).flatMap(([path, list]) => list.map((s) => ({ path, s })));
  const compared = new Set<number>();
  const found: Record<Verdict, Comparison[]> = { conflict: [], agree: [], incomparable: [] };
  for (let i = 0; i < entries.length; i++) {
    for (let j = i + 1; j < entries.length; j++) {
      if (entries[i]!.path === entries[j]!.path) continue;
      const comparison = compareStatements(entries[i]!.s, entries[j]!.s, tolerance);
      if (comparison.verdict === 'unrelated') continue;
      found[comparison.verdict].push(comparison);
      compared.add(i).add(j);
    }
  }
  const verdict: Verdict | null = found.conflict.length > 0 ? 'conflict' : found.agree.length > 0 ? 'agree' : found.incomparable.length > 0 ? 'incomparable' : null;
  if (!verdict) return null;
  const first = found[verdict][0]!;
  const statements = entries.filter((_, i) => compared.has(i)).map(({ path, s }) => toView(path, s)).sort((a, b) => a.path.localeCompare(b.path) || a.start - b.start);
  return { key, verdict, reason: first.reason, statements };
}
