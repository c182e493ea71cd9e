/**
 * analyse(source) → Analysis: the single entry point of the engine. One parse, then
 * sentences, figures, entities, claims and deals, all in file offsets (UTF-16, end-exclusive).
 * Total: odd content yields fewer results and diagnostics, never an exception.
 */
import type { ContentDiagnostic, TextSource } from './document';
import { parseSource } from './parse/source';
import type { SourceFormat } from './parse/blocks';
import { indexSentences, sentenceAt, type Sentence } from './parse/sentenceIndex';
import { figuresOfBlocks } from './extract/figures/index';
import type { FigureKind, FigureValue, Qualifier } from './extract/figures/figure';
import { recogniseEntities, type Entity } from './extract/entities/index';
import { Lexicon } from './extract/entities/lexicon';
import { attributionOf, type Attribution, type MentionInSentence } from './extract/claims/attribution';
import { dealsOfArticle } from './extract/deals/index';
import type { Deal } from './extract/deals/deal';
import { pushTo } from './collections';
import type { AnalysisCache } from './analysisCache';

export interface Figure {
  readonly id: string;
  readonly text: string;
  readonly kind: FigureKind;
  readonly value: FigureValue;
  readonly unit: string | null;
  readonly start: number;
  readonly end: number;
  readonly isApprox: boolean;
  readonly qualifier: Qualifier | null;
  readonly sentenceIndex: number;
  /** Offset of the figure in its sentence's prose (markup left out). */
  readonly sentenceOffset: number;
}

export interface Claim {
  readonly id: string;
  readonly sentenceIndex: number;
  readonly text: string;
  readonly start: number;
  readonly end: number;
  readonly figureIds: readonly string[];
  readonly entityIds: readonly string[];
  readonly dealIds: readonly string[];
  readonly attribution: Attribution | null;
}

export interface Analysis {
  readonly path: string;
  readonly format: SourceFormat;
  readonly sentences: readonly Sentence[];
  readonly figures: readonly Figure[];
  readonly entities: readonly Entity[];
  readonly claims: readonly Claim[];
  readonly deals: readonly Deal[];
  /** The article's own date when its first lines give one ("November 8, 2025 – Zhejiang"). */
  readonly dateline: string | null;
  readonly diagnostics: readonly ContentDiagnostic[];
}

export interface AnalyseOptions {
  /** The lexicon to use; build it once and share it (the built-in one when omitted). */
  readonly lexicon?: Lexicon;
  /** Work kept from earlier analyses of the same document (an editor keeps one per document). */
  readonly cache?: AnalysisCache;
}

export function analyse(source: TextSource, options: AnalyseOptions = {}): Analysis {
  const lexicon = options.lexicon ?? Lexicon.withAdditions();
  const text = source.text;
  const diagnostics = contentDiagnostics(text);
  const parsed = parseSource(source.path, text, options.cache);
  diagnostics.push(...parsed.diagnostics);
  const { sentences, perBlock } = indexSentences(parsed.blocks, options.cache);
  const figures: Figure[] = figuresOfBlocks(parsed.blocks, options.cache).map((f) => {
    const sentence = sentenceAt(sentences, f.blockIndex, f.start);
    return {
      id: `figure:${f.fileStart}-${f.fileEnd}`,
      text: text.slice(f.fileStart, f.fileEnd),
      kind: f.kind,
      value: f.value,
      unit: f.unit,
      start: f.fileStart,
      end: f.fileEnd,
      isApprox: f.isApprox,
      qualifier: f.qualifier,
      sentenceIndex: sentence?.index ?? -1,
      sentenceOffset: sentence ? f.start - sentence.proseStart : 0,
    };
  });
  const recognised = withFileText(recogniseEntities(parsed.blocks, perBlock, lexicon, options.cache), text);
  const dateline = datelineOf(figures);
  const { deals, entities: partyEntities } = dealsOfArticle({
    sentences,
    figures,
    entities: recognised,
    lexicon,
    dateline,
    blocks: parsed.blocks,
    cache: options.cache,
  });
  // names that take part in a deal are entities too (evidence rule "deal-party")
  const entities = partyEntities.length
    ? [...recognised, ...withFileText(partyEntities, text)].sort(
        (a, b) => a.mentions[0]!.start - b.mentions[0]!.start || a.name.localeCompare(b.name),
      )
    : recognised;
  const claims = claimsOf(sentences, figures, entities, deals, options.cache);
  if (parsed.blocks.length === 0 && text.trim()) {
    diagnostics.push({
      code: 'no-prose',
      message: 'The file has no prose: only code, markup or front matter.',
      start: 0,
      end: 0,
      severity: 'info',
    });
  }
  return {
    path: source.path,
    format: parsed.format,
    sentences,
    figures,
    entities,
    claims,
    deals,
    dateline,
    diagnostics,
  };
}

/**
 * A mention's text is the file's own characters at its span: `Sam [Altman](…)` is mentioned as
 * "Sam [Altman", while the entity keeps its name ("Sam Altman") and its aliases are prose. One
 * span per mention, not one per markup-free part: the editor highlights and hovers it as one
 * range, references and anchors quote what the file holds, and a researcher sees the mention as
 * written.
 */
function withFileText(entities: readonly Entity[], text: string): Entity[] {
  return entities.map((e) => {
    if (e.mentions.every((m) => text.slice(m.start, m.end) === m.text)) return e;
    return { ...e, mentions: e.mentions.map((m) => ({ ...m, text: text.slice(m.start, m.end) })) };
  });
}

function contentDiagnostics(text: string): ContentDiagnostic[] {
  const out: ContentDiagnostic[] = [];
  const replacement = text.indexOf('\ufffd');
  if (replacement >= 0) {
    out.push({
      code: 'invalid-utf8',
      message: 'The file is not valid UTF-8: undecodable bytes were replaced by U+FFFD.',
      start: replacement,
      end: replacement + 1,
      severity: 'warning',
    });
  }
  return out;
}

/** A full date among the first two sentences. */
function datelineOf(figures: readonly Figure[]): string | null {
  const first = figures.find(
    (f) =>
      f.kind === 'date' &&
      typeof f.value === 'string' &&
      f.sentenceIndex >= 0 &&
      f.sentenceIndex <= 2 &&
      /^\d{4}-\d\d-\d\d/.test(f.value),
  );
  return first ? (first.value as string).slice(0, 10) : null;
}

function claimsOf(
  sentences: readonly Sentence[],
  figures: readonly Figure[],
  entities: readonly Entity[],
  deals: readonly Deal[],
  cache?: AnalysisCache,
): Claim[] {
  const figuresBySentence = groupBy(
    figures.filter((f) => f.sentenceIndex >= 0),
    (f) => f.sentenceIndex,
  );
  const dealsBySentence = new Map<number, string[]>();
  for (const deal of deals) for (const m of deal.mentions) pushTo(dealsBySentence, m.sentenceIndex, deal.id);
  const mentionsBySentence = new Map<number, Array<{ entity: Entity; proseStart: number; proseEnd: number }>>();
  for (const entity of entities) {
    for (const m of entity.mentions) {
      const sentence = sentenceAt(sentences, m.blockIndex, m.proseStart);
      if (sentence)
        pushTo(mentionsBySentence, sentence.index, { entity, proseStart: m.proseStart, proseEnd: m.proseEnd });
    }
  }
  const claims: Claim[] = [];
  for (const sentence of sentences) {
    const own = figuresBySentence.get(sentence.index) ?? [];
    const dealIds = dealsBySentence.get(sentence.index) ?? [];
    if (own.length === 0 && dealIds.length === 0) continue;
    const mentions = (mentionsBySentence.get(sentence.index) ?? []).sort((a, b) => a.proseStart - b.proseStart);
    const relative = mentions.map((m) => ({
      entityId: m.entity.id,
      name: m.entity.name,
      start: m.proseStart - sentence.proseStart,
      end: m.proseEnd - sentence.proseStart,
    }));
    claims.push({
      id: `claim:${sentence.start}-${sentence.end}`,
      sentenceIndex: sentence.index,
      text: sentence.text,
      start: sentence.start,
      end: sentence.end,
      figureIds: own.map((f) => f.id),
      entityIds: [...new Set(mentions.map((m) => m.entity.id))],
      dealIds: [...new Set(dealIds)],
      attribution: cachedAttribution(sentence.text, relative, cache),
    });
  }
  return claims;
}

function cachedAttribution(
  text: string,
  mentions: readonly MentionInSentence[],
  cache: AnalysisCache | undefined,
): Attribution | null {
  if (!cache) return attributionOf(text, mentions);
  const mentionsKey = mentions.map((m) => `${m.entityId}@${m.start}-${m.end}`).join(',');
  const cached = cache.attributions.get(text);
  if (cached && cached.mentionsKey === mentionsKey) return cached.attribution;
  const attribution = attributionOf(text, mentions);
  cache.attributions.set(text, { mentionsKey, attribution });
  return attribution;
}

function groupBy<T, K>(items: readonly T[], key: (item: T) => K): Map<K, T[]> {
  const map = new Map<K, T[]>();
  for (const item of items) pushTo(map, key(item), item);
  return map;
}
