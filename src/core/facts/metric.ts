/**
 * What a figure measures, from the words of its clause: "invested $13 billion" → investment,
 * "a 27% stake" → stake, "valued at $38 billion" after "partnership" → deal-value,
 * "$1.4 trillion in compute commitments" → compute-commitment. General cue words, each for the
 * figure kinds it can measure; the nearest wins, a specific cue counting as 20 characters
 * nearer than a loose one. Two different metrics about as near, or no cue within 48
 * characters of the clause, give no metric: better silent than wrong.
 */
import type { FigureKind } from '../extract/figures/figure';
import { matchesOf, pattern, words } from '../regexParts';

export const METRICS = [
  'investment',
  'funding',
  'valuation',
  'revenue',
  'profit',
  'spending',
  'deal-value',
  'compute-commitment',
  'stake',
  'stake-value',
  'revenue-share',
  'market-share',
  'market-cap',
  'capacity',
  'growth',
  'users',
  'weekly-users',
  'monthly-users',
  'daily-users',
  'customers',
  'employees',
] as const;
export type Metric = (typeof METRICS)[number];

/** A holder and what it holds: "Microsoft → OpenAI". */
export const RELATIONAL_METRICS: ReadonlySet<Metric> = new Set(['investment', 'stake', 'stake-value', 'revenue-share']);
/** Measured over a span of time: without a year or a scope ("total", "annual") the figure could be any tranche. */
export const FLOW_METRICS: ReadonlySet<Metric> = new Set([
  'investment',
  'funding',
  'revenue',
  'profit',
  'spending',
  'growth',
]);
/** Forecasts of these ("could reach", "expected") are a different fact from what was reported. */
export const PROJECTABLE_METRICS: ReadonlySet<Metric> = new Set([
  'valuation',
  'revenue',
  'profit',
  'market-cap',
  'growth',
  'users',
  'weekly-users',
  'monthly-users',
  'daily-users',
  'customers',
  'employees',
]);

/** A span of the sentence, in prose offsets. */
export interface Span {
  readonly start: number;
  readonly end: number;
}

interface Cue {
  readonly metric: Metric | ((match: string) => Metric);
  readonly kinds: readonly FigureKind[];
  /** Global, case-insensitive, bounded (no nested quantifiers). */
  readonly pattern: RegExp;
  readonly side: 'before' | 'after' | 'either';
  /** 2: names what is measured ("valuation", "compute commitments"); 1: a verb or a loose noun ("invested", "deal"). */
  readonly priority: 1 | 2;
}

const MONEY: readonly FigureKind[] = ['money'];
const PERCENT: readonly FigureKind[] = ['percent'];

const CUES: readonly Cue[] = [
  // "$1.4 trillion in compute commitments", "invest $X in AI infrastructure", "Planned $X in compute"
  {
    metric: 'compute-commitment',
    kinds: MONEY,
    side: 'after',
    priority: 2,
    pattern:
      /^[\s\w-]{0,12}?\bin (?:(?:new|custom|AI|cloud|global)\s+){0,2}(?:compute|computing|infrastructure|data[- ]cent(?:er|re)s?|servers|chips|GPUs)\b/gi,
  },
  {
    metric: 'compute-commitment',
    kinds: MONEY,
    side: 'either',
    priority: 2,
    pattern: /\bcompute (?:commitments?|spend(?:ing)?|purchases?)\b/gi,
  },
  { metric: 'stake-value', kinds: MONEY, side: 'either', priority: 2, pattern: /\bequity value\b|\bin equity\b/gi },
  {
    metric: 'market-cap',
    kinds: MONEY,
    side: 'either',
    priority: 2,
    pattern: /\bmarket (?:cap|capitali[sz]ation)\b/gi,
  },
  { metric: 'valuation', kinds: MONEY, side: 'either', priority: 2, pattern: /\bvaluations?\b/gi },
  {
    metric: 'deal-value',
    kinds: MONEY,
    side: 'either',
    priority: 1,
    pattern:
      /\b(?:deal|contract|agreement|partnership|pact|commitment|arrangement|transaction|acquisition|takeover|buyout)s?\b/gi,
  },
  {
    metric: 'funding',
    kinds: MONEY,
    side: 'either',
    priority: 2,
    pattern: /\bfunding round\b|\bround of funding\b|\bSeries [A-H]\b|\bseed round\b|\brais(?:e|es|ed|ing)\b/gi,
  },
  {
    metric: 'revenue',
    kinds: MONEY,
    side: 'either',
    priority: 1,
    pattern: /\brevenues?\b(?![- ]shar)|\bsales\b|\bturnover\b|\bearn(?:s|ed|ing)?\b(?! (?:call|per share))/gi,
  },
  {
    metric: 'profit',
    kinds: MONEY,
    side: 'either',
    priority: 1,
    pattern: /\b(?:net |operating )?(?:profits?|income|losses|loss)\b/gi,
  },
  {
    metric: 'investment',
    kinds: MONEY,
    side: 'either',
    priority: 1,
    pattern: /\binvest(?:s|ed|ing|ment|ments|or)?\b|\bpoured\b|\bbacked\b|\bbacking\b|\bfunded\b|\binjected\b/gi,
  },
  {
    metric: 'spending',
    kinds: MONEY,
    side: 'either',
    priority: 1,
    pattern: /\bspend(?:s|ing)?\b|\bspent\b|\bcapex\b|\bcapital expenditures?\b/gi,
  },
  {
    metric: 'revenue-share',
    kinds: PERCENT,
    side: 'either',
    priority: 2,
    pattern: /\brevenue[- ]shar\w*|\b(?:cut|share) of [\w’' ]{0,25}\brevenues?\b/gi,
  },
  { metric: 'market-share', kinds: PERCENT, side: 'either', priority: 2, pattern: /\bmarket share\b/gi },
  {
    metric: 'growth',
    kinds: PERCENT,
    side: 'either',
    priority: 2,
    pattern: /\b(?:YoY|year[- ](?:over|on)[- ]year|QoQ|quarter[- ]over[- ]quarter)\b/gi,
  },
  {
    metric: 'stake',
    kinds: PERCENT,
    side: 'either',
    priority: 1,
    pattern: /\bstake\b|\bequity\b|\bownership\b|\bshareholding\b|\bowns?\b|\bholds?\b/gi,
  },
  {
    metric: 'capacity',
    kinds: ['power'],
    side: 'either',
    priority: 1,
    pattern:
      /\bcapacity\b|\bcompute\b|\bGPUs?\b|\baccelerators?\b|\bchips?\b|\bdata[- ]cent(?:er|re)s?\b|\bclusters?\b/gi,
  },
  {
    metric: usersMetric,
    kinds: ['count'],
    side: 'after',
    priority: 2,
    pattern: /^\s{0,2}(?:(?:weekly|monthly|daily)\s+)?(?:active\s+)?(?:users|subscribers)\b/gi,
  },
  {
    metric: 'customers',
    kinds: ['count'],
    side: 'after',
    priority: 2,
    pattern: /^\s{0,2}(?:(?:paying|business|enterprise)\s+)?(?:customers|clients)\b/gi,
  },
  {
    metric: 'employees',
    kinds: ['count'],
    side: 'after',
    priority: 2,
    pattern: /^\s{0,2}(?:(?:full[- ]time)\s+)?(?:employees|staff|workers|people)\b/gi,
  },
];

function usersMetric(match: string): Metric {
  const frequency = /weekly|monthly|daily/i.exec(match)?.[0].toLowerCase();
  return frequency ? (`${frequency}-users` as Metric) : 'users';
}

/** A cue no farther than this from the figure (UTF-16 units of the sentence). */
export const MAX_CUE_DISTANCE = 48;
/** A specific cue counts as this much nearer than a loose one. */
const SPECIFIC_BONUS = 20;
/** Two cues of different metrics this close in score are a tie: no metric. */
const TIE_DISTANCE = 3;

/** "valued at", "worth": the value of whatever noun comes before. */
const VALUE_CONNECTOR = pattern(
  [
    '\\b',
    words([
      'valued at',
      'worth',
      `valuing ${words(['it', 'the company', 'the startup', 'the firm'])} at`,
      'at a valuation of',
      'valuation of',
    ]),
    `(?:\\s+${words(['about', 'around', 'roughly', 'nearly', 'some', 'over', 'more than', 'up to'])})?`,
    '\\s*$',
  ],
  'i',
);
const DEAL_NOUN =
  /\b(?:deal|contract|agreement|partnership|pact|commitment|arrangement|transaction|acquisition|takeover|buyout)s?\b/gi;
const STAKE_NOUN = /\b(?:stake|holding|equity|shares)\b/gi;
const COMPANY_NOUN = /\b(?:company|startup|firm|group|business|it|valuation)\b/gi;

export interface MetricContext {
  readonly sentence: string;
  readonly clause: Span;
  readonly figure: Span;
  readonly kind: FigureKind;
  /** Spans of the other figures of the sentence that can be measured. */
  readonly otherFigures: readonly Span[];
  /** Where the sentence names an organisation or product (a valuation's subject may precede "valued at"). */
  readonly subjectMentions: readonly Span[];
}

export interface MetricCue {
  readonly metric: Metric;
  /** The words that said so. */
  readonly cue: Span;
}

/** The metric of a figure, or null when no cue says, or two say different things. */
export function metricOf(context: MetricContext): MetricCue | null {
  const connected = connectedMetric(context);
  if (connected !== undefined) return connected;
  const found: Array<MetricCue & { score: number }> = [];
  const { sentence, clause, figure } = context;
  for (const cue of CUES) {
    if (!cue.kinds.includes(context.kind)) continue;
    const isAnchored = cue.pattern.source.startsWith('^');
    const scope = isAnchored ? sentence.slice(figure.end, clause.end) : sentence.slice(clause.start, clause.end);
    const offset = isAnchored ? figure.end : clause.start;
    for (const match of matchesOf(cue.pattern, scope)) {
      const start = offset + match.index;
      const end = start + match[0].length;
      const distance = start >= figure.end ? start - figure.end : end <= figure.start ? figure.start - end : -1;
      if (distance < 0 || distance > MAX_CUE_DISTANCE) continue;
      const isAfter = start >= figure.end;
      if ((cue.side === 'before' && isAfter) || (cue.side === 'after' && !isAfter)) continue;
      if (isBlocked(context, isAfter ? figure.end : end, isAfter ? start : figure.start)) continue;
      const metric = typeof cue.metric === 'function' ? cue.metric(match[0]) : cue.metric;
      found.push({ metric, cue: { start, end }, score: distance - (cue.priority - 1) * SPECIFIC_BONUS });
    }
  }
  if (found.length === 0) return null;
  found.sort((a, b) => a.score - b.score);
  const best = found[0]!;
  const rival = found.find((f) => f.metric !== best.metric && f.score - best.score <= TIE_DISTANCE);
  return rival ? null : { metric: best.metric, cue: best.cue };
}

/** Another figure of the same kind between a cue and this figure: the cue is that figure's. */
function isBlocked(context: MetricContext, from: number, to: number): boolean {
  return context.otherFigures.some((f) => f.start >= from && f.end <= to);
}

/**
 * "partnership valued at $38 billion" → deal-value; "stake: 27% (worth $135 B)" → stake-value;
 * "OpenAI, valued at $500 billion" → valuation. A deal or stake noun in the 40 characters
 * before the connector wins over a company named nearer. undefined: no connector; null: a connector
 * whose noun is nothing we measure ("developers are collectively worth $3 trillion").
 */
function connectedMetric(context: MetricContext): MetricCue | null | undefined {
  if (context.kind !== 'money') return undefined;
  const before = context.sentence.slice(
    Math.max(context.clause.start, context.figure.start - 40),
    context.figure.start,
  );
  const connector = VALUE_CONNECTOR.exec(before);
  if (!connector) return undefined;
  const connectorStart = context.figure.start - before.length + connector.index;
  const lookStart = Math.max(context.clause.start, connectorStart - 40);
  const window = context.sentence.slice(lookStart, connectorStart);
  // a deal or a stake named before the connector is what is valued, even with a company nearer
  const candidates: Array<{ metric: Metric; end: number; rank: number }> = [];
  for (const m of matchesOf(DEAL_NOUN, window))
    candidates.push({ metric: 'deal-value', end: lookStart + m.index + m[0].length, rank: 2 });
  for (const m of matchesOf(STAKE_NOUN, window))
    candidates.push({ metric: 'stake-value', end: lookStart + m.index + m[0].length, rank: 2 });
  for (const m of matchesOf(COMPANY_NOUN, window))
    candidates.push({ metric: 'valuation', end: lookStart + m.index + m[0].length, rank: 1 });
  for (const m of context.subjectMentions)
    if (m.end <= connectorStart && connectorStart - m.end <= 12)
      candidates.push({ metric: 'valuation', end: m.end, rank: 1 });
  const nearest = candidates.sort((a, b) => b.rank - a.rank || b.end - a.end)[0];
  return nearest ? { metric: nearest.metric, cue: { start: connectorStart, end: context.figure.start } } : null;
}
