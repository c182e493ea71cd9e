/**
 * Deals of one article: each sentence's deals (sentenceDeals.ts) with their parties as
 * canonical entities, then what only the article as a whole tells (context.ts): a role a
 * sentence leaves to context (the lead-in, the round or deal it refers back to), investors
 * named after their round, the value or status a later sentence gives the deal just told.
 * Year-less dates are completed from context, the dateline is the date of last resort (marked
 * inferred), and one agreement is one deal. A name no lexicon knows that a frame gives a role
 * becomes an entity ("party of a deal").
 */
import type { Sentence } from '../../parse/sentenceIndex';
import { sentenceAt } from '../../parse/sentenceIndex';
import type { ProseBlock } from '../../parse/blocks';
import type { Entity } from '../entities/index';
import { entityId, withoutLegalForm } from '../entities/index';
import type { Lexicon } from '../entities/lexicon';
import type { FigureKind, FigureValue } from '../figures/figure';
import { dealId, type Deal } from './deal';
import { pushTo } from '../../collections';
import { kindSignals, type KindSignal } from './kinds';
import type { AnalysisCache } from '../../analysisCache';
import { mergeDeals } from './merge';
import { dealsInSentence, type AmountMention, type PartyMention, type SentenceDeal } from './sentenceDeals';
import type { SentenceName } from './shape';
import { DocumentDeals } from './context';
import { partyEntities } from './partyEntities';
import { ShortForms } from './shortForms';
import { isAsciiLetter } from '../../textRuns';

interface FigureLike {
  readonly kind: FigureKind;
  readonly value: FigureValue;
  readonly unit: string | null;
  readonly text?: string;
  readonly start: number;
  readonly qualifier: string | null;
  readonly sentenceIndex: number;
  readonly sentenceOffset: number;
}

export interface DealInputs {
  readonly sentences: readonly Sentence[];
  readonly figures: readonly FigureLike[];
  readonly entities: readonly Entity[];
  readonly lexicon: Lexicon;
  readonly dateline: string | null;
  /** The prose blocks, to place the mentions of names that become entities. */
  readonly blocks?: readonly ProseBlock[];
  readonly cache?: AnalysisCache;
}

export interface ArticleDeals {
  readonly deals: Deal[];
  /** Names no lexicon knows that take part in a deal: entities with the evidence rule "deal-party". */
  readonly entities: Entity[];
}

interface DateContext extends DealInputs {
  /** Dates with at least a month, by position: context for year-less dates. */
  readonly monthDates: readonly FigureLike[];
}

/** Names of rounds and instruments the recogniser may take for organisations ("Series C"). */
const NOT_A_PARTY = /^(?:Series [A-K]\d?|Seed|Pre-seed|IPO|JV|SPV|PPA|M&A|LBO)$/i;
const SMALL_WORD = /^(?:a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|vs|is|are)$/i;

export function dealsOfSentences(inputs: DealInputs): Deal[] {
  return dealsOfArticle(inputs).deals;
}

export function dealsOfArticle(inputs: DealInputs): ArticleDeals {
  const { sentences } = inputs;
  const monthDates = inputs.figures
    .filter((f) => f.kind === 'date' && typeof f.value === 'string' && /^\d{4}-\d\d/.test(f.value))
    .sort((a, b) => a.start - b.start);
  const context = { ...inputs, monthDates };
  const { parties: partiesBySentence, others: othersBySentence } = collectNames(inputs);
  // a lead-in party must be salient: known to the lexicon, or named more than once
  const salient = new Set(inputs.entities.filter((e) => e.isFromLexicon || e.mentions.length >= 2).map((e) => e.id));
  const figuresBySentence = new Map<number, FigureLike[]>();
  for (const figure of inputs.figures) pushTo(figuresBySentence, figure.sentenceIndex, figure);
  const article = new DocumentDeals(sentences, partiesBySentence, salient);
  const shortForms = new ShortForms();
  for (const sentence of sentences) {
    // a heading names a topic ("Microsoft Agreement & Corporate Restructuring"), not a deal
    if (sentence.blockKind === 'heading') continue;
    const parties = partiesBySentence.get(sentence.index) ?? [];
    const others = othersBySentence.get(sentence.index) ?? [];
    const own = figuresBySentence.get(sentence.index) ?? [];
    const amounts: AmountMention[] = own
      .filter((f) => f.kind === 'money' && f.unit)
      .map((f) => amountOf(f, sentence.text));
    const dates = own
      .filter((f) => f.kind === 'date' && typeof f.value === 'string')
      .map((f) => ({ value: f.value as string, start: f.sentenceOffset }));
    const sentenceDeals = shortForms.resolve(
      dealsInSentence({
        text: sentence.text,
        parties,
        others,
        amounts,
        dates,
        inferParty: (exclude, need) => article.inferParty(sentence, exclude, need),
        isTitleCase,
        signals: signalsOf(sentence.text, inputs.cache),
        idOfName: entityId,
        cache: inputs.cache,
        onUnknownNames: (names) => article.unknownNames(sentence.index, names),
      }),
    );
    article.goOn(sentence, amounts, parties, others, sentenceDeals);
    for (const deal of sentenceDeals) article.add(toDeal(deal, sentence, context), deal);
  }
  const deals = withWrittenNames(mergeDeals(article.finish()), inputs.entities);
  const entities = partyEntities(deals, inputs.entities, sentences, inputs.blocks);
  return { deals, entities };
}

function toDeal(deal: SentenceDeal, sentence: Sentence, context: DateContext): Deal {
  const date = completeDate(deal.date, sentence, context);
  const partyIds = deal.parties.map((p) => p.entityId);
  return {
    id: dealId(deal.kind, partyIds, deal.value, deal.currency, date.date),
    parties: deal.parties.map((p) => p.name),
    partyIds,
    kind: deal.kind,
    value: deal.value,
    currency: deal.currency,
    date: date.date,
    isDateInferred: date.isDateInferred,
    isPartyInferred: deal.isPartyInferred,
    status: deal.status,
    frames: [deal.frameId],
    mentions: [
      {
        sentenceIndex: sentence.index,
        start: sentence.start,
        end: sentence.end,
        sentence: sentence.text,
        value: deal.value,
        currency: deal.currency,
        date: date.date,
        status: deal.status,
      },
    ],
  };
}

/**
 * Parties named as the article writes them: the lexicon's canonical name when the article uses
 * it, else the entity's longest form in the article ("Paramount Global" where the lexicon, a year
 * later, says "Paramount Skydance"; "Samsung" where it says "Samsung Electronics"). Ids stay
 * canonical: deals merge across sources by id, and a view may show the canonical name.
 */
function withWrittenNames(deals: readonly Deal[], entities: readonly Entity[]): Deal[] {
  const written = new Map<string, string>();
  for (const entity of entities) {
    const name = writtenName(entity);
    if (name !== entity.name) written.set(entity.id, name);
  }
  if (written.size === 0) return [...deals];
  return deals.map((deal) =>
    deal.partyIds.some((id) => written.has(id))
      ? { ...deal, parties: deal.partyIds.map((id, i) => written.get(id) ?? deal.parties[i]!) }
      : deal,
  );
}

/** "Samsung's", "Visa'" */
const POSSESSIVE = /['’]s?$/;

/** The canonical name if a mention writes it, else the longest mention without its legal form (the first of equals). */
export function writtenName(entity: Entity): string {
  let longest = '';
  for (const mention of entity.mentions) {
    const raw = mention.text.replace(/\s+/g, ' ').trim();
    if (raw === entity.name) return entity.name;
    // named as entities are: without the legal form ("Intel Corp" → "Intel", "Amazon.com Inc." → "Amazon.com")
    const text = withoutLegalForm(raw.replace(POSSESSIVE, ''));
    if (text === entity.name) return entity.name;
    if (text.length > longest.length) longest = text;
  }
  return longest || entity.name;
}

/** A money figure of the sentence, with where its text ends when the sentence holds it as written. */
function amountOf(f: FigureLike, text: string): AmountMention {
  const written = f.text && text.startsWith(f.text, f.sentenceOffset) ? f.sentenceOffset + f.text.length : undefined;
  return {
    value: f.value as number | [number, number],
    currency: f.unit!,
    start: f.sentenceOffset,
    ...(written !== undefined ? { end: written } : {}),
    qualifier: f.qualifier,
  };
}

function signalsOf(text: string, cache: AnalysisCache | undefined): readonly KindSignal[] {
  let signals = cache?.signals.get(text);
  if (!signals) {
    signals = kindSignals(text);
    cache?.signals.set(text, signals);
  }
  return signals;
}

/**
 * A headline in Title Case ("Zepto Secures Major Funding Led by Calpers"), where capitals say
 * nothing of names: four words or more, and not one word of four letters or more in lower case
 * ("Regulators cleared a JV of Vodafone and CK Hutchison" is a sentence full of names).
 */
export function isTitleCase(text: string): boolean {
  // one pass over the words that stops at the first long one in lower case (most sentences have one
  // early); a word of ASCII is read by hand, any other by the patterns
  let words = 0;
  const length = text.length;
  let i = 0;
  while (i < length) {
    while (i < length && isSpaceAt(text, i)) i++;
    if (i >= length) break;
    const start = i;
    let isAscii = true;
    while (i < length && !isSpaceAt(text, i)) {
      if (text.charCodeAt(i) >= 128) isAscii = false;
      i++;
    }
    const verdict = isAscii ? asciiWordVerdict(text, start, i) : wordVerdict(text.slice(start, i));
    if (verdict === 'lower') return false;
    if (verdict === 'counted') words++;
  }
  return words >= 4;
}
const LETTERS_ONLY = /^[^\p{L}]+|[^\p{L}]+$/gu;
const HAS_LOWER = /\p{Ll}/u;
const STARTS_LOWER = /^\p{Ll}/u;
const SPACE = /\s/;

function isSpaceAt(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  return c === 32 || (c >= 9 && c <= 13) || (c >= 128 && SPACE.test(text[i]!));
}

type WordVerdict = 'skipped' | 'counted' | 'lower';

/** A word as the title-case test reads it: its letters without what surrounds them ("(Reuters)" → Reuters). */
function wordVerdict(token: string): WordVerdict {
  const word = token.replace(LETTERS_ONLY, '');
  if (!HAS_LOWER.test(word) || SMALL_WORD.test(word)) return 'skipped';
  return word.length >= 4 && STARTS_LOWER.test(word) ? 'lower' : 'counted';
}

function asciiWordVerdict(text: string, start: number, end: number): WordVerdict {
  let first = start;
  while (first < end && !isAsciiLetter(text.charCodeAt(first))) first++;
  let last = end;
  while (last > first && !isAsciiLetter(text.charCodeAt(last - 1))) last--;
  let hasLower = false;
  for (let k = first; k < last && !hasLower; k++) {
    const c = text.charCodeAt(k);
    hasLower = c >= 97 && c <= 122;
  }
  if (!hasLower || (last - first <= 4 && SMALL_WORD.test(text.slice(first, last)))) return 'skipped';
  const c = text.charCodeAt(first);
  return last - first >= 4 && c >= 97 && c <= 122 ? 'lower' : 'counted';
}

/**
 * Names per sentence, in order: organisations (a product stands for its owner; media outlets
 * are sources, not parties), and persons, places, initiatives and owner-less products, which
 * some roles take (an angel investor, a government, a project).
 */
function collectNames(inputs: DealInputs): {
  parties: Map<number, PartyMention[]>;
  others: Map<number, SentenceName[]>;
} {
  const parties = new Map<number, PartyMention[]>();
  const others = new Map<number, SentenceName[]>();
  for (const entity of inputs.entities) {
    const entry = inputs.lexicon.entryNamed(entity.name);
    // a deal's own word ("JV", "Series C") stays a word the frames read
    if (NOT_A_PARTY.test(entity.name)) continue;
    const isMedia = !!entry?.roles?.includes('media');
    let name = entity.name;
    let isProvider = !!entry?.roles?.some((r) => r === 'cloud');
    const isOwned = entity.type !== 'org' && !!entry?.parent;
    if (isOwned) {
      name = entry!.parent!;
      isProvider = isProvider || !!inputs.lexicon.entryNamed(entry!.parent!)?.roles?.includes('cloud');
    }
    for (const m of entity.mentions) {
      const sentence = sentenceAt(inputs.sentences, m.blockIndex, m.proseStart);
      if (!sentence) continue;
      const start = m.proseStart - sentence.proseStart;
      const end = m.proseEnd - sentence.proseStart;
      if (isSourceNotParty(sentence.text, start, end, isMedia)) {
        // a source, not a party: neither a name a frame may take nor an unknown name
        pushTo(others, sentence.index, {
          party: { entityId: entity.id, name: entity.name, start, end, isProvider: false },
          type: 'source',
        });
      } else if (entity.type === 'org' || isOwned) {
        pushTo(parties, sentence.index, {
          entityId: entityId(name),
          name,
          start,
          end,
          isProvider,
          isViaProduct: entity.type !== 'org',
        });
      } else {
        pushTo(others, sentence.index, {
          party: { entityId: entity.id, name: entity.name, start, end, isProvider: false },
          type: entity.type,
        });
      }
    }
  }
  for (const list of parties.values()) list.sort((a, b) => a.start - b.start);
  return { parties, others };
}

/**
 * A cited source ("according to PitchBook") or an exchange before a ticker ("(NYSE: HLNX)"); a
 * media outlet that reports ("(Reuters)", "Bloomberg reported", "told the Financial Times") —
 * while one that signs a deal ("a licensing deal with the Financial Times") is a party.
 */
function isSourceNotParty(text: string, start: number, end: number, isMedia: boolean): boolean {
  const before = text.slice(Math.max(0, start - 24), start);
  const after = text.slice(end, end + 24);
  if (/according to\s+(?:the\s+)?$/i.test(before) || (text[start - 1] === '(' && /^\s?:/.test(after))) return true;
  if (!isMedia) return false;
  return (
    /\(\s*$/.test(before) ||
    (/\b(?:told|to|by|in|citing|from|with|on)\s+(?:the\s+)?$/i.test(before) &&
      !/\bwith\s+(?:the\s+)?$/i.test(before)) ||
    /^(?:['’]s)?\s+(?:reported|reports|said|says|wrote|first reported|cited|citing|reporting|was first|earlier)\b/i.test(
      after,
    ) ||
    /^\s*\)/.test(after) ||
    /^,\s*(?:citing|which|reported)/i.test(after)
  );
}

/** "Jan" → "2025-01" from the nearest earlier year; no date → the dateline, inferred. */
function completeDate(
  date: string | null,
  sentence: Sentence,
  inputs: DateContext,
): { date: string | null; isDateInferred: boolean } {
  if (date && /^\d{4}/.test(date)) return { date: date.slice(0, 10), isDateInferred: false };
  if (date && date.startsWith('FY')) return { date: date.slice(2, 6), isDateInferred: true };
  if (date && /^--\d\d/.test(date)) {
    const year = yearBefore(sentence, inputs);
    return year ? { date: `${year}-${date.slice(2)}`, isDateInferred: true } : { date: null, isDateInferred: false };
  }
  return inputs.dateline ? { date: inputs.dateline, isDateInferred: true } : { date: null, isDateInferred: false };
}

/** The year of the nearest earlier date with a month ("January 20, 2025"), else of the dateline. */
function yearBefore(sentence: Sentence, inputs: DateContext): string | undefined {
  const dated = inputs.monthDates;
  let lo = 0;
  let hi = dated.length - 1;
  let best: FigureLike | undefined;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (dated[mid]!.start < sentence.start) {
      best = dated[mid];
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return best ? (best.value as string).slice(0, 4) : inputs.dateline?.slice(0, 4);
}

export { dealId };
