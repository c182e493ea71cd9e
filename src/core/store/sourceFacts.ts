/**
 * What the corpus keeps of one analysed article: its keyed statements, its entities with their
 * mention spans packed in one typed array, and its deals — no sentence objects, no figures
 * without a key, no text beyond the sentences of claims (one copy each, long ones cut around
 * a statement's figure). Plain data (strings, numbers, arrays, one typed array), so that it can
 * be made in a worker thread and posted. The corpus stores a copy whose strings are detached
 * from the article and shared across sources (`internFacts`).
 */
import type { Analysis } from '../analysis';
import type { Deal, DealMention } from '../extract/deals/deal';
import type { EntityType } from '../extract/entities/lexicon';
import { factsOf, writtenPrecision, type ComparableStatement, type FactKey } from '../facts/index';
import { packDeals, unpackDeals, type PackedDeals } from './packedDeals';

/**
 * A keyed figure as the corpus keeps it (its `text`, the exact characters at `[start, end)`, and
 * its value come with ComparableStatement); the source's path is held once, by its `SourceFacts`.
 */
export interface StoredStatement extends ComparableStatement {
  readonly key: FactKey;
  /** `[start, end)` of the figure in the file. */
  readonly start: number;
  readonly end: number;
  /** The claim sentence as prose, shortened around the figure when long. */
  readonly sentence: string;
}

export interface SourceEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** Other names it goes by in this source ("AWS"), for joining aliases across the workspace. */
  readonly aliases: readonly string[];
  /** Its mentions: `mentions[first * 3 …]`, `count` triples of the source's packed spans. */
  readonly first: number;
  readonly count: number;
}

export interface SourceFacts {
  readonly path: string;
  readonly dateline: string | null;
  readonly statements: readonly StoredStatement[];
  readonly entities: readonly SourceEntity[];
  /** Every entity mention as `start, end, form index` triples, entity by entity. */
  readonly mentions: Int32Array;
  /** The distinct texts of the mentions. */
  readonly forms: readonly string[];
  /** The article's deals, packed, without their ids (made again when deals are merged) nor the mentions' paths (added then). */
  readonly deals: PackedDeals;
}

/** Longer claim sentences are cut to this many characters around the figure. */
export const MAX_EXCERPT = 240;

/** The id of the figure a statement is made from (`figure:start-end`, as analyse names it). */
export function figureIdOf(statement: StoredStatement): string {
  return `figure:${statement.start}-${statement.end}`;
}

/** The article's facts; its strings may still share memory with the article (the corpus detaches what it keeps). */
export function summariseSource(path: string, analysis: Analysis): SourceFacts {
  const figures = new Map(analysis.figures.map((f) => [f.id, f]));
  const excerpts = new SentenceExcerpts(analysis);
  const copy = (text: string) => text;
  const statements: StoredStatement[] = [];
  for (const fact of factsOf(analysis)) {
    const figure = figures.get(fact.figureId)!;
    const value = figure.value as number | [number, number];
    statements.push({
      key: fact.key,
      start: figure.start,
      end: figure.end,
      text: figure.text,
      sentence: excerpts.around(
        figure.sentenceIndex,
        figure.sentenceOffset,
        figure.sentenceOffset + figure.text.length,
      ),
      kind: figure.kind,
      value: typeof value === 'number' ? value : [value[0], value[1]],
      unit: figure.unit,
      qualifier: fact.qualifier,
      isApprox: figure.isApprox,
      precision: writtenPrecision(figure.text, value),
      asOf: fact.asOf,
      dealDate: fact.dealDate,
    });
  }
  const forms: string[] = [];
  const formIndex = new Map<string, number>();
  const mentionCount = analysis.entities.reduce((n, e) => n + e.mentions.length, 0);
  const mentions = new Int32Array(mentionCount * 3);
  let next = 0;
  const entities: SourceEntity[] = analysis.entities.map((e) => {
    const first = next;
    for (const m of e.mentions) {
      let index = formIndex.get(m.text);
      if (index === undefined) {
        index = forms.push(copy(m.text)) - 1;
        formIndex.set(m.text, index);
      }
      mentions.set([m.start, m.end, index], next++ * 3);
    }
    return {
      id: copy(e.id),
      name: copy(e.name),
      type: e.type,
      aliases: e.aliases.length > 0 ? e.aliases.map(copy) : NO_ALIASES,
      first,
      count: e.mentions.length,
    };
  });
  const deals = packDeals(
    analysis.deals.map((d): Deal => ({
      ...d,
      parties: d.parties.map(copy),
      partyIds: d.partyIds.map(copy),
      // not kept: it is made again from what the deal is when deals are merged (dealId)
      id: '',
      // the whole sentence, as the article's own deals have it; the path is added when merged
      mentions: d.mentions.map((m): DealMention => ({
        sentenceIndex: m.sentenceIndex,
        start: m.start,
        end: m.end,
        sentence: excerpts.whole(m.sentenceIndex),
        value: m.value,
        currency: m.currency,
        date: m.date,
        status: m.status,
      })),
    })),
  );
  return { path, dateline: analysis.dateline, statements, entities, mentions, forms, deals };
}

/** The aliases of an entity that has none: one shared empty list. */
export const NO_ALIASES: readonly string[] = Object.freeze([]);

/** The sentences of statements (long ones cut around the figure) and of deal mentions (whole). */
class SentenceExcerpts {
  constructor(private readonly analysis: Analysis) {}

  around(sentenceIndex: number, start: number, end: number): string {
    const sentence = this.whole(sentenceIndex);
    return sentence.length > MAX_EXCERPT ? excerpt(sentence, start, end) : sentence;
  }

  whole(sentenceIndex: number): string {
    return this.analysis.sentences[sentenceIndex]?.text ?? '';
  }
}

/** The sentence, or MAX_EXCERPT characters of it around `[start, end)` with ellipses. */
export function excerpt(sentence: string, start: number, end: number): string {
  if (sentence.length <= MAX_EXCERPT) return sentence;
  const room = Math.max(0, MAX_EXCERPT - (end - start));
  const from = Math.max(0, Math.min(start - Math.floor(room / 2), sentence.length - MAX_EXCERPT));
  const to = Math.min(sentence.length, from + MAX_EXCERPT);
  return `${from > 0 ? '…' : ''}${sentence.slice(from, to).trim()}${to < sentence.length ? '…' : ''}`;
}

/**
 * A copy that shares no memory with the article: engines keep a slice of a long string as a
 * view of it, so a kept 20-character excerpt would otherwise keep the whole article alive.
 */
export function detach(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

/** Every string this record keeps apart from its fact keys (shared across sources), in UTF-16 code units. */
export function retainedCharacters(source: SourceFacts): number {
  const strings = new Set<string>([source.path, ...source.forms]);
  for (const s of source.statements) strings.add(s.text).add(s.sentence);
  for (const e of source.entities) [e.id, e.name, ...e.aliases].forEach((t) => strings.add(t));
  for (const d of unpackDeals(source.deals, source.path)) {
    [...d.parties, ...d.partyIds].forEach((t) => strings.add(t));
    for (const m of d.mentions) strings.add(m.sentence);
  }
  let total = 0;
  for (const text of strings) total += text.length;
  return total;
}

/** The same facts under another path (a renamed file). */
export function movedTo(source: SourceFacts, path: string): SourceFacts {
  return { ...source, path };
}
