/**
 * Deal kinds and the words that signal them. A sentence may signal several kinds
 * ("invests $1 billion … and becomes its exclusive cloud provider"); each signal keeps its
 * position so the sentence's amount goes to the nearest one.
 */
export const DEAL_KINDS = [
  'investment', 'funding-round', 'cloud-contract', 'compute-contract', 'supply-agreement', 'partnership',
  'joint-venture', 'acquisition', 'merger', 'equity-stake', 'revenue-share', 'licensing',
] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

export interface KindSignal {
  readonly kind: DealKind;
  /** `[index, end)` of the signal in the sentence. */
  readonly index: number;
  readonly end: number;
}

/** Signals per kind, most specific kinds first. Bounded patterns, no nested quantifiers. */
const SIGNALS: ReadonlyArray<readonly [DealKind, RegExp]> = [
  ['revenue-share', /\brevenue[- ]shar\w*|\bshare of (?:its |the )?revenues?\b|\bcut of [\w’'\s]{0,30}\brevenues?\b/gi],
  ['licensing', /\blicen[cs]\w*|\breseller\b|\broyalty-free\b|\bIP rights\b/gi],
  ['merger', /\bmerg(?:e|er|ed|es|ing)\b/gi],
  ['acquisition', /\bacqui(?:re|res|red|ring|sition|sitions)\b|\btakeover\b|\bbuyout\b|\b(?:controlling|majority) stake\b|\btook (?:full )?control of\b|\b(?:agreed|agrees|plans?|offer(?:ed)?|deal|bid)\b[^.,;]{0,20}\bto (?:buy|purchase)\b(?!\s+(?:\w+\s+){0,2}(?:capacity|compute|GPUs?|chips|power|servers|electricity|credits)\b)|\bpurchase of\b|\b(?:bought|buys)\b(?!(?:[^.;]|\.\d){0,40}\b(?:capacity|shares|stock|GPUs?|chips|servers|credits|power|compute)\b)/gi],
  ['joint-venture', /\bjoint[- ]venture\b|\bJV\b|\bpartner in\b|\blaunched with\b|\bco-?found\w*/gi],
  ['funding-round', /\b[Ff]unding round\b|\bround of funding\b|\bSeries [A-H]\b|\b[Ss]eed round\b|\b[Rr]ais(?:e|ed|es|ing) (?:a |an |another |its |fresh |new )?(?:~|about |nearly |more than |over |some )?(?:[$€£¥]|US ?\$|USD|EUR|\d)|\bled by\b/g],
  ['equity-stake', /\bstake\b|\bequity stake\b/gi],
  ['investment', /\binvest(?:s|ed|ing|ment|ments)?\b|\bpoured\b|\bbacker\b|\bbacked\b/gi],
  ['supply-agreement', /\bpower purchase agreements?\b|\bPPAs?\b|\bto supply\b|\bsupply agreements?\b|\bsupply (?:deal|agreement|contract|pact)\b|\bGPU deal\b|\bchip deal\b|\bsupply\b[\w\s]{0,20}\b(?:chips|GPUs|accelerators)\b/gi],
  ['cloud-contract', /\bcloud (?:contract|deal|agreement|partner|provider|commitment)s?\b|\bcommitment\b|\bleasing\b|\bserver-rental\b|\bcapacity from\b|\bbought [^.]{0,30}capacity\b|\bhosting\b|\bcompute (?:deal|contract|agreement)\b/gi],
  ['partnership', /\bpartnership\b|\bagreement\b|\bdeal\b|\bcontract\b|\bpact\b|\balliance\b|\bcollaboration\b/gi],
];

export function kindSignals(sentence: string): KindSignal[] {
  const out: KindSignal[] = [];
  for (const [kind, pattern] of SIGNALS) {
    for (const match of sentence.matchAll(pattern)) out.push({ kind, index: match.index, end: match.index + match[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Kinds that are about running workloads: a partnership with a cloud provider is a cloud contract. */
export const CLOUDISH = /\b(?:cloud|compute|capacity|workloads?|data cent(?:er|re)s?|GPUs?|servers?|infrastructure|Azure|hosting)\b/i;
