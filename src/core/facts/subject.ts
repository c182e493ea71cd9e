/**
 * Whose figure it is. Three shapes: one entity (OpenAI's revenue), a holder and what it holds
 * (Microsoft → OpenAI: investment, stake, revenue share), or a deal (the cloud contract of
 * OpenAI and Amazon Web Services). Taken from the claim's deals and the organisations of the
 * figure's clause; a party the sentence leaves implicit comes from the document (the
 * organisation most often named with the other party) or the section title. Undecided is null.
 */
import type { DealKind } from '../extract/deals/kinds';
import type { EntityType } from '../extract/entities/lexicon';
import type { Metric, Span } from './metric';
import { byText } from './order';
import { pattern, words } from '../regexParts';

export interface Party {
  readonly id: string;
  readonly name: string;
}

export type Subject =
  | { readonly shape: 'entity'; readonly parties: readonly [Party] }
  /** Holder first: the investor, the shareholder, the one taking the revenue share. */
  | { readonly shape: 'pair'; readonly parties: readonly [Party, Party] }
  /** Parties sorted by id: a deal has no holder. */
  | { readonly shape: 'deal'; readonly dealKind: DealKind; readonly parties: readonly Party[] };

/** An entity named in a sentence, in sentence-relative prose offsets. */
export interface MentionSpan {
  readonly entityId: string;
  readonly name: string;
  readonly type: EntityType;
  readonly start: number;
  readonly end: number;
}

/** A deal of the claim, as this sentence states it. */
export interface ClaimDeal {
  readonly kind: DealKind;
  /** In role order (acquirer→target, investor→investee, customer→provider). */
  readonly parties: readonly Party[];
  readonly isPartyInferred: boolean;
  /** The amount this sentence gives the deal. */
  readonly value: number | null;
}

/** What the rest of the document says about its entities. */
export interface DocumentContext {
  /** The organisation named with `id` in the most sentences (twice or more, and more than any other). */
  dominantPartner(id: string): Party | undefined;
  /** The one organisation, product or initiative of the nearest section title above the sentence. */
  sectionSubject(sentenceIndex: number): Party | undefined;
}

export interface SubjectContext {
  readonly sentence: string;
  readonly sentenceIndex: number;
  readonly clause: Span;
  readonly figure: Span;
  /** The cue that gave the metric, when a word did. */
  readonly cue: Span | null;
  /** Entities that can be subjects (organisations, products, initiatives), cited sources left out. */
  readonly mentions: readonly MentionSpan[];
  readonly deals: readonly ClaimDeal[];
  /** The figure's headline amount (the high end of a range), for matching a deal's value. */
  readonly amount: number | null;
  readonly document: DocumentContext;
}

const INVESTMENT_KINDS: ReadonlySet<DealKind> = new Set(['investment', 'funding-round', 'equity-stake']);
const RELATED_KINDS: Readonly<Record<string, ReadonlySet<DealKind>>> = {
  investment: INVESTMENT_KINDS,
  stake: new Set(['equity-stake', 'investment', 'funding-round', 'acquisition']),
  'stake-value': new Set(['equity-stake', 'investment', 'acquisition']),
  'revenue-share': new Set(['revenue-share']),
};
/** Objects of a preposition are not what the figure is about: "$7B for Gemini", "revenue from OpenAI". */
const OBJECT_BEFORE = /\b(?:from|with|to|than|for|versus|vs\.?|against|over|like)\s+(?:the\s+)?$/i;
const TARGET_BEFORE = /\b(?:in|into)\s+(?:the\s+)?$/i;
const TARGET_BEFORE_SHARE = /\b(?:in|into|of|from)\s+(?:the\s+)?$/i;
/** "OpenAI’s annual revenue", "Apple spends", "Microsoft stake": the owner right before the cue (one word between at most). */
const OWNER_BEFORE_CUE = /^(?:[’']s)?(?:\s+[\p{L}-]+)?[\s:]*$/u;
/** "Nimbrel AI and Vantor Cloud …": one of several owners named together. */
const COORDINATED_BEFORE = /(?:\band|&|,)\s+$/;
/** "McKinsey’s analysis estimates", "Reuters reported that": a source of the claim, not its subject (unless "said that it…"). */
const SOURCE_AFTER = (() => {
  const works = words([
    'analysis',
    'analysts',
    'report',
    'research',
    'estimates?',
    'forecasts?',
    'data',
    'survey',
    'study',
    'figures',
    'models',
  ]);
  const says = words([
    'says',
    'said',
    'estimates?',
    'estimated',
    'reports?',
    'reported',
    'argues',
    'argued',
    'forecasts?',
    'predicts?',
    'predicted',
    'believes',
    'thinks',
    'notes',
    'noted',
    'wrote',
    'told',
  ]);
  /** "said that it …", "says we …": the subject speaks of itself, so it is the subject after all */
  const ofItself = `(?!\\s+${words(['it', 'its', "it[’']s", 'we', 'our', 'the company'])}\\b)`;
  return pattern(
    ['^', words([`[’']s\\s+(?:own\\s+)?${works}\\b`, `\\s+${says}(?:\\s+that\\b|\\s*[,:“"])${ofItself}`])],
    'i',
  );
})();
const BACKER_AFTER =
  /^[’']s\s+(?:(?:largest|biggest|main|major|leading|best-known|and|early|first)\s+){0,4}(?:backer|investor|shareholder|owner)\b/i;

export function isContractKind(kind: DealKind): boolean {
  return !INVESTMENT_KINDS.has(kind);
}

/** One entity: the one next to the cue, the only one in the clause, or the section's. */
export function entitySubject(context: SubjectContext): Subject | null {
  const inClause = context.mentions.filter(
    (m) => m.start >= context.clause.start && m.end <= context.clause.end && !isObject(context, m),
  );
  const cue = context.cue;
  if (cue) {
    const adjacent = inClause.find(
      (m) =>
        (m.end <= cue.start && OWNER_BEFORE_CUE.test(context.sentence.slice(m.end, cue.start))) ||
        (m.start >= cue.end && /^\s+of\s+(?:the\s+)?$/i.test(context.sentence.slice(cue.end, m.start))),
    );
    const isCoordinated =
      adjacent &&
      COORDINATED_BEFORE.test(context.sentence.slice(Math.max(0, adjacent.start - 6), adjacent.start)) &&
      inClause.some((m) => m.end <= adjacent.start && adjacent.start - m.end <= 6);
    if (adjacent && isCoordinated) return null;
    if (adjacent) return single(adjacent);
  }
  const distinct = uniqueParties(inClause);
  if (distinct.length === 1) return { shape: 'entity', parties: [distinct[0]!] };
  if (context.mentions.length > 0) return null;
  const section = context.document.sectionSubject(context.sentenceIndex);
  return section ? { shape: 'entity', parties: [section] } : null;
}

/** A holder and what it holds, oriented by the sentence ("in OpenAI", "Microsoft's stake"). */
export function pairSubject(context: SubjectContext, metric: Metric): Subject | null {
  const deal = pickDeal(context, RELATED_KINDS[metric] ?? INVESTMENT_KINDS);
  let parties: Party[] | null = null;
  if (deal) {
    parties = deal.parties.length === 2 ? withImplicitPartner(context, deal) : null;
  } else {
    const named = uniqueParties(
      context.mentions.filter(
        (m) => m.type === 'org' && m.start >= context.clause.start && m.end <= context.clause.end,
      ),
    );
    if (named.length === 2) parties = named;
    else if (named.length === 1) {
      const partner = context.document.dominantPartner(named[0]!.id);
      parties = partner ? [named[0]!, partner] : null;
    }
  }
  if (!parties || parties[0]!.id === parties[1]!.id) return null;
  const oriented = orient(context, parties as [Party, Party], metric, deal);
  return oriented ? { shape: 'pair', parties: oriented } : null;
}

/** The deal a figure is the value (or capacity) of. */
export function dealSubject(context: SubjectContext): Subject | null {
  const deal = pickDeal(context, null);
  if (!deal || deal.parties.length < 2) return null;
  const parties = withImplicitPartner(context, deal);
  if (new Set(parties.map((p) => p.id)).size !== parties.length) return null;
  return { shape: 'deal', dealKind: deal.kind, parties: [...parties].sort((a, b) => byText(a.id, b.id)) };
}

/** The claim's deal of the given kinds (contract kinds when null): the one whose amount is the figure's, else the only one. */
export function pickDeal(context: SubjectContext, kinds: ReadonlySet<DealKind> | null): ClaimDeal | undefined {
  const candidates = context.deals.filter((d) => (kinds ? kinds.has(d.kind) : isContractKind(d.kind)));
  const amount = context.amount;
  // a share or a capacity belongs to the claim's one deal, whatever its amount
  if (amount === null) return candidates.length === 1 ? candidates[0] : undefined;
  const valued = candidates.filter(
    (d) => d.value !== null && Math.abs(d.value - amount) <= 0.005 * Math.max(d.value, amount),
  );
  if (valued.length === 1) return valued[0];
  if (valued.length > 1) return undefined;
  return candidates.length === 1 && candidates[0]!.value === null ? candidates[0] : undefined;
}

/**
 * A party the deal detector took from the context ("Its deals include: Oracle: …") stands
 * unless the document pairs the named party with another organisation far more often.
 */
function withImplicitPartner(context: SubjectContext, deal: ClaimDeal): Party[] {
  if (!deal.isPartyInferred) return [...deal.parties];
  const namedIds = new Set(context.mentions.map((m) => m.entityId));
  const named = deal.parties.filter((p) => namedIds.has(p.id));
  if (named.length !== 1) return [...deal.parties];
  const partner = context.document.dominantPartner(named[0]!.id);
  if (!partner || deal.parties.some((p) => p.id === partner.id)) return [...deal.parties];
  return deal.parties.map((p) => (namedIds.has(p.id) ? p : partner));
}

/**
 * Which party holds: the one after "in"/"into" ("$13 billion into OpenAI") or before "'s
 * backer" is held; otherwise the one named before the figure when the other is not. Else the
 * deal's role order, when the deal named both parties itself.
 */
function orient(
  context: SubjectContext,
  parties: [Party, Party],
  metric: Metric,
  deal: ClaimDeal | undefined,
): [Party, Party] | null {
  const { sentence, clause, figure } = context;
  const targetBefore = metric === 'revenue-share' ? TARGET_BEFORE_SHARE : TARGET_BEFORE;
  const mentionsOf = (p: Party) =>
    context.mentions.filter((m) => m.entityId === p.id && m.start >= clause.start && m.end <= clause.end);
  const isHeld = (p: Party) =>
    mentionsOf(p).some(
      (m) =>
        targetBefore.test(sentence.slice(Math.max(clause.start, m.start - 12), m.start)) ||
        BACKER_AFTER.test(sentence.slice(m.end, m.end + 60)),
    );
  const [a, b] = parties;
  if (isHeld(b) && !isHeld(a)) return [a, b];
  if (isHeld(a) && !isHeld(b)) return [b, a];
  const isBefore = (p: Party) => mentionsOf(p).some((m) => m.end <= figure.start);
  if (isBefore(a) && !isBefore(b)) return [a, b];
  if (isBefore(b) && !isBefore(a)) return [b, a];
  return deal && !deal.isPartyInferred ? [a, b] : null;
}

function isObject(context: SubjectContext, mention: MentionSpan): boolean {
  return OBJECT_BEFORE.test(context.sentence.slice(Math.max(0, mention.start - 12), mention.start));
}

/** An organisation cited as the source of the claim ("McKinsey’s analysis estimates …"). */
export function isSourceMention(sentence: string, mention: MentionSpan): boolean {
  return SOURCE_AFTER.test(sentence.slice(mention.end, mention.end + 48));
}

function single(mention: MentionSpan): Subject {
  return { shape: 'entity', parties: [{ id: mention.entityId, name: mention.name }] };
}

function uniqueParties(mentions: readonly MentionSpan[]): Party[] {
  const seen = new Map<string, Party>();
  for (const m of mentions) if (!seen.has(m.entityId)) seen.set(m.entityId, { id: m.entityId, name: m.name });
  return [...seen.values()];
}
