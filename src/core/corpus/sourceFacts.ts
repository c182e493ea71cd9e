/**
 * What the corpus keeps of one analysed article: its keyed statements, its entities' mention
 * spans packed in typed arrays, and its deals — no sentences, no figures without a key, no
 * text beyond short excerpts. Strings are copied so that nothing keeps the article's text alive.
 */
import type { Analysis } from '../analysis';
import type { Deal, DealMention } from '../extract/deals/deal';
import type { EntityType } from '../extract/entities/lexicon';
import type { FigureKind, Qualifier } from '../extract/figures/figure';
import { writtenPrecision, type ComparableStatement } from './compare';
import { factsOf, type FactKey } from './factKey';

/** A keyed figure as the corpus keeps it; the source's path is held once, by its `SourceFacts`. */
export interface StoredStatement extends ComparableStatement {
  readonly figureId: string;
  readonly key: FactKey;
  /** `[start, end)` of the figure in the file. */
  readonly start: number;
  readonly end: number;
  /** The exact characters of the file at `[start, end)`. */
  readonly text: string;
  /** The claim sentence as prose, shortened around the figure when long. */
  readonly sentence: string;
  readonly kind: FigureKind;
  readonly value: number | readonly [number, number];
  readonly unit: string | null;
  readonly qualifier: Qualifier | null;
}

export interface SourceEntity {
  readonly id: string;
  readonly name: string;
  readonly type: EntityType;
  /** Other names it goes by in this source ("AWS"), for joining aliases across the workspace. */
  readonly aliases: readonly string[];
  /** The distinct texts of its mentions. */
  readonly forms: readonly string[];
  /** Mentions as `start, end, form index` triples. */
  readonly spans: Int32Array;
}

export interface SourceFacts {
  readonly path: string;
  readonly dateline: string | null;
  readonly statements: readonly StoredStatement[];
  readonly entities: readonly SourceEntity[];
  /** The article's deals, mentions without a path (added when merged across sources). */
  readonly deals: readonly Deal[];
}

/** Longer claim sentences are cut to this many characters around the figure. */
export const MAX_EXCERPT = 240;

export function summariseSource(path: string, analysis: Analysis): SourceFacts {
  const figures = new Map(analysis.figures.map((f) => [f.id, f]));
  const statements: StoredStatement[] = [];
  for (const fact of factsOf(analysis)) {
    const figure = figures.get(fact.figureId)!;
    const sentence = analysis.sentences[figure.sentenceIndex]?.text ?? '';
    const value = figure.value as number | [number, number];
    statements.push({
      figureId: detach(figure.id),
      key: detachKey(fact.key),
      start: figure.start,
      end: figure.end,
      text: detach(figure.text),
      sentence: detach(excerpt(sentence, figure.sentenceOffset, figure.sentenceOffset + figure.text.length)),
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
  const entities: SourceEntity[] = analysis.entities.map((e) => {
    const forms: string[] = [];
    const formIndex = new Map<string, number>();
    const spans = new Int32Array(e.mentions.length * 3);
    e.mentions.forEach((m, i) => {
      let index = formIndex.get(m.text);
      if (index === undefined) {
        index = forms.push(detach(m.text)) - 1;
        formIndex.set(m.text, index);
      }
      spans.set([m.start, m.end, index], i * 3);
    });
    return { id: detach(e.id), name: detach(e.name), type: e.type, aliases: e.aliases.map(detach), forms, spans };
  });
  const deals: Deal[] = analysis.deals.map((d) => ({
    ...d,
    parties: d.parties.map(detach),
    partyIds: d.partyIds.map(detach),
    id: detach(d.id),
    mentions: d.mentions.map((m): DealMention => ({
      sentenceIndex: m.sentenceIndex, start: m.start, end: m.end, sentence: detach(excerpt(m.sentence, 0, 0)),
      value: m.value, currency: m.currency, date: m.date,
    })),
  }));
  return { path, dateline: analysis.dateline, statements, entities, deals };
}

function detachKey(key: FactKey): FactKey {
  const parties = key.subject.parties.map((p) => ({ id: detach(p.id), name: detach(p.name) }));
  const subject = { ...key.subject, parties } as FactKey['subject'];
  return { id: detach(key.id), subject, metric: key.metric, period: key.period === null ? null : detach(key.period) };
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

/** Every string this record keeps, in UTF-16 code units (for the corpus's size accounting). */
export function retainedCharacters(source: SourceFacts): number {
  let total = source.path.length;
  for (const s of source.statements) total += s.figureId.length + s.text.length + s.sentence.length + s.key.id.length;
  for (const e of source.entities) total += e.id.length + e.name.length + e.aliases.reduce((n, a) => n + a.length, 0) + e.forms.reduce((n, f) => n + f.length, 0);
  for (const d of source.deals) total += d.id.length + d.mentions.reduce((n, m) => n + m.sentence.length, 0);
  return total;
}
