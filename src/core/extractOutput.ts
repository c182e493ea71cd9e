/** Analysis → the `newsmark extract` JSON contract (see schema.ts). */
import type { Analysis } from './analysis';
import type { Deal } from './extract/deals/deal';
import { mergeDeals } from './extract/deals/merge';
import type { CorpusFact } from './facts/index';
import {
  EXTRACT_SCHEMA_VERSION,
  type Conflict,
  type ExtractDeal,
  type ExtractOutput,
  type ExtractSource,
} from './schema';

export function toExtractSource(analysis: Analysis, sha256: string): ExtractSource {
  // a figure names the claim of its sentence by index: repeating the sentence made the output
  // grow with the square of a sentence's figures (88 KB of "$1 billion " -> 800 MB)
  const claimOfSentence = new Map<number, number>();
  analysis.claims.forEach((c, i) => claimOfSentence.set(c.sentenceIndex, i));
  return {
    path: analysis.path,
    sha256,
    format: analysis.format,
    dateline: analysis.dateline,
    entities: analysis.entities.map((e) => ({
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: [...e.aliases],
      mentions: e.mentions.map((m) => ({ start: m.start, end: m.end, text: m.text })),
      evidence: { rule: e.evidence.rule, phrase: e.evidence.phrase },
    })),
    figures: analysis.figures.map((f) => ({
      id: f.id,
      text: f.text,
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      start: f.start,
      end: f.end,
      approx: f.isApprox,
      qualifier: f.qualifier,
      claim: claimOfSentence.get(f.sentenceIndex) ?? null,
    })),
    claims: analysis.claims.map((c) => ({
      id: c.id,
      text: c.text,
      start: c.start,
      end: c.end,
      figures: [...c.figureIds],
      entities: [...c.entityIds],
      deals: [...c.dealIds],
      attribution: c.attribution && {
        text: c.attribution.text,
        entityId: c.attribution.entityId,
        kind: c.attribution.kind,
      },
    })),
    diagnostics: analysis.diagnostics.map((d) => ({ ...d })),
  };
}

/** The deals of several analyses, the same agreement merged across sources. */
export function dealsAcross(analyses: readonly Analysis[]): Deal[] {
  const all = analyses.flatMap((a) =>
    a.deals.map((d) => ({ ...d, mentions: d.mentions.map((m) => ({ ...m, path: a.path })) })),
  );
  return mergeDeals(all);
}

export function toExtractDeal(deal: Deal): ExtractDeal {
  return {
    id: deal.id,
    parties: [...deal.parties],
    kind: deal.kind,
    value: deal.value,
    currency: deal.currency,
    date: deal.date,
    dateInferred: deal.isDateInferred,
    partyInferred: deal.isPartyInferred,
    status: deal.status,
    mentions: deal.mentions.map((m) => ({
      path: m.path ?? '',
      start: m.start,
      end: m.end,
      sentence: m.sentence,
      value: m.value,
      currency: m.currency,
      date: m.date,
      status: m.status,
    })),
  };
}

export function toExtractOutput(sources: ExtractSource[], deals: readonly Deal[]): ExtractOutput {
  return { schemaVersion: EXTRACT_SCHEMA_VERSION, sources, deals: deals.map(toExtractDeal) };
}

/** A conflicting fact of the corpus in the `newsmark extract` contract. */
export function toExtractConflict(fact: CorpusFact): Conflict {
  return {
    key: {
      id: fact.key.id,
      subject: fact.key.subject,
      subjectName: fact.key.subjectName,
      metric: fact.key.metric,
      period: fact.key.period,
      label: fact.key.label,
    },
    verdict: 'conflict',
    reason: fact.reason,
    statements: fact.statements.map((s) => ({
      path: s.path,
      start: s.start,
      end: s.end,
      text: s.text,
      value: typeof s.value === 'number' ? s.value : [s.value[0], s.value[1]],
      unit: s.unit,
      qualifier: s.qualifier,
      approx: s.isApprox,
      sentence: s.sentence,
    })),
  };
}
