/**
 * Deals stated in one sentence. First the frames (frames/, match.ts): each hit places names in
 * roles; a role the frame leaves to context is filled from the clause's subject, a list item's
 * label or the document (a lead-in, the round or deal the sentence refers back to). Then, for
 * kind nouns no frame read ("Oracle: five-year agreement worth $300 billion"), the parties of
 * the noun's clause (nounDeals.ts). Each deal takes the amount and date nearest its words, and
 * the status its clause states (status.ts); a denial or a hypothetical states no deal.
 */
import type { DealKind, KindSignal } from './kinds';
import type { AnalysisCache, CachedFrames } from '../../analysisCache';
import { withoutLegalForm } from '../entities/index';
import { candidateFrames, frameHits, type FrameHit } from './match';
import { shapeSentence, type SentenceName, type ShapedSentence, type ShapedSlot } from './shape';
import { roundInvestors } from './roundInvestors';
import { statusCue, statusOf, type DealStatus } from './status';
import { CLOUD_WORDS } from './frames/cloudContract';
import { NOT_A_ROUND } from './frames/fundingRound';
import { ACT, clauseAt, clausesOf, END_DATE, isEquivalent, isNotDealValue, nearest, nounDeals } from './nounDeals';

export interface PartyMention {
  readonly entityId: string;
  readonly name: string;
  /** Sentence-relative prose offsets (-1 for a party taken from context). */
  readonly start: number;
  readonly end: number;
  readonly isProvider: boolean;
  /** The sentence names a product and the party is its owner ("Azure" → Microsoft). */
  readonly isViaProduct?: boolean;
  /** A name no lexicon knows, made an entity because a frame gives it a role. */
  readonly isNewName?: boolean;
}

export interface AmountMention {
  readonly value: number | [number, number];
  readonly currency: string;
  readonly start: number;
  /** Where the amount's text ends in the sentence, when known. */
  readonly end?: number;
  readonly qualifier: string | null;
}

export interface DateMention {
  readonly value: string;
  readonly start: number;
}

/** What a role left to context needs: the document knows the lead-in, the round, the deal referred to. */
export interface PartyNeed {
  readonly kind: DealKind;
  readonly role: string;
  /** The frame leaves this role to context by design ("is investing $95 million", "The round gives ASML a stake"). */
  readonly isImplicit: boolean;
  /** "acquisition/active", "noun/partnership": the frame that needs it. */
  readonly frameId?: string;
  /** The role is "we": the writer's own organisation. */
  readonly isFirstPerson?: boolean;
  /** The role is the article's subject ("the IPO"): its most named organisation. */
  readonly isSubjectOfArticle?: boolean;
  /**
   * The role's place in the deal's parties when the frame's words leave it out altogether
   * ("Lockheed Martin was selected to build …": who selected): the same role of the last deal of
   * the same kind may fill it.
   */
  readonly absentRoleIndex?: number;
}

export interface SentenceDealInput {
  readonly text: string;
  /** Organisations, and products standing for their owner, in order. */
  readonly parties: readonly PartyMention[];
  /** Persons, places, initiatives and other named things: names frames may give some roles. */
  readonly others?: readonly SentenceName[];
  readonly amounts: readonly AmountMention[];
  readonly dates: readonly DateMention[];
  /** A party from outside the sentence, for a role the sentence leaves implicit. */
  readonly inferParty: (exclude: ReadonlySet<string>, need?: PartyNeed) => PartyMention | undefined;
  /** Whether a sentence is a headline in Title Case, where capitals are no evidence of a name (asked only when shaping). */
  readonly isTitleCase?: (text: string) => boolean;
  /** The sentence's kind signals, when already known. */
  readonly signals?: readonly KindSignal[];
  /** Makes an entity id of a name no lexicon knows. */
  readonly idOfName?: (name: string) => string;
  /** Frames' hits kept from earlier analyses, by sentence text. */
  readonly cache?: AnalysisCache;
  /**
   * Told how to get the names no lexicon knows that the sentence holds (a later sentence's lead-in
   * may be one): a function, since finding them means shaping the sentence, which a sentence
   * with no deal words is spared unless they are asked for.
   */
  readonly onUnknownNames?: (names: () => readonly PartyMention[]) => void;
}

/** A question a sentence's deals asked of the document, and the party it answered. */
export interface ContextQuery {
  readonly exclude: readonly string[];
  readonly need: PartyNeed | undefined;
  readonly answer: string | undefined;
}

export interface SentenceDeal {
  readonly kind: DealKind;
  readonly parties: readonly PartyMention[];
  readonly value: number | null;
  readonly currency: string | null;
  readonly date: string | null;
  readonly isPartyInferred: boolean;
  readonly status: DealStatus;
  /** "acquisition/active", or "noun/partnership" for the fallback. */
  readonly frameId: string;
  /** Where the deal's words stand in the sentence. */
  readonly start: number;
  readonly end: number;
}

const LABEL = /^[^:.!?]{1,40}:\s/;
const PRONOUN = /\b(?:[Ww]e|it)\b/;
/** A capital after the first letter: a name no lexicon knows may stand there. */
const CAPITAL_AFTER_START = /.\p{Lu}/su;
const GOODS_AFTER =
  /^(?:['’]s)?\s+(?:[\p{L}\d-]*\d[\p{L}\d-]*\s+)?(?:GPUs?|chips?|servers?|instances|accelerators?|processors?|hardware|models?)\b/u;
/** Sentences whose subject is implicit: a list item that opens with a verb, a pronoun, "The company". */
/** A word in -ed before a capitalised one opens a name ("Lockheed Martin"), not a list item's verb. */
const VERB_FIRST =
  /^(?:[A-Z][a-z]+ed\b(?!\s+\p{Lu})|(?:Bought|Signed|Won|Sold|Took|Led|Raised|Paid|Spent|Struck|Invested|Acquired)\b)/u;
const IMPLICIT_SUBJECT =
  /^(?:It|They|The (?:company|firm|startup|start-up|group|business|lab|chipmaker|carrier|operator|bank|insurer|developer|maker|platform|app|studio|publisher|retailer|lender|exchange))\b(?!['’])/;
export function dealsInSentence(input: SentenceDealInput): SentenceDeal[] {
  const cached = input.cache?.frames.get(input.text);
  if (cached && isSameInput(cached, input)) {
    tellUnknownNames(input, () => cached.shaped);
    // the same sentence with the same names: its deals again, if the context still answers alike
    const isSameDates =
      cached.dates.length === input.dates.length &&
      cached.dates.every((d, i) => d.start === input.dates[i]!.start && d.value === input.dates[i]!.value);
    if (
      cached.deals &&
      isSameDates &&
      cached.queries?.every((q) => input.inferParty(new Set(q.exclude), q.need)?.entityId === q.answer)
    )
      return [...cached.deals];
    return dealsOfEntry(input, cached);
  }
  const implicit = implicitSubject(input.text);
  // every deal names a party: a sentence with no name and no subject to infer has none
  if (
    input.parties.length === 0 &&
    !input.others?.length &&
    !implicit &&
    !PRONOUN.test(input.text) &&
    !CAPITAL_AFTER_START.test(input.text)
  )
    return [];
  const names: SentenceName[] = [...input.parties.map((party) => ({ party, type: 'org' })), ...(input.others ?? [])];
  // what shaping needs, and no more: a cached entry keeps this function (not the document's context)
  const { text, amounts, isTitleCase } = input;
  let shapedOnce: ShapedSentence | undefined;
  const shape = () => (shapedOnce ??= shapeSentence(text, names, amounts, isTitleCase?.(text) ?? false, implicit));
  const candidates = candidateFrames(input.text);
  if (candidates.length === 0 && !input.signals?.length) {
    // no frame can match and no kind noun stands in it: no deal, and the sentence is shaped only
    // if the next one asks for its unknown names (most sentences of an article are of this sort);
    // kept so, for an editor's next analysis, with no deals and no questions asked
    tellUnknownNames(input, shape);
    input.cache?.frames.set(input.text, {
      parties: input.parties,
      others: input.others ?? [],
      amounts: input.amounts,
      dates: input.dates,
      get shaped() {
        return shape();
      },
      hits: [],
      deals: [],
      queries: [],
    });
    return [];
  }
  const shaped = shape();
  tellUnknownNames(input, shape);
  const entry: CachedFrames = {
    parties: input.parties,
    others: input.others ?? [],
    amounts: input.amounts,
    dates: input.dates,
    shaped,
    hits: frameHits(shaped, input.text, candidates),
  };
  return dealsOfEntry(input, entry);
}

/** Tells the document how to get the sentence's unknown names: shaped (if it is not yet) when asked. */
function tellUnknownNames(input: SentenceDealInput, shaped: () => ShapedSentence): void {
  if (!input.onUnknownNames) return;
  let names: PartyMention[] | undefined;
  input.onUnknownNames(() => (names ??= unknownNamesOf(input, shaped())));
}

function unknownNamesOf(input: SentenceDealInput, shaped: ShapedSentence): PartyMention[] {
  return shaped.slots.filter((s) => s.cls === 'name').flatMap((s) => partyOf(s, input));
}

/** The deals of a shaped sentence; kept with the questions asked of the document and its answers. */
function dealsOfEntry(input: SentenceDealInput, entry: CachedFrames): SentenceDeal[] {
  const queries: ContextQuery[] = [];
  const tracked: SentenceDealInput = {
    ...input,
    inferParty: (exclude, need) => {
      const answer = input.inferParty(exclude, need);
      queries.push({ exclude: [...exclude], need, answer: answer?.entityId });
      return answer;
    },
  };
  const out = dealsOfShaped(tracked, entry.shaped, entry.hits);
  input.cache?.frames.set(input.text, { ...entry, dates: input.dates, deals: [...out], queries });
  return out;
}

/** Same names at the same places, same amounts and dates: the sentence shapes and reads alike. */
function isSameInput(entry: CachedFrames, input: SentenceDealInput): boolean {
  const others = input.others ?? [];
  if (
    entry.parties.length !== input.parties.length ||
    entry.others.length !== others.length ||
    entry.amounts.length !== input.amounts.length
  )
    return false;
  if (!entry.parties.every((p, i) => isSameParty(p, input.parties[i]!))) return false;
  if (!entry.others.every((o, i) => o.type === others[i]!.type && isSameParty(o.party, others[i]!.party))) return false;
  if (
    !entry.amounts.every((a, i) => {
      const b = input.amounts[i]!;
      return (
        a.start === b.start &&
        a.end === b.end &&
        a.currency === b.currency &&
        a.qualifier === b.qualifier &&
        String(a.value) === String(b.value)
      );
    })
  )
    return false;
  // dates only date the deals: a change keeps the shape, not the deals
  return true;
}

function isSameParty(a: PartyMention, b: PartyMention): boolean {
  return (
    a.entityId === b.entityId &&
    a.name === b.name &&
    a.start === b.start &&
    a.end === b.end &&
    a.isProvider === b.isProvider &&
    !!a.isViaProduct === !!b.isViaProduct
  );
}

function dealsOfShaped(given: SentenceDealInput, shaped: ShapedSentence, hits: readonly FrameHit[]): SentenceDeal[] {
  // a kind noun inside a name is part of the name ("TikTok USDS Joint Venture LLC", "Apex Acquisition Corp")
  const names = shaped.slots.filter((s) => s.cls !== 'amount' && s.cls !== 'implicit');
  const input: SentenceDealInput = {
    ...given,
    signals: given.signals?.filter((s) => !names.some((n) => s.index >= n.start && s.index < n.end)),
  };
  const clauses = clausesOf(input.text);
  const out: SentenceDeal[] = [];
  const takenAmounts = new Set<AmountMention>();
  for (const hit of hits) if (hit.amount?.amount) takenAmounts.add(hit.amount.amount);
  const found = hits
    .map((hit) => ({ hit, deals: dealsOfHit(hit, input, clauses, takenAmounts, shaped, null) }))
    .filter((f) => f.deals.length > 0);
  // each date goes to the deal whose words stand nearest ("bought a stake in 2014 and became its owner in 2017")
  const dates = input.dates.filter((d) => !END_DATE.test(input.text.slice(Math.max(0, d.start - 20), d.start)));
  // a date's distance from a deal's words, from its verb to the end of its frame
  const distance = (at: number, hit: FrameHit) =>
    at < hit.trigger ? hit.trigger - at : at >= hit.end ? at - hit.end + 1 : 0;
  const closest = (at: number) => {
    let best: FrameHit | undefined;
    for (const { hit } of found) if (!best || distance(at, hit) < distance(at, best)) best = hit;
    return best;
  };
  // in the order their words tell them: "purchased Intime's stakes in 2014 and became its controlling shareholder"
  for (const { hit, deals } of [...found].sort((a, b) => a.hit.trigger - b.hit.trigger)) {
    const clause = clauseAt(clauses, hit.trigger);
    const own = dates.filter(
      (d) =>
        closest(d.start) === hit &&
        (Math.abs(d.start - hit.trigger) <= 80 || (d.start >= clause.start && d.start < clause.end)),
    );
    const date =
      own.reduce<DateMention | undefined>(
        (best, d) => (!best || distance(d.start, hit) < distance(best.start, hit) ? d : best),
        undefined,
      )?.value ?? null;
    out.push(...deals.map((deal) => ({ ...deal, date })));
  }
  withoutRoundParts(out);
  endedElsewhere(input.text, clauses, out);
  // kind nouns no frame read: the clause's parties
  const covered = out.map((d) => ({ start: d.start, end: d.end, kind: d.kind }));
  const signals = (input.signals ?? []).filter(
    (s) => !covered.some((c) => (s.index >= c.start && s.index < c.end) || c.kind === s.kind),
  );
  if (signals.length) {
    // "a $27 billion financing deal with Blue Owl …, as the tech giant ramps up investment": a noun with
    // no amount of its own between the parties of a frame's deal is that deal told again, or no deal
    const frameParties = out.map((d) => partySet(d.parties));
    const isTold = (d: SentenceDeal) => d.value === null && frameParties.some((p) => p === partySet(d.parties));
    // "Kestrel Orbital: five-year agreement worth $30 billion": a label no lexicon knows is the item's party
    const label = LABEL.exec(input.text)?.[0];
    const labelName = label
      ? shaped.slots.find((s) => s.cls === 'name' && s.start === 0 && /^\s*:/.test(input.text.slice(s.end)))
      : undefined;
    const parties = labelName ? [...partyOf(labelName, input), ...input.parties] : input.parties;
    out.push(
      ...nounDeals({ ...input, parties, signals, takenAmounts, hasFrameDeal: out.length > 0 }).filter(
        (d) => !isTold(d),
      ),
    );
  }
  return out;
}

function partySet(parties: readonly PartyMention[]): string {
  return [...new Set(parties.map((p) => p.entityId))].sort().join('|');
}

/**
 * "Adobe and Figma called off their deal …; Adobe had agreed to buy Figma for $20 billion": the
 * sentence's one deal, told as agreed in one clause, is called off in another with no deal of
 * its own.
 */
function endedElsewhere(
  text: string,
  clauses: ReadonlyArray<{ start: number; end: number }>,
  deals: SentenceDeal[],
): void {
  if (deals.length !== 1 || deals[0]!.status === 'terminated') return;
  const deal = deals[0]!;
  const other = clauses
    .filter((c) => !(deal.start < c.end && c.start < deal.end))
    .map((c) => text.slice(c.start, c.end))
    .join(' ');
  if (
    /\b(?:the|their|its|this|that)\s(?:\w+\s)?(?:deal|merger|acquisition|takeover|transaction|plan|bid|offer|agreement)\b/i.test(
      other,
    ) &&
    statusCue(other) === 'terminated'
  )
    deals[0] = { ...deal, status: 'terminated' };
}

/**
 * A round's investors named in its sentence are the round's: an investment deal of the same
 * sentence between them and the company, with no amount of its own, is the round told again
 * ("Acme, backed by Sequoia, raised $20 million in a round led by Sequoia").
 */
function withoutRoundParts(deals: SentenceDeal[]): void {
  for (const round of deals.filter((d) => d.kind === 'funding-round')) {
    const ids = new Set(round.parties.map((p) => p.entityId));
    for (let i = deals.length - 1; i >= 0; i--) {
      const deal = deals[i]!;
      if (deal.kind === 'investment' && deal.value === null && deal.parties.every((p) => ids.has(p.entityId)))
        deals.splice(i, 1);
    }
  }
}

/** A list item that opens with a verb, or a sentence that opens with "It", "The company"… */
export function hasImplicitSubject(text: string): boolean {
  return implicitSubject(text) !== undefined;
}

/** The sentence's implicit subject: a pronoun or "The company" that opens it, or a list item's missing one. */
function implicitSubject(text: string): { start: number; end: number } | undefined {
  // after a list item's label: "Guaranteed Rent: It expects to earn …"
  const label = LABEL.exec(text)?.[0].length ?? 0;
  const rest = text.slice(label);
  const pronoun = IMPLICIT_SUBJECT.exec(rest);
  if (pronoun) return { start: label, end: label + pronoun[0].length };
  if (VERB_FIRST.test(rest)) return { start: label, end: label };
  return undefined;
}

function dealsOfHit(
  hit: FrameHit,
  input: SentenceDealInput,
  clauses: ReadonlyArray<{ start: number; end: number }>,
  takenAmounts: Set<AmountMention>,
  shaped: ShapedSentence,
  date: string | null,
): SentenceDeal[] {
  const clause = clauseAt(clauses, hit.trigger);
  const clauseText = statusText(input.text, clauses, clause);
  if (hit.kind === 'funding-round' && NOT_A_ROUND.test(input.text.slice(clause.start, clause.end))) return [];
  const verb = hit.verb && {
    text: hit.verb.text,
    before: input.text.slice(Math.max(clause.start, hit.verb.start - 30), hit.verb.start),
  };
  const verdict = statusOf(clauseText, input.text, verb, hit.frame.status);
  if (verdict === 'denied' || verdict === 'hypothetical') return [];
  const used = new Set<string>();
  let isInferred = false;
  const byRole = new Map<string, PartyMention[]>();
  for (const role of hit.frame.parties) {
    const slots = hit.roles.get(role) ?? [];
    const parties = slots.flatMap((s) => partyOf(s, input));
    const resolved: PartyMention[] = [];
    for (const p of parties) {
      if (p.entityId === '') {
        // "… said it would acquire": the first company the sentence names before "it"
        const named =
          p.name === 'it' ? namedBefore(shaped, input, p.start).find((q) => !used.has(q.entityId)) : undefined;
        if (named) {
          resolved.push(named);
          continue;
        }
        // the implicit subject: the party the context gives
        const inferred = input.inferParty(used, {
          kind: hit.kind,
          role,
          isImplicit: true,
          frameId: `${hit.kind}/${hit.frame.id}`,
          isFirstPerson: p.name === 'we',
        });
        if (inferred) {
          resolved.push({ ...inferred, start: -1, end: -1 });
          isInferred = true;
        }
      } else if (!used.has(p.entityId)) {
        resolved.push(p);
      }
      resolved.forEach((r) => used.add(r.entityId));
    }
    // "OpenAI's backer …, saying it's invested $13 billion into OpenAI": investor and investee the same
    if (slots.length && resolved.length === 0 && parties.some((p) => p.entityId !== '')) return [];
    byRole.set(role, resolved);
  }
  for (const role of hit.frame.parties) {
    if (byRole.get(role)!.length) continue;
    const fill =
      hit.frame.fillFrom === 'subject'
        ? contextParty(input, used, hit, role, true)
        : (fromClause(hit, role, input, shaped, clause, used) ??
          (hit.frame.fillFrom === 'clause' ? undefined : contextParty(input, used, hit, role)));
    if (!fill) continue;
    byRole.set(role, [fill.party]);
    used.add(fill.party.entityId);
    isInferred ||= fill.isInferred;
  }
  let roles = hit.frame.parties;
  if (hit.kind === 'funding-round') {
    // the round's investors: "led by …", "with participation from …"
    const cues = roundInvestors(shaped);
    for (const [role, slots] of [
      ['lead', cues.leads],
      ['investors', cues.investors],
    ] as const) {
      const list = byRole.get(role) ?? [];
      for (const party of slots.flatMap((s) => partyOf(s, input))) {
        if (party.entityId && !used.has(party.entityId)) {
          list.push(party);
          used.add(party.entityId);
        }
      }
      byRole.set(role, list);
    }
    roles = ['company', 'lead', 'investors'];
  }
  const parties = roles.flatMap((role) => byRole.get(role) ?? []);
  // a round is a company's: without it, its investors say nothing
  if (hit.kind === 'funding-round' && !byRole.get('company')?.length) return [];
  const minimum = hit.kind === 'funding-round' ? 1 : 2;
  const distinct = new Set(parties.map((p) => p.entityId)).size;
  if (distinct < minimum) return [];
  const kind = refineKind(hit.kind, parties, input.text.slice(hit.start, hit.end), hit.frame.id);
  const amount = hit.amount?.amount ?? amountFor(hit, input, clauses, takenAmounts);
  // "Cognition has raised big rounds": a round with no investor named states nothing without its amount
  if (distinct < 2 && !amount) return [];
  // "the Microsoft–OpenAI partnership has turned …": a relationship described, not a deal reported
  if (kind === 'partnership' && !hit.verb && !amount && !ACT.test(input.text) && !LABEL.test(input.text)) return [];
  if (amount) takenAmounts.add(amount);
  const value = amount ? valueOf(amount) : null;
  const base: Omit<SentenceDeal, 'parties'> = {
    kind,
    value,
    currency: amount?.currency ?? null,
    date,
    isPartyInferred: isInferred,
    status: verdict,
    frameId: `${hit.kind}/${hit.frame.id}`,
    start: hit.start,
    end: hit.end,
  };
  // "Lockheed Martin and Northrop Grumman were selected": one deal per name of the split role
  const split = hit.frame.splitBy;
  const splitParties = split ? (byRole.get(split) ?? []) : [];
  if (split && splitParties.length > 1) {
    // "Parkway and Align are investing $100 million and $90 million, respectively"
    const clauseText = input.text.slice(clause.start, clause.end);
    const each = input.amounts.filter(
      (a) => a.start >= hit.trigger && a.start < clause.end && !isEquivalent(input.text, a),
    );
    if (/\brespectively\b/i.test(clauseText) && each.length === splitParties.length) {
      each.forEach((a) => takenAmounts.add(a));
      return splitDeals(hit, byRole, split, base).map((deal, i) => ({
        ...deal,
        value: valueOf(each[i]!),
        currency: each[i]!.currency,
      }));
    }
    return splitDeals(hit, byRole, split, base);
  }
  return [{ ...base, parties }];
}

/** The headline of an amount: the ceiling of a range. */
function valueOf(amount: AmountMention): number {
  return Array.isArray(amount.value) ? amount.value[1] : amount.value;
}

function splitDeals(
  hit: FrameHit,
  byRole: Map<string, PartyMention[]>,
  split: string,
  base: Omit<SentenceDeal, 'parties'>,
): SentenceDeal[] {
  return (byRole.get(split) ?? [])
    .map((one) => ({
      ...base,
      parties: hit.frame.parties.flatMap((role) => (role === split ? [one] : (byRole.get(role) ?? []))),
    }))
    .filter((deal) => new Set(deal.parties.map((p) => p.entityId)).size >= 2);
}

/** The organisations (and unknown names) a sentence names before an offset, in order. */
function namedBefore(shaped: ShapedSentence, input: SentenceDealInput, offset: number): PartyMention[] {
  return shaped.slots
    .filter((s) => (s.cls === 'org' || s.cls === 'name') && s.end <= offset)
    .flatMap((s) => partyOf(s, input));
}

/** A slot's party: an organisation (or a product's owner), a person or place where the frame allows it, or a new name. */
function partyOf(slot: ShapedSlot, input: SentenceDealInput): PartyMention[] {
  if (slot.type === 'implicit')
    return [{ entityId: '', name: slot.text, start: slot.start, end: slot.end, isProvider: false }];
  if (slot.party) return [slot.party];
  if (slot.type === 'name') {
    const name = withoutLegalForm(slot.text);
    const id = input.idOfName?.(name) ?? `entity:${name.toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-')}`;
    return [{ entityId: id, name, start: slot.start, end: slot.end, isProvider: false, isNewName: true }];
  }
  return [];
}

/**
 * A role the frame left open, from the clause: a list item's label ("Oracle: …"), the party
 * before a parenthesis the words stand in ("MásMóvil (including the acquisition of Euskaltel)"),
 * else the nearest party before the frame's words.
 */
function fromClause(
  hit: FrameHit,
  role: string,
  input: SentenceDealInput,
  shaped: ShapedSentence,
  clause: { start: number; end: number },
  used: ReadonlySet<string>,
): { party: PartyMention; isInferred: boolean } | undefined {
  // "64 Nvidia H100 GPUs rented from Google Cloud": a maker naming the goods is no party
  const isModifier = (p: PartyMention) => GOODS_AFTER.test(input.text.slice(p.end, p.end + 30));
  // "Tech privileges: Microsoft keeps …": a name inside a list item's label is no subject
  const labelEnd = LABEL.exec(input.text)?.[0].length ?? 0;
  const isInLabel = (p: PartyMention) =>
    labelEnd > 0 && p.end < labelEnd && !/^\s*(?:\([^()]*\))?\s*:/.test(input.text.slice(p.end));
  const free = namedBefore(shaped, input, hit.start).filter(
    (p) => !used.has(p.entityId) && p.start >= clause.start && !isModifier(p) && !isInLabel(p),
  );
  const we = shaped.slots.find(
    (s) => s.type === 'implicit' && s.text === 'we' && s.start >= clause.start && s.end <= hit.start,
  );
  if (we && (free.length === 0 || free[free.length - 1]!.start < we.start)) {
    const writer = input.inferParty(used, { kind: hit.kind, role, isImplicit: true, isFirstPerson: true });
    if (writer) return { party: { ...writer, start: -1, end: -1 }, isInferred: true };
  }
  if (free.length === 0) {
    const label = LABEL.test(input.text)
      ? input.parties.find((p) => p.start === 0 && /^\s*:/.test(input.text.slice(p.end)) && !used.has(p.entityId))
      : undefined;
    return label ? { party: label, isInferred: false } : undefined;
  }
  const open = input.text.lastIndexOf('(', hit.start);
  if (open >= clause.start && input.text.indexOf(')', open) >= hit.start) {
    const before = free.filter((p) => p.end <= open);
    if (before.length) return { party: before[before.length - 1]!, isInferred: false };
  }
  // the clause's subject for "the acquisition of X" (a nominal frame with no verb), else the nearest
  const party = hit.verb || role !== hit.frame.parties[0] ? free[free.length - 1]! : free[0]!;
  return { party, isInferred: false };
}

function contextParty(
  input: SentenceDealInput,
  used: ReadonlySet<string>,
  hit: FrameHit,
  role: string,
  isSubject = false,
): { party: PartyMention; isInferred: boolean } | undefined {
  const isAbsent = !hit.roles.has(role);
  const party = input.inferParty(used, {
    kind: hit.kind,
    role,
    isImplicit: isAbsent,
    frameId: `${hit.kind}/${hit.frame.id}`,
    isSubjectOfArticle: isSubject,
    ...(isAbsent ? { absentRoleIndex: hit.frame.parties.indexOf(role) } : {}),
  });
  return party ? { party: { ...party, start: -1, end: -1 }, isInferred: true } : undefined;
}

/** A partnership with a cloud provider is a cloud contract; one about supplies, a supply agreement. */
function refineKind(kind: DealKind, parties: readonly PartyMention[], words: string, frameId: string): DealKind {
  if (kind !== 'partnership') return kind;
  if (
    parties.some((p) => p.isProvider) &&
    (CLOUD_WORDS.test(words) || /\b(?:deal|agreement|contract|partnership)\b/i.test(words))
  )
    return 'cloud-contract';
  if (frameId.startsWith('act') && /\bsupply\b/i.test(words)) return 'supply-agreement';
  return kind;
}

/**
 * The amount a hit states: one inside its words, else the nearest in its clause (one in the same
 * statement when the clause has none), never a valuation, revenue, per-share price or a restated
 * equivalent, nor one another deal of the sentence took.
 */
function amountFor(
  hit: FrameHit,
  input: SentenceDealInput,
  clauses: ReadonlyArray<{ start: number; end: number }>,
  taken: ReadonlySet<AmountMention>,
): AmountMention | undefined {
  const clause = clauseAt(clauses, hit.trigger);
  // "a reported $50 billion investment": an amount before another kind's noun is that deal's (a bare "deal" names no kind)
  const nounAfter = (a: AmountMention) =>
    (input.signals ?? []).some(
      (s) =>
        s.kind !== hit.kind &&
        s.kind !== 'partnership' &&
        s.index >= (a.end ?? a.start) &&
        s.index - (a.end ?? a.start) <= 12 &&
        (s.index < hit.start || s.index >= hit.end),
    );
  const free = input.amounts.filter(
    (a) => !taken.has(a) && !isNotDealValue(input.text, a) && !isEquivalent(input.text, a) && !nounAfter(a),
  );
  const inside = free.find((a) => a.start >= hit.start && a.start < hit.end);
  if (inside) return inside;
  // words in parentheses take only an amount in them: "€10.9 billion for MásMóvil (including the acquisition of Euskaltel)"
  const open = input.text.lastIndexOf('(', hit.start);
  const close = open >= 0 ? input.text.indexOf(')', open) : -1;
  if (open >= 0 && close >= hit.start)
    return nearest(
      free.filter((a) => a.start > open && a.start < close),
      hit.trigger,
    );
  const inClause = free.filter((a) => a.start >= clause.start && a.start < clause.end);
  if (inClause.length) return nearest(inClause, hit.trigger);
  // "… launched with SoftBank & Oracle — $500 B for data centers": an amount standing alone in the
  // next clause of the same statement (no deal words of its own)
  const next = clauses[clauses.indexOf(clause) + 1];
  if (!next || input.text.slice(clause.end, next.start).includes(';') || next.end - next.start > 60) return undefined;
  const alone = free.filter((a) => a.start >= next.start && a.start < next.end);
  const hasOwnDeal = (input.signals ?? []).some((s) => s.index >= next.start && s.index < next.end);
  return alone.length === 1 && !hasOwnDeal ? alone[0] : undefined;
}

/** The clause the status is read in, with a following ", but …" that tells how it ended. */
function statusText(
  text: string,
  clauses: ReadonlyArray<{ start: number; end: number }>,
  clause: { start: number; end: number },
): string {
  const index = clauses.indexOf(clause);
  const next = clauses[index + 1];
  const end = next && /^,?\s*but\b/i.test(text.slice(clause.end, next.start + 4)) ? next.end : clause.end;
  return text.slice(clause.start, end);
}
