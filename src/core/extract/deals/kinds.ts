/**
 * Deal kinds, and the nouns that name them ("supply agreement", "licensing deal"), from each
 * kind's module (frames/). A sentence may name several kinds ("invests $1 billion … and becomes
 * its exclusive cloud provider"); each signal keeps its position so the sentence's amount goes
 * to the nearest one. Verbs and roles are the frames' business; these nouns are the fallback
 * for sentences no frame reads ("Oracle: five-year agreement worth $300 billion").
 */
import { KIND_FRAMES } from './frames/index';
import { matchesOf } from '../../regexParts';

export const DEAL_KINDS = [
  'investment',
  'funding-round',
  'cloud-contract',
  'compute-contract',
  'supply-agreement',
  'partnership',
  'joint-venture',
  'acquisition',
  'merger',
  'equity-stake',
  'revenue-share',
  'licensing',
] as const;
export type DealKind = (typeof DEAL_KINDS)[number];

export interface KindSignal {
  readonly kind: DealKind;
  /** `[index, end)` of the signal in the sentence. */
  readonly index: number;
  readonly end: number;
}

/** Any kind's noun: most sentences have none, and are told so in one scan rather than one per kind. */
const ANY_NOUN = new RegExp(
  KIND_FRAMES.map(({ kind, nouns }) => {
    if (nouns.flags !== 'gi') throw new Error(`${kind}: kind nouns are read with the flags gi, not ${nouns.flags}`);
    return `(?:${nouns.source})`;
  }).join('|'),
  'i',
);

/** The kind nouns of a sentence, by position (the nouns are each kind's, in frames/). */
export function kindSignals(sentence: string): KindSignal[] {
  if (!ANY_NOUN.test(sentence)) return [];
  const out: KindSignal[] = [];
  for (const { kind, nouns } of KIND_FRAMES) {
    for (const match of matchesOf(nouns, sentence))
      out.push({ kind, index: match.index, end: match.index + match[0].length });
  }
  return out.sort((a, b) => a.index - b.index);
}

/** Words about running workloads: a partnership with a cloud provider is a cloud contract. */
export const CLOUDISH =
  /\b(?:cloud|compute|capacity|workloads?|data cent(?:er|re)s?|GPUs?|servers?|infrastructure|Azure|hosting)\b/i;
