/**
 * Fact keys: what each figure of a claim measures — subject, metric and period — so that the
 * same fact can be found in other sources. "Microsoft … invested a total of $13 billion into
 * OpenAI" → (Microsoft → OpenAI, investment, cumulative). A figure without a confident key
 * gets none. Pure: the same analysis always gives the same keys, in figure order.
 */
import type { Analysis, Claim, Figure } from '../analysis';
import type { Qualifier } from '../extract/figures/figure';
import type { Deal } from '../extract/deals/deal';
import { clauseOf, isChange, isPartOfEarlier, qualifierInClause } from './clause';
import { documentContextOf, isSubjectType, mentionsBySentence } from './documentContext';
import {
  FLOW_METRICS,
  PROJECTABLE_METRICS,
  RELATIONAL_METRICS,
  metricOf,
  type Metric,
  type MetricCue,
  type Span,
} from './metric';
import { periodOf, type DateInSentence, type FigurePeriod } from './period';
import {
  dealSubject,
  entitySubject,
  isSourceMention,
  pairSubject,
  pickDeal,
  type ClaimDeal,
  type DocumentContext,
  type MentionSpan,
  type Subject,
  type SubjectContext,
} from './subject';

export interface FactKey {
  /** `subject|metric|period`, e.g. "entity:microsoft>entity:openai|investment|cumulative". */
  readonly id: string;
  readonly subject: Subject;
  readonly metric: Metric;
  /** "2023", "FY2025", "2025-Q3", "cumulative", "annual", "initial", "projected 2026"; null: as of the article. */
  readonly period: string | null;
}

export interface FigureFact {
  readonly figureId: string;
  readonly key: FactKey;
  /** The qualifier as the clause reads it ("exceed $60 billion" is more than $60 billion). */
  readonly qualifier: Qualifier | null;
  /** When a key has no year: the article's dateline, so statements years apart are not compared. */
  readonly asOf: string | null;
  /** For a deal's figures: the deal's date as this source states it (never inferred). */
  readonly dealDate: string | null;
}

const MEASURED_KINDS = new Set(['money', 'percent', 'power', 'count']);
const POWER_UNITS = new Set(['GW', 'MW', 'kW', 'TW']);

/** Every keyed figure of the analysis's claims. */
export function factsOf(analysis: Analysis): FigureFact[] {
  const mentions = mentionsBySentence(analysis);
  const document = documentContextOf(analysis, mentions);
  const figures = new Map(analysis.figures.map((f) => [f.id, f]));
  const deals = new Map(analysis.deals.map((d) => [d.id, d]));
  // a deal's mention in each sentence, looked up, not searched: a deal told in n sentences has n claims
  const mentionsOfDeal = new Map<string, Map<number, Deal['mentions'][number]>>();
  const mentionIn = (deal: Deal, sentenceIndex: number) => {
    let bySentence = mentionsOfDeal.get(deal.id);
    if (!bySentence) {
      mentionsOfDeal.set(deal.id, (bySentence = new Map()));
      for (const m of deal.mentions) if (!bySentence.has(m.sentenceIndex)) bySentence.set(m.sentenceIndex, m);
    }
    return bySentence.get(sentenceIndex);
  };
  const out: FigureFact[] = [];
  for (const claim of analysis.claims) {
    const own = claim.figureIds.map((id) => figures.get(id)).filter((f): f is Figure => !!f);
    const claimDeals = claim.dealIds.flatMap((id) => {
      const deal = deals.get(id);
      const mention = deal && mentionIn(deal, claim.sentenceIndex);
      if (!deal || !mention) return [];
      const parties = deal.partyIds.map((pid, i) => ({ id: pid, name: deal.parties[i] ?? pid }));
      const date = mention.date !== null && mention.date !== analysis.dateline ? mention.date : null;
      return [{ kind: deal.kind, parties, isPartyInferred: deal.isPartyInferred, value: mention.value, date }];
    });
    const here = mentions[claim.sentenceIndex] ?? [];
    for (const figure of own) {
      const fact =
        claim.text.length <= LONG_CLAIM_CHARS
          ? factOf(analysis, claim, figure, own, here, claimDeals, document)
          : factInWindow(analysis, claim, figure, own, here, claimDeals, document);
      if (fact) out.push(fact);
    }
  }
  return out;
}

/**
 * A claim longer than this is keyed figure by figure in a window of WINDOW_CHARS on either side
 * of the figure: every rule reads the figure's clause and what stands near it, and reading the
 * whole sentence for each figure made keying grow with the square of a long sentence (one
 * sentence of 4,000 figures joined by "U.S.": 14 s).
 */
const LONG_CLAIM_CHARS = 2_000;
const WINDOW_CHARS = 600;

function factInWindow(
  analysis: Analysis,
  claim: Claim,
  figure: Figure,
  own: readonly Figure[],
  mentionsHere: readonly MentionSpan[],
  deals: readonly DatedClaimDeal[],
  document: DocumentContext,
): FigureFact | null {
  const from = Math.max(0, figure.sentenceOffset - WINDOW_CHARS);
  const to = Math.min(claim.text.length, figure.sentenceOffset + figure.text.length + WINDOW_CHARS);
  const inside = <T>(items: readonly T[], start: (item: T) => number, end: (item: T) => number): T[] => {
    // items are in order of their start: find the first at or after `from` by bisection
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (start(items[mid]!) < from) lo = mid + 1;
      else hi = mid;
    }
    const out: T[] = [];
    for (let i = lo; i < items.length && start(items[i]!) < to; i++) if (end(items[i]!) <= to) out.push(items[i]!);
    return out;
  };
  const figures = inside(
    own,
    (f) => f.sentenceOffset,
    (f) => f.sentenceOffset + f.text.length,
  ).map((f) => ({ ...f, sentenceOffset: f.sentenceOffset - from }));
  const self = figures.find((f) => f.id === figure.id);
  if (!self) return null;
  const mentions = inside(
    mentionsHere,
    (m) => m.start,
    (m) => m.end,
  ).map((m) => ({ ...m, start: m.start - from, end: m.end - from }));
  const attribution =
    claim.attribution && claim.attribution.start >= from && claim.attribution.end <= to
      ? { ...claim.attribution, start: claim.attribution.start - from, end: claim.attribution.end - from }
      : null;
  const window: Claim = { ...claim, text: claim.text.slice(from, to), attribution };
  return factOf(analysis, window, self, figures, mentions, deals, document);
}

type DatedClaimDeal = ClaimDeal & { readonly date: string | null };

function factOf(
  analysis: Analysis,
  claim: Claim,
  figure: Figure,
  own: readonly Figure[],
  mentionsHere: readonly MentionSpan[],
  deals: readonly DatedClaimDeal[],
  document: DocumentContext,
): FigureFact | null {
  if (
    !MEASURED_KINDS.has(figure.kind) ||
    typeof figure.value === 'string' ||
    (Array.isArray(figure.value) && typeof figure.value[0] === 'string')
  )
    return null;
  if (figure.kind === 'power' && !POWER_UNITS.has(figure.unit ?? '')) return null;
  const sentence = claim.text;
  const span = spanInSentence(sentence, figure);
  const clause = clauseOf(sentence, span);
  if (isPartOfEarlier(sentence, span)) return null;
  const others = own.filter((f) => f !== figure && f.kind === figure.kind).map((f) => spanInSentence(sentence, f));
  const attribution = claim.attribution?.kind === 'according-to' ? claim.attribution : null;
  const subjects = mentionsHere.filter(
    (m) =>
      isSubjectType(m.type) &&
      !(attribution && m.start >= attribution.start && m.end <= attribution.end) &&
      !isSourceMention(sentence, m),
  );
  const amount = figure.kind === 'money' ? headline(figure.value as number | [number, number]) : null;
  const base = {
    sentence,
    sentenceIndex: claim.sentenceIndex,
    clause,
    figure: span,
    mentions: subjects,
    deals,
    amount,
    document,
  };
  const found =
    metricOf({ sentence, clause, figure: span, kind: figure.kind, otherFigures: others, subjectMentions: subjects }) ??
    dealValueByAmount(base);
  if (!found) return null;
  if (found.metric !== 'growth' && isChange(sentence, span, figure.text)) return null;
  const context: SubjectContext = { ...base, cue: found.cue };
  const subject = subjectFor(found.metric, context);
  if (!subject) return null;
  const dates: DateInSentence[] = own
    .filter((f) => f.kind === 'date')
    .map((f) => ({ span: spanInSentence(sentence, f), value: f.value }));
  const period = composePeriod(
    found.metric,
    subject,
    periodOf({ sentence, clause, figure: span, cue: found.cue, dates }),
  );
  if (period === undefined) return null;
  const deal = subject.shape === 'deal' ? (pickDeal(context, null) as DatedClaimDeal | undefined) : undefined;
  return {
    figureId: figure.id,
    key: { id: factKeyId(subject, found.metric, period), subject, metric: found.metric, period },
    qualifier: qualifierInClause(sentence, span, figure.qualifier),
    asOf: period && /\d{4}/.test(period) ? null : analysis.dateline,
    dealDate: deal?.date ?? null,
  };
}

/** No cue, but the figure is the amount of a contract the claim reports: the deal's value. */
function dealValueByAmount(context: Omit<SubjectContext, 'cue'>): MetricCue | null {
  if (context.amount === null) return null;
  const deal = pickDeal({ ...context, cue: null }, null);
  return deal && deal.value !== null ? { metric: 'deal-value', cue: context.figure } : null;
}

function subjectFor(metric: Metric, context: SubjectContext): Subject | null {
  if (RELATIONAL_METRICS.has(metric)) return pairSubject(context, metric);
  if (metric === 'deal-value') return dealSubject(context);
  if (metric === 'capacity') return dealSubject(context) ?? entitySubject(context);
  return entitySubject(context);
}

/**
 * The period part of the key; undefined when the figure cannot be keyed. A deal's figures
 * have none (the deal is the subject); a flow (investment, revenue…) needs a year or a scope.
 */
function composePeriod(metric: Metric, subject: Subject, period: FigurePeriod): string | null | undefined {
  if (subject.shape === 'deal') return null;
  const projected = PROJECTABLE_METRICS.has(metric) && period.isProjected ? 'projected' : null;
  if (FLOW_METRICS.has(metric) && !period.year && !period.scope) return undefined;
  // a flow's scope says which amount it is; of a level ("total compute commitments") only "initial" does
  const scope = FLOW_METRICS.has(metric)
    ? period.scope === 'annual' && period.year
      ? null
      : period.scope
    : period.scope === 'initial'
      ? 'initial'
      : null;
  const parts = [projected, scope, period.year].filter((p): p is string => !!p);
  return parts.length > 0 ? parts.join(' ') : null;
}

/** The figure in its sentence's prose: from its offset, as long as its text without markup. */
function spanInSentence(sentence: string, figure: Figure): Span {
  const start = Math.min(figure.sentenceOffset, sentence.length);
  const length = figure.text.replace(/[*_`]/g, '').length;
  return { start, end: Math.min(sentence.length, start + length) };
}

function headline(value: number | [number, number]): number {
  return Array.isArray(value) ? value[1] : value;
}

/** "entity:openai", "entity:microsoft>entity:openai", "deal:cloud-contract:amazon-web-services+openai". */
export function subjectId(subject: Subject, resolve: (entityId: string) => string = (id) => id): string {
  if (subject.shape === 'entity') return resolve(subject.parties[0].id);
  if (subject.shape === 'pair') return `${resolve(subject.parties[0].id)}>${resolve(subject.parties[1].id)}`;
  const parties = subject.parties.map((p) => resolve(p.id).replace(/^entity:/, '')).sort();
  return `deal:${subject.dealKind}:${parties.join('+')}`;
}

export function factKeyId(
  subject: Subject,
  metric: Metric,
  period: string | null,
  resolve?: (entityId: string) => string,
): string {
  return `${subjectId(subject, resolve)}|${metric}|${period ?? ''}`;
}

/** "Microsoft → OpenAI", "OpenAI", "OpenAI + Amazon Web Services (cloud-contract)". */
export function subjectName(subject: Subject): string {
  if (subject.shape === 'entity') return subject.parties[0].name;
  if (subject.shape === 'pair') return `${subject.parties[0].name} → ${subject.parties[1].name}`;
  return `${subject.parties.map((p) => p.name).join(' + ')} (${subject.dealKind})`;
}

/** "Microsoft → OpenAI: investment, cumulative". */
export function describeKey(key: FactKey): string {
  return `${subjectName(key.subject)}: ${key.metric}${key.period ? `, ${key.period}` : ''}`;
}
