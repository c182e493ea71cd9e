/**
 * The map step's record of a source's facts (`facts` beside `source` in each line of
 * `newsmark extract --jsonl`) and its way back to the corpus's `SourceFacts`, so that a reduce
 * step on another machine merges exactly what one run would have.
 *
 * The record holds only what the source line does not: each keyed figure names its figure by
 * index and its claim's sentence by offset (the line has both), each deal mention names its
 * claim. `sourceFactsOf(source, shardFactsOf(analysis, summariseSource(…)))` equals
 * `summariseSource(…)` field for field; a unit test holds it to that on every fixture.
 */
import type { Analysis } from '../analysis';
import { writtenPrecision } from '../facts/index';
import { NO_DEALS, packDeals, unpackDeals } from '../store/packedDeals';
import { excerpt, figureIdOf, type SourceEntity, type SourceFacts, type StoredStatement } from '../store/sourceFacts';
import type { Deal, DealMention } from '../extract/deals/deal';
import type { ExtractSource, ShardDeal, ShardFacts, ShardStatement } from '../schema';

/** The record of `facts` (summarised from `analysis`); `engine` is the version of newsmark that made it. */
export function shardFactsOf(analysis: Analysis, facts: SourceFacts, engine: string): ShardFacts {
  const figureIndex = new Map(analysis.figures.map((f, i) => [f.id, i]));
  const claimOfSentence = new Map(analysis.claims.map((c, i) => [c.sentenceIndex, i]));
  const statements = facts.statements.map((s): ShardStatement => {
    const index = figureIndex.get(figureIdOf(s))!;
    return {
      figure: index,
      key: s.key as ShardStatement['key'],
      qualifier: s.qualifier,
      asOf: s.asOf,
      dealDate: s.dealDate,
      sentenceOffset: analysis.figures[index]!.sentenceOffset,
    };
  });
  const deals = unpackDeals(facts.deals, facts.path).map((d): ShardDeal => ({
    parties: [...d.parties],
    partyIds: [...d.partyIds],
    kind: d.kind,
    value: d.value,
    currency: d.currency,
    date: d.date,
    dateInferred: d.isDateInferred,
    partyInferred: d.isPartyInferred,
    status: d.status,
    mentions: d.mentions.map((m) => ({
      claim: claimOfSentence.get(m.sentenceIndex)!,
      sentenceIndex: m.sentenceIndex,
      start: m.start,
      end: m.end,
      value: m.value,
      currency: m.currency,
      date: m.date,
      status: m.status,
    })),
  }));
  return { engine, statements, deals };
}

export type SourceFactsResult =
  { readonly ok: true; readonly facts: SourceFacts } | { readonly ok: false; readonly error: string };

/**
 * The corpus's facts of a source line, or why they cannot be had (an index out of range, a
 * keyed figure that is not a number): a line edited by hand or cut short is an error, never a
 * throw and never a wrong fact.
 */
export function sourceFactsOf(source: ExtractSource, shard: ShardFacts): SourceFactsResult {
  const statements: StoredStatement[] = [];
  for (const [i, s] of shard.statements.entries()) {
    const figure = source.figures[s.figure];
    if (!figure) return fail(`statement ${i} names figure ${s.figure}, but the source has ${source.figures.length}`);
    const claim = figure.claim === null ? undefined : source.claims[figure.claim];
    if (!claim) return fail(`statement ${i}: its figure ${s.figure} has no claim`);
    const value = numericValue(figure.value);
    if (value === undefined)
      return fail(`statement ${i}: its figure ${s.figure} is not a number or a range of numbers`);
    statements.push({
      key: s.key,
      start: figure.start,
      end: figure.end,
      text: figure.text,
      sentence: excerpt(claim.text, s.sentenceOffset, s.sentenceOffset + figure.text.length),
      kind: figure.kind,
      value,
      unit: figure.unit,
      qualifier: s.qualifier,
      isApprox: figure.approx,
      precision: writtenPrecision(figure.text, value),
      asOf: s.asOf,
      dealDate: s.dealDate,
    });
  }
  const deals: Deal[] = [];
  for (const [i, d] of shard.deals.entries()) {
    if (d.partyIds.length !== d.parties.length)
      return fail(`deal ${i} has ${d.parties.length} parties but ${d.partyIds.length} party ids`);
    const mentions: DealMention[] = [];
    for (const m of d.mentions) {
      const claim = source.claims[m.claim];
      if (!claim) return fail(`deal ${i} names claim ${m.claim}, but the source has ${source.claims.length}`);
      mentions.push({
        sentenceIndex: m.sentenceIndex,
        start: m.start,
        end: m.end,
        sentence: claim.text,
        value: m.value,
        currency: m.currency,
        date: m.date,
        status: m.status,
      });
    }
    deals.push({
      id: '',
      parties: d.parties,
      partyIds: d.partyIds,
      kind: d.kind,
      value: d.value,
      currency: d.currency,
      date: d.date,
      isDateInferred: d.dateInferred,
      isPartyInferred: d.partyInferred,
      status: d.status,
      mentions,
    });
  }
  const { entities, mentions, forms } = entitiesOf(source);
  return {
    ok: true,
    facts: {
      path: source.path,
      dateline: source.dateline,
      statements,
      entities,
      mentions,
      forms,
      deals: deals.length > 0 ? packDeals(deals) : NO_DEALS,
    },
  };
}

/** The entities with their mentions packed as `summariseSource` packs them: forms in order of first use. */
function entitiesOf(source: ExtractSource): Pick<SourceFacts, 'entities' | 'mentions' | 'forms'> {
  const forms: string[] = [];
  const formIndex = new Map<string, number>();
  const mentions = new Int32Array(source.entities.reduce((n, e) => n + e.mentions.length, 0) * 3);
  let next = 0;
  const entities = source.entities.map((e): SourceEntity => {
    const first = next;
    for (const m of e.mentions) {
      let index = formIndex.get(m.text);
      if (index === undefined) {
        index = forms.push(m.text) - 1;
        formIndex.set(m.text, index);
      }
      mentions.set([m.start, m.end, index], next++ * 3);
    }
    return {
      id: e.id,
      name: e.name,
      type: e.type,
      aliases: e.aliases.length > 0 ? e.aliases : NONE,
      first,
      count: e.mentions.length,
    };
  });
  return { entities, mentions, forms };
}

const NONE: readonly string[] = Object.freeze([]);

function numericValue(value: ExtractSource['figures'][number]['value']): number | [number, number] | undefined {
  if (typeof value === 'number') return value;
  if (Array.isArray(value) && typeof value[0] === 'number' && typeof value[1] === 'number') return [value[0], value[1]];
  return undefined;
}

function fail(error: string): SourceFactsResult {
  return { ok: false, error };
}
