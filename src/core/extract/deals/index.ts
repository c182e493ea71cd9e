/**
 * Deals of one article: each sentence's deals (see sentenceDeals.ts) with its parties as
 * canonical entities, year-less dates completed from context, the dateline as the date of
 * last resort (marked inferred), then merged so one agreement is one deal.
 */
import type { Sentence } from '../../parse/sentenceIndex';
import { sentenceAt } from '../../parse/sentenceIndex';
import type { Entity } from '../entities/index';
import { entityId } from '../entities/index';
import type { Lexicon } from '../entities/lexicon';
import type { FigureKind, FigureValue } from '../figures/figure';
import { dealId, type Deal } from './deal';
import { pushTo } from '../../collections';
import { kindSignals, type KindSignal } from './kinds';
import type { AnalysisCache } from '../../analysisCache';
import { mergeDeals } from './merge';
import { dealsInSentence, type AmountMention, type PartyMention } from './sentenceDeals';

interface FigureLike {
  readonly kind: FigureKind;
  readonly value: FigureValue;
  readonly unit: string | null;
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
  readonly cache?: AnalysisCache;
}

interface DateContext extends DealInputs {
  /** Dates with at least a month, by position: context for year-less dates. */
  readonly monthDates: readonly FigureLike[];
}

const LABEL = /^[^:.!?]{1,40}:\s/;
const LOOK_BACK_SENTENCES = 15;

export function dealsOfSentences(inputs: DealInputs): Deal[] {
  const { sentences } = inputs;
  const monthDates = inputs.figures.filter((f) => f.kind === 'date' && typeof f.value === 'string' && /^\d{4}-\d\d/.test(f.value)).sort((a, b) => a.start - b.start);
  const context = { ...inputs, monthDates };
  const partiesBySentence = collectParties(inputs);
  // a lead-in party must be salient: known to the lexicon, or named more than once
  const salient = new Set(inputs.entities.filter((e) => e.isFromLexicon || e.mentions.length >= 2).map((e) => e.id));
  const figuresBySentence = new Map<number, FigureLike[]>();
  for (const figure of inputs.figures) pushTo(figuresBySentence, figure.sentenceIndex, figure);
  const found: Deal[] = [];
  for (const sentence of sentences) {
    const parties = partiesBySentence.get(sentence.index) ?? [];
    // a heading names a topic ("Microsoft Agreement & Corporate Restructuring"), not a deal
    if (sentence.blockKind === 'heading') continue;
    const own = figuresBySentence.get(sentence.index) ?? [];
    const amounts: AmountMention[] = own
      .filter((f) => f.kind === 'money' && f.unit)
      .map((f) => ({ value: f.value as number | [number, number], currency: f.unit!, start: f.sentenceOffset, qualifier: f.qualifier }));
    const dates = own.filter((f) => f.kind === 'date' && typeof f.value === 'string').map((f) => ({ value: f.value as string, start: f.sentenceOffset }));
    if (parties.length === 0) {
      attachValue(found, sentence, amounts);
      continue;
    }
    const inferParty = (exclude: ReadonlySet<string>) => leadInParty(sentence.index, sentences, partiesBySentence, exclude, salient);
    const sentenceDeals = dealsInSentence({ text: sentence.text, parties, amounts, dates, inferParty, signals: signalsOf(sentence.text, inputs.cache) });
    if (sentenceDeals.length === 0 && attachValue(found, sentence, amounts)) continue;
    for (const deal of sentenceDeals) {
      const date = completeDate(deal.date, sentence, context);
      const partyIds = deal.parties.map((p) => p.entityId);
      found.push({
        id: dealId(deal.kind, partyIds, deal.value, deal.currency, date.date),
        parties: deal.parties.map((p) => p.name),
        partyIds,
        kind: deal.kind,
        value: deal.value,
        currency: deal.currency,
        date: date.date,
        isDateInferred: date.isDateInferred,
        isPartyInferred: deal.isPartyInferred,
        mentions: [{ sentenceIndex: sentence.index, start: sentence.start, end: sentence.end, sentence: sentence.text, value: deal.value, currency: deal.currency, date: date.date }],
      });
    }
  }
  return mergeDeals(found);
}

function signalsOf(text: string, cache: AnalysisCache | undefined): readonly KindSignal[] {
  let signals = cache?.signals.get(text);
  if (!signals) {
    signals = kindSignals(text);
    cache?.signals.set(text, signals);
  }
  return signals;
}

/** "The agreement is valued at about $3.4 billion": the amount of the deal just stated. */
const BACK_REFERENCE = /^(?:The|This|That) (?:agreement|deal|contract|pact|transaction|partnership|acquisition|purchase|investment|round|commitment|arrangement)\b[^.]{0,60}\b(?:valued|worth|priced|totals?|totalling|totaling|is|was)\b/i;

function attachValue(found: Deal[], sentence: Sentence, amounts: readonly AmountMention[]): boolean {
  const last = found[found.length - 1];
  const amount = amounts[0];
  if (!last || !amount || last.value !== null || !BACK_REFERENCE.test(sentence.text)) return false;
  if (last.mentions[last.mentions.length - 1]!.sentenceIndex < sentence.index - 2) return false;
  const value = Array.isArray(amount.value) ? amount.value[1] : amount.value;
  const mention = { sentenceIndex: sentence.index, start: sentence.start, end: sentence.end, sentence: sentence.text, value, currency: amount.currency, date: last.date };
  found[found.length - 1] = { ...last, value, currency: amount.currency, id: dealId(last.kind, last.partyIds, value, amount.currency, last.date), mentions: [...last.mentions, mention] };
  return true;
}

/** Organisations per sentence, in order; a product stands for its owner; media outlets are sources, not parties. */
function collectParties(inputs: DealInputs): Map<number, PartyMention[]> {
  const out = new Map<number, PartyMention[]>();
  for (const entity of inputs.entities) {
    const entry = inputs.lexicon.entryNamed(entity.name);
    if (entry?.roles?.includes('media')) continue;
    let name = entity.name;
    let isProvider = !!entry?.roles?.some((r) => r === 'cloud');
    if (entity.type !== 'org') {
      if (!entry?.parent) continue;
      name = entry.parent;
      isProvider = isProvider || !!inputs.lexicon.entryNamed(entry.parent)?.roles?.includes('cloud');
    }
    for (const m of entity.mentions) {
      const sentence = sentenceAt(inputs.sentences, m.blockIndex, m.proseStart);
      if (!sentence || isSourceNotParty(sentence.text, m.proseStart - sentence.proseStart, m.proseEnd - sentence.proseStart)) continue;
      const party: PartyMention = { entityId: entityId(name), name, start: m.proseStart - sentence.proseStart, end: m.proseEnd - sentence.proseStart, isProvider, isViaProduct: entity.type !== 'org' };
      pushTo(out, sentence.index, party);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/** A cited source ("according to PitchBook") or an exchange before a ticker ("(NYSE: HLNX)"). */
function isSourceNotParty(text: string, start: number, end: number): boolean {
  return /according to\s+(?:the\s+)?$/i.test(text.slice(Math.max(0, start - 20), start)) || (text[start - 1] === '(' && /^\s?:/.test(text.slice(end, end + 2)));
}

/** A sibling in a list of dated or per-party items: "Oct: 6 GW deal with AMD", "Oracle: …". */
function isSiblingItem(text: string, parties: readonly PartyMention[]): boolean {
  const label = LABEL.exec(text)?.[0];
  if (!label) return false;
  const isDateLabel = /^(?:\*\*)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*(?:\d{1,2}(?:,\s*\d{4})?|\d{4})?\s*:\s$|^(?:Q[1-4]\s*)?\d{4}\s*:\s$/i.test(label);
  const isPartyLabel = parties.some((p) => p.start === 0 && /^\s*:/.test(text.slice(p.end)));
  return isDateLabel || isPartyLabel;
}

/**
 * The party a lead-in names: walking back over sibling items ("Oracle: …", "Jul: …") and
 * sentences without organisations, the first organisation of the nearest other sentence.
 */
function leadInParty(index: number, sentences: readonly Sentence[], parties: Map<number, PartyMention[]>, exclude: ReadonlySet<string>, salient: ReadonlySet<string>): PartyMention | undefined {
  for (let k = index - 1; k >= 0 && k >= index - LOOK_BACK_SENTENCES; k--) {
    if (isSiblingItem(sentences[k]!.text, parties.get(k) ?? [])) continue;
    const candidate = (parties.get(k) ?? []).find((p) => !exclude.has(p.entityId) && (salient.has(p.entityId) || !!p.isViaProduct));
    if (candidate) return candidate;
  }
  return undefined;
}

/** "Jan" → "2025-01" from the nearest earlier year; no date → the dateline, inferred. */
function completeDate(date: string | null, sentence: Sentence, inputs: DateContext): { date: string | null; isDateInferred: boolean } {
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
