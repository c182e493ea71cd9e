/**
 * The fallback for kind nouns no frame read ("Oracle: Five-year agreement worth $300 billion",
 * "a cloud contract valued at $22.4 billion"): the parties of the noun's clause — the two
 * nearest the noun, or all of them for rounds and joint ventures — or, in a list item that
 * names one party, the other from its lead-in. Also the clause helpers the frames share.
 */
import type { DealKind, KindSignal } from './kinds';
import type { AmountMention, PartyMention, SentenceDeal, SentenceDealInput } from './sentenceDeals';
import { BACK_REFERENCE_OPENER } from './backReferences';
import { statusOf } from './status';
import { matchesOf } from '../../regexParts';

const LABEL = /^[^:.!?]{1,40}:\s/;
/** A list item that opens with a verb; a word in -ed before a capitalised one opens a name ("Lockheed Martin"). */
const VERB_FIRST = /^(?:[A-Z][a-z]+ed\b(?!\s+\p{Lu})|(?:Bought|Signed|Won|Sold|Took|Led|Raised|Paid|Spent|Struck)\b)/u;
const IMPLICIT_SUBJECT = /^(?:It|It’s|It's|They|They’ve|They've|The company|The firm|The startup)\b/;
/** "acquire a 10% stake": buying a minority stake is an equity stake, not an acquisition. */
const MINORITY_STAKE =
  /\b(?:acquir\w*|buy\w*|bought|purchas\w*|take|took|takes)\s+(?:an?\s+)?(?:[\d.]+\s?%|\w+)?\s*(?:minority\s+)?stake\b/i;
/** Amounts that are not a deal's value: a company's valuation, revenue, a per-share price. */
const NOT_DEAL_VALUE_BEFORE =
  /(?:(?:valuation|valued the company|valu(?:ing|es)\s(?!(?:the|a|an)\s(?:deal|transaction|acquisition|takeover|offer|bid|agreement|merger|purchase)\b)(?:\w+\s){0,3}at|market (?:cap\w*|value)|per share|cash and|losses? of|loss of|profits? of)\W*(?:\w+\W+){0,3}|(?:revenues?|sales|turnover)\W+(?:(?:of|was|were|is|are|rose|fell|grew|jumped|dropped|reached|hit|totall?ed|to|at|about|around|nearly|some|approximately|by)\W+){0,3})$/i;
const NOT_DEAL_VALUE_AFTER =
  /^\S*\s*(?:\w+\s){0,2}?(?:valuation|per share|a share|each\b|in (?:annual )?(?:revenue|sales)|in cash (?:reserves|and short-term)|post-money|pre-money)/i;
/** Dates that end something rather than date it: "through 2032", "by 2030". */
export const END_DATE = /\b(?:through|until|till|to|by|before|thru)\s+(?:the end of\s+|end of\s+)?$/i;
/** A partnership without an amount counts only when an act is reported, not a relationship described. */
export const ACT =
  /\b(?:sign(?:s|ed)?|announc(?:e|es|ed)|unveil(?:s|ed)?|struck|strikes|form(?:s|ed)?|enter(?:s|ed)|launch(?:es|ed)?|ink(?:s|ed)?|agree(?:s|d)?|clinch(?:es|ed)?|seal(?:s|ed)?|expand(?:s|ed)?|extend(?:s|ed)?|renew(?:s|ed)?|deepen(?:s|ed)?)\b/i;
/** Clause boundaries: dashes, semicolons, ", but", ", while". */
const CLAUSE_BREAK = /\s[—–]\s|;\s|,\s(?:but|while|whereas|although)\s/g;
/** "The acquisition …", "This deal …" at the start of a sentence: a deal already told. */
const BACK_REFERENCE =
  /^(?:The|This|That) (?:\w+ )?(?:acquisition|deal|agreement|investment|partnership|purchase|transaction|merger|takeover)\b/;
/** How far from a deal's words its date may stand (characters). */
const NEAR = 80;
const PRIORITY: readonly DealKind[] = [
  'acquisition',
  'merger',
  'revenue-share',
  'licensing',
  'joint-venture',
  'funding-round',
  'investment',
  'equity-stake',
  'supply-agreement',
  'compute-contract',
  'cloud-contract',
  'partnership',
];

export interface NounDealInput extends SentenceDealInput {
  readonly signals: readonly KindSignal[];
  /** Amounts the frames' deals took. */
  readonly takenAmounts: ReadonlySet<AmountMention>;
  /** A frame already read a deal in the sentence: a bare "deal" or "agreement" names that one. */
  readonly hasFrameDeal: boolean;
}

export function nounDeals(input: NounDealInput): SentenceDeal[] {
  const clauses = clausesOf(input.text);
  const signals = input.signals.filter((s) => !isReference(input, s));
  const { chosen, providerDeal } = chooseKinds(signals, input.text, input.hasFrameDeal, input.parties);
  const amountOf = assignAmounts(chosen, input, clauses);
  const out: SentenceDeal[] = [];
  for (const signal of chosen) {
    const clause = clauseAt(clauses, signal.index);
    const inClause = dedupe(input.parties.filter((p) => p.start >= clause.start && p.start < clause.end));
    let resolved = resolveParties(signal, inClause, input, clause.start === 0);
    if (!resolved) continue;
    if (signal === providerDeal?.signal) {
      // the cloud named before the noun is the provider, whichever of its names the clause used first
      const provider = providerDeal.provider.entityId;
      if (!resolved.parties.some((p) => p.entityId === provider)) continue;
      resolved = {
        ...resolved,
        parties: resolved.parties.map((p) => (p.entityId === provider ? { ...p, isProvider: true } : p)),
      };
    }
    let kind: DealKind =
      signal.kind === 'partnership' && resolved.parties.some((p) => p.isProvider) ? 'cloud-contract' : signal.kind;
    if (kind === 'acquisition' && MINORITY_STAKE.test(input.text) && !/\b(?:controlling|majority)\b/i.test(input.text))
      kind = 'equity-stake';
    const amount = amountOf.get(signal);
    // a partnership or stake named with no amount counts when an act is reported or a list item states
    // it, not when a relationship is described ("Microsoft's economic stake remains enormous")
    if (
      (kind === 'partnership' || kind === 'equity-stake') &&
      !amount &&
      !ACT.test(input.text) &&
      !LABEL.test(input.text) &&
      !VERB_FIRST.test(input.text)
    )
      continue;
    const verdict = statusOf(input.text.slice(clause.start, clause.end), input.text, undefined, undefined);
    if (verdict === 'denied' || verdict === 'hypothetical') continue;
    const dates = input.dates.filter(
      (d) =>
        !END_DATE.test(input.text.slice(Math.max(0, d.start - 20), d.start)) &&
        Math.abs(d.start - signal.index) <= NEAR,
    );
    const date = nearest(dates, signal.index)?.value ?? null;
    const value = amount ? (Array.isArray(amount.value) ? amount.value[1] : amount.value) : null;
    for (const parties of splitProviders(kind, resolved.parties)) {
      out.push({
        kind,
        parties: orderParties(kind, parties, input.text),
        value,
        currency: amount?.currency ?? null,
        date,
        isPartyInferred: resolved.isInferred,
        status: verdict,
        frameId: `noun/${signal.kind}`,
        start: signal.index,
        end: signal.end,
      });
    }
  }
  return out;
}

/**
 * "before the acquisition", "a motive for the deal": a definite noun with no name, amount or year
 * of its own and no "of"/"with" after it refers to a deal already told.
 */
function isReference(input: NounDealInput, signal: KindSignal): boolean {
  const before = /\b(?:the|this|that)\s+(?:[a-z-]+\s+){0,2}$/i.exec(
    input.text.slice(Math.max(0, signal.index - 40), signal.index),
  );
  if (!before) return false;
  const phraseStart = signal.index - before[0].length;
  const inPhrase = (at: number) => at >= phraseStart && at < signal.end;
  if (
    input.parties.some((p) => inPhrase(p.start)) ||
    input.amounts.some((a) => inPhrase(a.start)) ||
    input.dates.some((d) => inPhrase(d.start))
  )
    return false;
  return !/^\s+(?:of|with|between|by|for|to|from)\b/i.test(input.text.slice(signal.end, signal.end + 10));
}

/** An amount that is a valuation, revenue, a per-share price or cash on hand, not what a deal is worth. */
export function isNotDealValue(text: string, amount: AmountMention): boolean {
  const after = text.slice(amount.end ?? amount.start, (amount.end ?? amount.start) + 40);
  return (
    NOT_DEAL_VALUE_BEFORE.test(text.slice(Math.max(0, amount.start - 40), amount.start)) ||
    NOT_DEAL_VALUE_AFTER.test(after)
  );
}

/**
 * Each amount goes to the nearest signal that may take it — one in the same clause, else one
 * in the same statement (a semicolon ends one) — closest pairs first.
 */
function assignAmounts(
  signals: readonly KindSignal[],
  input: NounDealInput,
  clauses: ReadonlyArray<{ start: number; end: number }>,
): Map<KindSignal, AmountMention> {
  const amounts = input.amounts.filter(
    (a) => !input.takenAmounts.has(a) && !isNotDealValue(input.text, a) && !isEquivalent(input.text, a),
  );
  const pairs: Array<{ signal: KindSignal; amount: AmountMention; cost: number }> = [];
  for (const signal of signals) {
    const clause = clauseAt(clauses, signal.index);
    const segment = segmentAround(input.text, signal.index);
    for (const amount of amounts) {
      const inClause = amount.start >= clause.start && amount.start < clause.end;
      const inSegment = amount.start >= segment.start && amount.start < segment.end;
      if (!inSegment) continue;
      pairs.push({ signal, amount, cost: Math.abs(amount.start - signal.index) + (inClause ? 0 : 10_000) });
    }
  }
  pairs.sort((a, b) => a.cost - b.cost);
  const out = new Map<KindSignal, AmountMention>();
  const used = new Set<AmountMention>();
  for (const { signal, amount } of pairs) {
    if (out.has(signal) || used.has(amount)) continue;
    out.set(signal, amount);
    used.add(amount);
  }
  return out;
}

/** "€4.2 billion ($4.9 billion)": the amount in parentheses restates the one before it. */
export function isEquivalent(text: string, amount: AmountMention): boolean {
  return /\d[^()]{0,20}\(\s*(?:about |approximately |roughly |~)?$/.test(
    text.slice(Math.max(0, amount.start - 30), amount.start),
  );
}

export function clauseAt(
  clauses: ReadonlyArray<{ start: number; end: number }>,
  index: number,
): { start: number; end: number } {
  return clauses.find((c) => index >= c.start && index < c.end) ?? clauses[clauses.length - 1]!;
}

function resolveParties(
  signal: KindSignal,
  inClause: PartyMention[],
  input: NounDealInput,
  isFirstClause: boolean,
): { parties: PartyMention[]; isInferred: boolean } | undefined {
  let parties = inClause;
  const compound = compoundPair(parties, input.text);
  if (compound) parties = compound;
  else if (parties.length > 2 && signal.kind !== 'funding-round' && signal.kind !== 'joint-venture') {
    // "OpenAI's new AWS deal includes …, giving AWS an answer to Anthropic": the parties before the signal
    const before = parties.filter((p) => p.end <= signal.index);
    parties = nearestTwo(before.length >= 2 && signal.kind !== 'acquisition' ? before : parties, signal);
  }
  const allProviders = parties.length >= 2 && parties.every((p) => p.isProvider && !p.isViaProduct);
  const mayInfer =
    isFirstClause &&
    (LABEL.test(input.text) ||
      VERB_FIRST.test(input.text) ||
      IMPLICIT_SUBJECT.test(input.text) ||
      BACK_REFERENCE_OPENER.test(input.text));
  if ((parties.length === 1 || allProviders) && mayInfer) {
    const inferred = input.inferParty(new Set(parties.map((p) => p.entityId)), {
      kind: signal.kind,
      role: 'other',
      isImplicit: true,
    });
    if (inferred)
      return {
        parties: [{ ...inferred, start: -1, end: -1, isProvider: inferred.isProvider }, ...parties],
        isInferred: true,
      };
  }
  return parties.length >= 2 ? { parties, isInferred: false } : undefined;
}

/** "the AWS–OpenAI deal", "Microsoft/OpenAI": two parties joined by a dash are the deal's parties. */
function compoundPair(parties: readonly PartyMention[], text: string): PartyMention[] | undefined {
  for (let i = 0; i + 1 < parties.length; i++) {
    const a = parties[i]!;
    const b = parties[i + 1]!;
    if (a.start >= 0 && /^[–—\-/]$/.test(text.slice(a.end, b.start))) return [a, b];
  }
  return undefined;
}

function nearestTwo(parties: readonly PartyMention[], signal: KindSignal): PartyMention[] {
  const distance = (p: PartyMention) =>
    p.start >= signal.end ? p.start - signal.end : p.end <= signal.index ? signal.index - p.end : 0;
  return [...parties]
    .sort((a, b) => distance(a) - distance(b))
    .slice(0, 2)
    .sort((a, b) => a.start - b.start);
}

/** "cloud contracts with Oracle and CoreWeave": one deal per provider for the one customer. */
function splitProviders(kind: DealKind, parties: readonly PartyMention[]): PartyMention[][] {
  const customers = parties.filter((p) => !p.isProvider);
  const providers = parties.filter((p) => p.isProvider);
  if (kind !== 'cloud-contract' || customers.length !== 1 || providers.length < 2) return [[...parties]];
  return providers.map((provider) => [customers[0]!, provider]);
}

function segmentAround(text: string, index: number): { start: number; end: number } {
  const before = text.lastIndexOf(';', index);
  const after = text.indexOf(';', index);
  return { start: before + 1, end: after < 0 ? text.length : after };
}

export function clausesOf(text: string): Array<{ start: number; end: number }> {
  const clauses: Array<{ start: number; end: number }> = [];
  let start = 0;
  for (const match of matchesOf(CLAUSE_BREAK, text)) {
    clauses.push({ start, end: match.index });
    start = match.index + match[0].length;
  }
  clauses.push({ start, end: text.length });
  return clauses;
}

/**
 * One deal per distinct strong kind, at its first signal — except a signal that refers back
 * to a deal already told ("The acquisition sharpens …, which agreed to buy Neon"); a
 * "partnership" only when nothing more specific is said, and not at all when a frame read a
 * deal in the sentence (its "deal" is that one).
 */
function chooseKinds(
  signals: readonly KindSignal[],
  text: string,
  hasFrameDeal: boolean,
  parties: readonly PartyMention[],
): { chosen: KindSignal[]; providerDeal: { signal: KindSignal; provider: PartyMention } | undefined } {
  const backReference = BACK_REFERENCE.exec(text);
  const byKind = new Map<DealKind, KindSignal>();
  // "an exclusive Azure deal", "OpenAI's new AWS contract": a deal named by its cloud is an
  // agreement of its own, never a loose retelling of the investment beside it
  let providerDeal: { signal: KindSignal; provider: PartyMention } | undefined;
  for (const signal of signals) {
    if (signal.kind !== 'partnership' || providerDeal) continue;
    const provider = parties.find(
      (p) => p.isProvider && p.end <= signal.index && /^\s?$/.test(text.slice(p.end, signal.index)),
    );
    if (provider) providerDeal = { signal, provider };
  }
  for (const signal of signals) {
    if (
      backReference &&
      signal.index < backReference[0].length &&
      signals.some((s) => s.kind === signal.kind && s.index >= backReference[0].length)
    )
      continue;
    if (!byKind.has(signal.kind)) byKind.set(signal.kind, signal);
  }
  if (byKind.has('investment')) byKind.delete('equity-stake');
  if (byKind.has('acquisition')) {
    byKind.delete('equity-stake');
    byKind.delete('investment');
  }
  if (byKind.has('funding-round')) byKind.delete('investment');
  if (byKind.size > 1 || hasFrameDeal) byKind.delete('partnership');
  const chosen = [...byKind.values()].sort((a, b) => PRIORITY.indexOf(a.kind) - PRIORITY.indexOf(b.kind)).slice(0, 2);
  if (providerDeal && !chosen.includes(providerDeal.signal)) chosen.push(providerDeal.signal);
  return { chosen, providerDeal };
}

export function nearest<T extends { start: number }>(items: readonly T[], index: number): T | undefined {
  let best: T | undefined;
  for (const item of items) if (!best || Math.abs(item.start - index) < Math.abs(best.start - index)) best = item;
  return best;
}

function dedupe(parties: readonly PartyMention[]): PartyMention[] {
  const seen = new Set<string>();
  return parties.filter((p) => !seen.has(p.entityId) && seen.add(p.entityId));
}

/**
 * Role order: the customer before its provider, the acquirer and investor before the
 * target; a passive "acquired by X" or "from X" puts X in its place.
 */
export function orderParties(kind: DealKind, parties: readonly PartyMention[], text: string): PartyMention[] {
  const ordered = [...parties];
  const isAfter = (p: PartyMention, words: RegExp) =>
    p.start > 0 && words.test(text.slice(Math.max(0, p.start - 12), p.start));
  if (kind === 'cloud-contract' || kind === 'compute-contract' || kind === 'supply-agreement') {
    ordered.sort(
      (a, b) =>
        Number(a.isProvider) - Number(b.isProvider) ||
        Number(isAfter(a, /\b(from|with|on)\s+$/)) - Number(isAfter(b, /\b(from|with|on)\s+$/)),
    );
  } else if (
    kind === 'acquisition' ||
    kind === 'investment' ||
    kind === 'equity-stake' ||
    kind === 'revenue-share' ||
    kind === 'licensing'
  ) {
    // "Nvidia: joint plan to invest …": the party that labels the item is its subject
    const label = ordered.find((p) => p.start === 0 && /^\s*:/.test(text.slice(p.end)));
    if (label) ordered.sort((a, b) => Number(b === label) - Number(a === label));
    const passive = ordered.find((p) => isAfter(p, /\bby\s+$/));
    if (passive) ordered.sort((a, b) => Number(b === passive) - Number(a === passive));
    const target = ordered.find((p) => isAfter(p, /\b(?:in|into|of)\s+$/));
    if (target) ordered.sort((a, b) => Number(a === target) - Number(b === target));
  }
  return ordered;
}
