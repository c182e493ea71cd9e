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
}

const LABEL = /^[^:.!?]{1,40}:\s/;
const LOOK_BACK_SENTENCES = 15;

export function dealsOfSentences(inputs: DealInputs): Deal[] {
  const { sentences } = inputs;
  const partiesBySentence = collectParties(inputs);
  const figuresBySentence = new Map<number, FigureLike[]>();
  for (const figure of inputs.figures) figuresBySentence.set(figure.sentenceIndex, [...(figuresBySentence.get(figure.sentenceIndex) ?? []), figure]);
  const found: Deal[] = [];
  for (const sentence of sentences) {
    // a cited source ("according to PitchBook") or an exchange before a ticker ("(NYSE: HLNX)") is not a party
    const parties = (partiesBySentence.get(sentence.index) ?? []).filter((p) =>
      !/according to\s+(?:the\s+)?$/i.test(sentence.text.slice(Math.max(0, p.start - 20), p.start)) && !(sentence.text[p.start - 1] === '(' && /^\s?:/.test(sentence.text.slice(p.end, p.end + 2))));
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
    const inferParty = (exclude: ReadonlySet<string>) => leadInParty(sentence.index, sentences, partiesBySentence, exclude);
    const sentenceDeals = dealsInSentence({ text: sentence.text, parties, amounts, dates, inferParty });
    if (sentenceDeals.length === 0 && attachValue(found, sentence, amounts)) continue;
    for (const deal of sentenceDeals) {
      const date = completeDate(deal.date, sentence, inputs);
      const partyIds = deal.parties.map((p) => p.entityId);
      found.push({
        id: dealId(deal.kind, partyIds, deal.value, date.date),
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

/** "The agreement is valued at about $3.4 billion": the amount of the deal just stated. */
const BACK_REFERENCE = /^(?:The|This|That) (?:agreement|deal|contract|pact|transaction|partnership|acquisition|purchase|investment|round|commitment|arrangement)\b[^.]{0,60}\b(?:valued|worth|priced|totals?|totalling|totaling|is|was)\b/i;

function attachValue(found: Deal[], sentence: Sentence, amounts: readonly AmountMention[]): boolean {
  const last = found[found.length - 1];
  const amount = amounts[0];
  if (!last || !amount || last.value !== null || !BACK_REFERENCE.test(sentence.text)) return false;
  if (last.mentions[last.mentions.length - 1]!.sentenceIndex < sentence.index - 2) return false;
  const value = Array.isArray(amount.value) ? amount.value[1] : amount.value;
  const mention = { sentenceIndex: sentence.index, start: sentence.start, end: sentence.end, sentence: sentence.text, value, currency: amount.currency, date: last.date };
  found[found.length - 1] = { ...last, value, currency: amount.currency, id: dealId(last.kind, last.partyIds, value, last.date), mentions: [...last.mentions, mention] };
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
      if (!sentence) continue;
      const party: PartyMention = { entityId: entityId(name), name, start: m.proseStart - sentence.proseStart, end: m.proseEnd - sentence.proseStart, isProvider };
      out.set(sentence.index, [...(out.get(sentence.index) ?? []), party]);
    }
  }
  for (const list of out.values()) list.sort((a, b) => a.start - b.start);
  return out;
}

/**
 * The party a lead-in names: walking back over sibling items ("Oracle: …", "Jul: …") and
 * sentences without organisations, the first organisation of the nearest other sentence.
 */
function leadInParty(index: number, sentences: readonly Sentence[], parties: Map<number, PartyMention[]>, exclude: ReadonlySet<string>): PartyMention | undefined {
  for (let k = index - 1; k >= 0 && k >= index - LOOK_BACK_SENTENCES; k--) {
    if (LABEL.test(sentences[k]!.text)) continue;
    const candidate = (parties.get(k) ?? []).find((p) => !exclude.has(p.entityId));
    if (candidate) return candidate;
  }
  return undefined;
}

/** "Jan" → "2025-01" from the nearest earlier year; no date → the dateline, inferred. */
function completeDate(date: string | null, sentence: Sentence, inputs: DealInputs): { date: string | null; isDateInferred: boolean } {
  if (date && /^\d{4}/.test(date)) return { date: date.slice(0, 10), isDateInferred: false };
  if (date && date.startsWith('FY')) return { date: date.slice(2, 6), isDateInferred: true };
  if (date && /^--\d\d/.test(date)) {
    const year = yearBefore(sentence, inputs);
    return year ? { date: `${year}-${date.slice(2)}`, isDateInferred: true } : { date: null, isDateInferred: false };
  }
  return inputs.dateline ? { date: inputs.dateline, isDateInferred: true } : { date: null, isDateInferred: false };
}

/** The year of the nearest earlier date with a month ("January 20, 2025"), else of the dateline. */
function yearBefore(sentence: Sentence, inputs: DealInputs): string | undefined {
  let best: FigureLike | undefined;
  for (const figure of inputs.figures) {
    if (figure.kind !== 'date' || typeof figure.value !== 'string' || !/^\d{4}-\d\d/.test(figure.value)) continue;
    if (figure.start < sentence.start && (!best || figure.start > best.start)) best = figure;
  }
  return best ? (best.value as string).slice(0, 4) : inputs.dateline?.slice(0, 4);
}
