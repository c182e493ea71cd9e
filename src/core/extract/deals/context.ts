/**
 * What only the article as a whole tells of its deals:
 * - the party for a role a sentence leaves to context: the deal or round it refers back to
 *   ("As part of the agreement, Meridian will acquire a 10% stake …", "The round gives ASML an
 *   11% stake"), the round an investor puts money in ("Microsoft is investing $95 million"),
 *   else the lead-in (the first salient organisation of the nearest earlier sentence);
 * - a later sentence about the deal just told: its value ("The agreement is valued at about
 *   $3.4 billion"), its status ("The deal is expected to close in the first half of 2025"),
 *   the round's other investors ("The round also saw participation from …");
 * - one transaction told in parts: a round told twice is one; investors' parts of a round join
 *   the round; a deal the text then calls "the joint venture" is one.
 */
import type { Sentence } from '../../parse/sentenceIndex';
import { dealId, type Deal, type DealMention } from './deal';
import {
  hasImplicitSubject,
  type AmountMention,
  type PartyMention,
  type PartyNeed,
  type SentenceDeal,
} from './sentenceDeals';
import { BACK_REFERENCE_OPENER, DEAL_BACK_REFERENCE, ROUND_BACK_REFERENCE } from './backReferences';
import { latestStatus, statusCue } from './status';
import { shapeSentence, type SentenceName } from './shape';
import { roundInvestors } from './roundInvestors';

const LABEL = /^[^:.!?]{1,40}:\s/;
const LOOK_BACK_SENTENCES = 15;
/** How far a later sentence may be from the deal it goes on about. */
const FOLLOW_UP_SENTENCES = 3;
/** How far a deal may be from a later one of its kind that leaves a role out. */
const SAME_KIND_SENTENCES = 8;
/** How far an investor's part may be from its round. */
const ROUND_REACH_SENTENCES = 6;
/** "The agreement is valued at about $3.4 billion": the amount of the deal just stated. */
const VALUE_BACK_REFERENCE =
  /^(?:The|This|That) (?:agreement|deal|contract|pact|transaction|partnership|acquisition|purchase|investment|round|commitment|arrangement|merger)\b[^.]{0,60}\b(?:valued|worth|priced|totals?|totalling|totaling|is|was)\b/i;
/** A sentence about a deal: it names one ("the deal", "the transaction", "the merger"). */
const NAMES_A_DEAL =
  /\b(?:the|this|that|its) (?:[\w.–-]+\s)?(?:deal|transaction|acquisition|merger|agreement|sale|purchase|takeover|combination|tie-up|round|plan|offer|bid)\b/i;
const JOINT_VENTURE_REFERENCE = /\b(?:the|this|that) (?:new\s)?joint[- ]venture\b/i;

interface Entry {
  deal: Deal;
  readonly sentenceIndex: number;
}

export class DocumentDeals {
  private readonly entries: Entry[] = [];
  /** A sentence's names no lexicon knows, found when first asked for (see unknownNames). */
  private readonly namesBySentence = new Map<number, () => readonly PartyMention[]>();
  /** Sentences that call a deal "the joint venture", by index. */
  private readonly jointVentureReferences: Array<{ sentenceIndex: number; partyIds: readonly string[] }> = [];

  /** The organisation "we" stands for: the most named one (the first on a tie). */
  private readonly writer: PartyMention | undefined;

  constructor(
    private readonly sentences: readonly Sentence[],
    private readonly partiesBySentence: ReadonlyMap<number, readonly PartyMention[]>,
    private readonly salient: ReadonlySet<string>,
  ) {
    const counts = new Map<string, { party: PartyMention; count: number }>();
    for (const parties of partiesBySentence.values())
      for (const p of parties) {
        if (p.isViaProduct) continue;
        const entry = counts.get(p.entityId) ?? { party: p, count: 0 };
        entry.count++;
        counts.set(p.entityId, entry);
      }
    let best: { party: PartyMention; count: number } | undefined;
    for (const entry of counts.values()) if (!best || entry.count > best.count) best = entry;
    this.writer = best && { ...best.party, start: -1, end: -1 };
  }

  /** The party a role left to context takes (see the header), or undefined. */
  inferParty(sentence: Sentence, exclude: ReadonlySet<string>, need?: PartyNeed): PartyMention | undefined {
    if (need?.isFirstPerson || need?.isSubjectOfArticle)
      return this.writer && !exclude.has(this.writer.entityId) ? this.writer : undefined;
    const last = this.last(sentence.index, FOLLOW_UP_SENTENCES);
    const refersBack =
      BACK_REFERENCE_OPENER.test(sentence.text) ||
      ROUND_BACK_REFERENCE.test(sentence.text) ||
      DEAL_BACK_REFERENCE.test(sentence.text);
    if (refersBack && last) {
      const party = partyOfDeal(last.deal, exclude);
      if (party) return party;
    }
    const isListed = LABEL.test(sentence.text) || hasImplicitSubject(sentence.text);
    if (need?.isImplicit && (need.kind === 'investment' || need.kind === 'equity-stake')) {
      // money put in with no company named: the round it joins, or where the investor put money before
      const round = this.lastRound(sentence.index);
      if (round && !exclude.has(round.deal.partyIds[0]!)) return partyAt(round.deal, 0);
      const before = this.previousInvestment(exclude);
      if (before) return before;
      // "Microsoft will also take a minority stake": in the deal just told, Microsoft's counterpart
      const last = this.last(sentence.index, 1);
      const counterpart =
        last && last.deal.partyIds.some((id) => exclude.has(id)) ? partyOfDeal(last.deal, exclude) : undefined;
      if (counterpart) return counterpart;
      return isListed ? this.leadIn(sentence.index, exclude) : undefined;
    }
    // "Lockheed Martin and Northrop Grumman were selected to produce …" after "The agency awarded
    // Rocket Lab a contract": a role the words leave out is the one the last deal of the kind had
    if (need?.absentRoleIndex !== undefined && need.absentRoleIndex >= 0 && !isListed) {
      const same = this.lastOfKind(need.kind, sentence.index, SAME_KIND_SENTENCES);
      const id = same?.deal.partyIds[need.absentRoleIndex];
      if (same && id && !exclude.has(id)) return partyAt(same.deal, need.absentRoleIndex);
    }
    return need?.isImplicit || isListed ? this.leadIn(sentence.index, exclude) : undefined;
  }

  private lastOfKind(kind: string, index: number, reach: number): Entry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (index - entry.sentenceIndex > reach) return undefined;
      if (entry.deal.kind === kind) return entry;
    }
    return undefined;
  }

  /** A sentence's names no lexicon knows: the lead-in of the next sentence may be one. */
  unknownNames(index: number, names: () => readonly PartyMention[]): void {
    this.namesBySentence.set(index, names);
  }

  add(deal: Deal, found: SentenceDeal): void {
    void found;
    this.entries.push({ deal, sentenceIndex: deal.mentions[0]!.sentenceIndex });
  }

  /**
   * A sentence that goes on about the deal just told (it has no deal of its own, or opens with
   * "The deal", "The round"…): the deal's value, its status, the round's other investors.
   */
  goOn(
    sentence: Sentence,
    amounts: readonly AmountMention[],
    parties: readonly PartyMention[],
    others: readonly SentenceName[],
    own: readonly SentenceDeal[],
  ): void {
    if (JOINT_VENTURE_REFERENCE.test(sentence.text))
      this.jointVentureReferences.push({ sentenceIndex: sentence.index, partyIds: parties.map((p) => p.entityId) });
    const refersBack = DEAL_BACK_REFERENCE.test(sentence.text) || ROUND_BACK_REFERENCE.test(sentence.text);
    if (own.length > 0 && !refersBack) return;
    const roundEntry = this.lastRound(sentence.index, FOLLOW_UP_SENTENCES);
    if (roundEntry && (refersBack || own.length === 0) && this.continueRound(roundEntry, sentence, parties, others))
      return;
    const last = this.last(sentence.index, FOLLOW_UP_SENTENCES);
    if (!last) return;
    const mention = (value: number | null, currency: string | null): DealMention => ({
      sentenceIndex: sentence.index,
      start: sentence.start,
      end: sentence.end,
      sentence: sentence.text,
      value,
      currency,
      date: last.deal.date,
      status: last.deal.status,
    });
    // the first amount the sentence's own deals do not state
    const amount = amounts.find(
      (a) => !own.some((d) => d.value !== null && d.value === (Array.isArray(a.value) ? a.value[1] : a.value)),
    );
    // "Streamly will pay Northlight £140 million over the term of the agreement": the deal's own parties
    // and an amount, in a sentence that names the deal
    const namesItsParties =
      last.deal.partyIds.length >= 2 &&
      last.deal.partyIds.every((id) => parties.some((p) => p.entityId === id)) &&
      NAMES_A_DEAL.test(sentence.text);
    if (amount && last.deal.value === null && (VALUE_BACK_REFERENCE.test(sentence.text) || namesItsParties)) {
      const value = Array.isArray(amount.value) ? amount.value[1] : amount.value;
      last.deal = {
        ...last.deal,
        value,
        currency: amount.currency,
        id: dealId(last.deal.kind, last.deal.partyIds, value, amount.currency, last.deal.date),
        mentions: [...last.deal.mentions, mention(value, amount.currency)],
      };
      return;
    }
    const cue = statusCue(sentence.text);
    if (cue && cue !== 'denied' && cue !== 'hypothetical' && cue !== 'rumoured' && NAMES_A_DEAL.test(sentence.text)) {
      const status = latestStatus(last.deal.status, cue);
      last.deal = { ...last.deal, status, mentions: [...last.deal.mentions, { ...mention(null, null), status: cue }] };
    }
  }

  /** "The round also saw participation from existing backers including …": the round's other investors. */
  private continueRound(
    round: Entry,
    sentence: Sentence,
    parties: readonly PartyMention[],
    others: readonly SentenceName[],
  ): boolean {
    const added = this.investorsIn(sentence, parties, others, round.deal.partyIds);
    if (added.length === 0) return false;
    const partyIds = [...round.deal.partyIds, ...added.map((p) => p.entityId)];
    const mention: DealMention = {
      sentenceIndex: sentence.index,
      start: sentence.start,
      end: sentence.end,
      sentence: sentence.text,
      value: null,
      currency: null,
      date: round.deal.date,
      status: round.deal.status,
    };
    round.deal = {
      ...round.deal,
      parties: [...round.deal.parties, ...added.map((p) => p.name)],
      partyIds,
      mentions: [...round.deal.mentions, mention],
      id: dealId(round.deal.kind, partyIds, round.deal.value, round.deal.currency, round.deal.date),
    };
    return true;
  }

  /** The deals, with a round's mentions and investors' parts joined to it, joint ventures named. */
  finish(): Deal[] {
    const deals = this.entries.map((e) => ({ ...e }));
    joinRounds(deals);
    joinRoundParts(deals);
    this.nameJointVentures(deals);
    joinPartnershipsToAgreements(deals);
    joinStakeAndPayment(deals);
    return deals.map((e) => e.deal);
  }

  private last(index: number, reach: number): Entry | undefined {
    const last = this.entries[this.entries.length - 1];
    return last && index - last.sentenceIndex <= reach ? last : undefined;
  }

  /** "Microsoft poured in another $10 billion": the company the same investor put money in last. */
  private previousInvestment(investors: ReadonlySet<string>): PartyMention | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const deal = this.entries[i]!.deal;
      if (
        (deal.kind === 'investment' || deal.kind === 'equity-stake') &&
        investors.has(deal.partyIds[0]!) &&
        !investors.has(deal.partyIds[1]!)
      )
        return partyAt(deal, 1);
    }
    return undefined;
  }

  private lastRound(index: number, reach = ROUND_REACH_SENTENCES): Entry | undefined {
    for (let i = this.entries.length - 1; i >= 0; i--) {
      const entry = this.entries[i]!;
      if (index - entry.sentenceIndex > reach) return undefined;
      if (entry.deal.kind === 'funding-round') return entry;
    }
    return undefined;
  }

  private investorsIn(
    sentence: Sentence,
    parties: readonly PartyMention[],
    others: readonly SentenceName[],
    present: readonly string[],
  ): PartyMention[] {
    const shaped = shapeSentence(
      sentence.text,
      [...parties.map((party) => ({ party, type: 'org' })), ...others],
      [],
      false,
    );
    const found = roundInvestors(shaped);
    const seen = new Set(present);
    const out: PartyMention[] = [];
    for (const slot of [...found.leads, ...found.investors]) {
      const party =
        slot.party ??
        (slot.cls === 'name'
          ? {
              entityId: `entity:${slot.text.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`,
              name: slot.text,
              start: slot.start,
              end: slot.end,
              isProvider: false,
              isNewName: true,
            }
          : undefined);
      if (!party || seen.has(party.entityId)) continue;
      seen.add(party.entityId);
      out.push(party);
    }
    return out;
  }

  /**
   * The party a lead-in names: walking back over sibling items ("Oracle: …", "Jul: …") and
   * sentences without organisations, the first salient organisation of the nearest other sentence
   * (or the first one of the sentence just before).
   */
  private leadIn(index: number, exclude: ReadonlySet<string>): PartyMention | undefined {
    for (let k = index - 1; k >= 0 && k >= index - LOOK_BACK_SENTENCES; k--) {
      const parties = this.partiesBySentence.get(k) ?? [];
      if (isSiblingItem(this.sentences[k]!.text, parties)) continue;
      // the sentence just before may name a company once ("Corvanta Labs builds data agents. It raised …")
      const candidate = parties.find(
        (p) =>
          !exclude.has(p.entityId) &&
          (this.salient.has(p.entityId) || !!p.isViaProduct || (k === index - 1 && p === parties[0])),
      );
      if (candidate) return candidate;
      // "Deutsche Bahn runs the upgrade. Siemens was chosen to deliver …": a name no lexicon knows just before
      const unknown =
        k === index - 1 && parties.length === 0
          ? this.namesBySentence
              .get(k)?.()
              .find((p) => !exclude.has(p.entityId))
          : undefined;
      if (unknown) return { ...unknown, start: -1, end: -1 };
    }
    return undefined;
  }

  /** "Meta will receive a $3 billion payout from the joint venture": the deal it names is one. */
  private nameJointVentures(deals: Entry[]): void {
    if (deals.some((e) => e.deal.kind === 'joint-venture')) return;
    for (const reference of this.jointVentureReferences) {
      const before = deals.filter(
        (e) =>
          e.sentenceIndex < reference.sentenceIndex &&
          reference.sentenceIndex - e.sentenceIndex <= FOLLOW_UP_SENTENCES &&
          e.deal.kind !== 'funding-round' &&
          e.deal.partyIds.some((id) => reference.partyIds.includes(id)),
      );
      const target = before[before.length - 1];
      if (target)
        target.deal = {
          ...target.deal,
          kind: 'joint-venture',
          id: dealId('joint-venture', target.deal.partyIds, target.deal.value, target.deal.currency, target.deal.date),
        };
    }
  }
}

function partyAt(deal: Deal, i: number): PartyMention {
  return { entityId: deal.partyIds[i]!, name: deal.parties[i]!, start: -1, end: -1, isProvider: false };
}

/** For a deal referred back to: its other party — a round's company, a deal's target or provider. */
function partyOfDeal(deal: Deal, exclude: ReadonlySet<string>): PartyMention | undefined {
  const order = deal.kind === 'funding-round' ? [0] : [...deal.partyIds.keys()].reverse();
  for (const i of order) {
    const id = deal.partyIds[i]!;
    if (!exclude.has(id)) return { entityId: id, name: deal.parties[i]!, start: -1, end: -1, isProvider: false };
  }
  return undefined;
}

/**
 * One company's round told twice in an article — in a headline and in the text, with fewer
 * investors or no amount in one of them — is one round.
 */
function joinRounds(entries: Entry[]): void {
  for (let i = 0; i < entries.length; i++) {
    const a = entries[i]!;
    if (a.deal.kind !== 'funding-round') continue;
    for (let j = entries.length - 1; j > i; j--) {
      const b = entries[j]!;
      if (b.deal.kind !== 'funding-round' || b.deal.partyIds[0] !== a.deal.partyIds[0]) continue;
      const isSameAmount =
        a.deal.value === null ||
        b.deal.value === null ||
        (a.deal.currency === b.deal.currency &&
          Math.abs(a.deal.value - b.deal.value) <= 0.005 * Math.max(a.deal.value, b.deal.value));
      if (
        !isSameAmount ||
        (a.deal.date &&
          b.deal.date &&
          !a.deal.isDateInferred &&
          !b.deal.isDateInferred &&
          !a.deal.date.startsWith(b.deal.date) &&
          !b.deal.date.startsWith(a.deal.date))
      )
        continue;
      const valued = a.deal.value !== null ? a.deal : b.deal;
      const partyIds = [...a.deal.partyIds];
      const parties = [...a.deal.parties];
      b.deal.partyIds.forEach(
        (id, k) => !partyIds.includes(id) && (partyIds.push(id), parties.push(b.deal.parties[k]!)),
      );
      const mentions = [...a.deal.mentions, ...b.deal.mentions].sort((x, y) => x.start - y.start);
      a.deal = {
        ...a.deal,
        partyIds,
        parties,
        value: valued.value,
        currency: valued.currency,
        date: a.deal.date ?? b.deal.date,
        status: latestStatus(a.deal.status, b.deal.status),
        mentions,
        id: dealId('funding-round', partyIds, valued.value, valued.currency, a.deal.date ?? b.deal.date),
      };
      entries.splice(j, 1);
    }
  }
}

/**
 * Investors' parts of a round ("Microsoft is investing $95 million", "Nvidia and Microsoft are
 * investing in Figure AI"): each investor joins the round's parties; a part with no amount of
 * its own is the round itself, one with an amount stays a deal of its own.
 */
function joinRoundParts(entries: Entry[]): void {
  const rounds = entries.filter((e) => e.deal.kind === 'funding-round');
  for (const part of [...entries]) {
    if (part.deal.kind !== 'investment' || part.deal.partyIds.length !== 2) continue;
    const [investor, company] = part.deal.partyIds as [string, string];
    const round = rounds.find(
      (r) => r.deal.partyIds[0] === company && Math.abs(r.sentenceIndex - part.sentenceIndex) <= ROUND_REACH_SENTENCES,
    );
    if (!round) continue;
    if (!round.deal.partyIds.includes(investor)) {
      const partyIds = [...round.deal.partyIds, investor];
      round.deal = {
        ...round.deal,
        partyIds,
        parties: [...round.deal.parties, part.deal.parties[0]!],
        id: dealId('funding-round', partyIds, round.deal.value, round.deal.currency, round.deal.date),
      };
    }
    if (part.deal.value === null) {
      round.deal = {
        ...round.deal,
        mentions: [...round.deal.mentions, ...part.deal.mentions].sort((a, b) => a.start - b.start),
      };
      entries.splice(entries.indexOf(part), 1);
    }
  }
}

/** Kinds that are the one agreement between their parties: a partnership among them is that agreement, told loosely. */
const WHOLE_AGREEMENTS: ReadonlySet<string> = new Set(['joint-venture', 'merger', 'acquisition']);

/**
 * "ByteDance partners Oracle, Silver Lake, MGX to run TikTok's US app" over "ByteDance signed
 * agreements with Oracle, Silver Lake and MGX to create a new joint venture": a partnership whose
 * parties all take part in a joint venture, merger or acquisition of the same article, with no
 * amount that differs, is that agreement told in fewer words (a headline, a key takeaway).
 */
function joinPartnershipsToAgreements(entries: Entry[]): void {
  for (const part of [...entries]) {
    if (part.deal.kind !== 'partnership') continue;
    const { value, currency } = part.deal;
    const host = entries.find(
      (e) =>
        WHOLE_AGREEMENTS.has(e.deal.kind) &&
        part.deal.partyIds.every((id) => e.deal.partyIds.includes(id)) &&
        (value === null ||
          e.deal.value === null ||
          (e.deal.currency === currency && Math.abs(e.deal.value - value) <= 0.005 * Math.max(e.deal.value, value))),
    );
    if (!host) continue;
    const deal = host.deal;
    const merged = { value: deal.value ?? value, currency: deal.value !== null ? deal.currency : currency };
    host.deal = {
      ...deal,
      ...merged,
      status: latestStatus(deal.status, part.deal.status),
      frames: [...new Set([...(deal.frames ?? []), ...(part.deal.frames ?? [])])],
      mentions: [...deal.mentions, ...part.deal.mentions].sort((a, b) => a.start - b.start),
      id: dealId(deal.kind, deal.partyIds, merged.value, merged.currency, deal.date),
    };
    entries.splice(entries.indexOf(part), 1);
  }
}

/**
 * "The round gives ASML an 11% stake … ASML is contributing €1.3 billion of the total
 * investment": a stake with no amount and, within a few sentences, money put in between the
 * same two parties, with the company left to context, are one transaction told in two
 * sentences — the stake, with that amount.
 */
function joinStakeAndPayment(entries: Entry[]): void {
  for (const stake of entries.filter(
    (e) => e.deal.kind === 'equity-stake' && e.deal.value === null && e.deal.partyIds.length === 2,
  )) {
    const ids = new Set(stake.deal.partyIds);
    // the payment leaves the company to context (it goes on about the stake), unlike "X's cumulative investment in Y now stands at …"
    const payment = entries.find(
      (e) =>
        e.deal.kind === 'investment' &&
        e.deal.value !== null &&
        e.deal.isPartyInferred &&
        e.deal.partyIds.length === 2 &&
        e.deal.partyIds.every((id) => ids.has(id)) &&
        Math.abs(e.sentenceIndex - stake.sentenceIndex) <= FOLLOW_UP_SENTENCES,
    );
    if (!payment) continue;
    const { value, currency } = payment.deal;
    stake.deal = {
      ...stake.deal,
      value,
      currency,
      status: latestStatus(stake.deal.status, payment.deal.status),
      frames: [...new Set([...(stake.deal.frames ?? []), ...(payment.deal.frames ?? [])])],
      mentions: [...stake.deal.mentions, ...payment.deal.mentions].sort((a, b) => a.start - b.start),
      id: dealId('equity-stake', stake.deal.partyIds, value, currency, stake.deal.date),
    };
    entries.splice(entries.indexOf(payment), 1);
  }
}

/** A sibling in a list of dated or per-party items: "Oct: 6 GW deal with AMD", "Oracle: …". */
function isSiblingItem(text: string, parties: readonly PartyMention[]): boolean {
  const label = LABEL.exec(text)?.[0];
  if (!label) return false;
  const isDateLabel =
    /^(?:\*\*)?(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s*(?:\d{1,2}(?:,\s*\d{4})?|\d{4})?\s*:\s$|^(?:Q[1-4]\s*)?\d{4}\s*:\s$/i.test(
      label,
    );
  // "Oracle: …", "Public Benefit Corporation (PBC): …"
  const isPartyLabel = parties.some((p) => p.start === 0 && /^\s*(?:\([^()]{1,12}\))?\s*:/.test(text.slice(p.end)));
  return isDateLabel || isPartyLabel;
}
