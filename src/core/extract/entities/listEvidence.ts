/**
 * A name listed with organisations is an organisation: "existing backers including Sequoia,
 * Zeta and Accel", "rivals Zeta, Lumo and Quanta". The list needs three items or a cue before
 * it ("including", "such as", "led by", "rivals"), and every known neighbour of the same type.
 * Works on one block once the lexicon and the other rules have placed what they know.
 */
import { phraseOf, type Evidence } from './evidence';
import type { EntityType } from './lexicon';
import { isPersonShaped } from './names';
import type { NameToken } from './nameTokens';
import { pattern, words } from '../../regexParts';

export interface TypedSpan {
  readonly first: number;
  readonly last: number;
  readonly type: EntityType;
}

const SEPARATOR = /^(?:,\s+|,?\s+(?:and|&)\s+)$/;
/** "backers including", "rivals such as", "led by": the words that open a list of organisations. */
const LIST_CUE = pattern(
  [
    words([
      'including',
      'includes',
      'include',
      'such as',
      'like',
      'led by',
      'joined by',
      'alongside',
      'along with',
      'from',
      'rivals?',
      'competitors?',
      'backers',
      'investors',
      'customers',
      'clients',
      'partners',
      'peers',
    ]),
    '[:,]?\\s+$',
  ],
  'i',
);

/** Items looked at on each side of the name: a list longer than that is a list all the same. */
const MAX_ITEMS_EACH_SIDE = 8;

/** The index of the first span that starts after token `token` (spans sorted by `first`). */
function firstAfter(spans: readonly TypedSpan[], token: number): number {
  let lo = 0;
  let hi = spans.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (spans[mid]!.first > token) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** `spans`: the block's entities so far, sorted by their first token, not overlapping. */
export function listEvidence(
  text: string,
  tokens: readonly NameToken[],
  spans: readonly TypedSpan[],
  first: number,
  last: number,
): { type: EntityType; evidence: Evidence } | undefined {
  const self: TypedSpan = { first, last, type: 'org' };
  const gap = (a: TypedSpan, b: TypedSpan) => text.slice(tokens[a.last]!.end, tokens[b.first]!.start);
  // the chain of items joined by list separators, on each side of the name
  const items: TypedSpan[] = [self];
  const next = firstAfter(spans, last);
  let left = self;
  for (let i = firstAfter(spans, first - 1) - 1; i >= 0 && items.length <= MAX_ITEMS_EACH_SIDE; i--) {
    const item = spans[i]!;
    if (item.last >= left.first || !SEPARATOR.test(gap(item, left))) break;
    items.unshift(item);
    left = item;
  }
  let right = self;
  for (let i = next; i < spans.length && i < next + MAX_ITEMS_EACH_SIDE; i++) {
    const item = spans[i]!;
    if (!SEPARATOR.test(gap(right, item))) break;
    items.push(item);
    right = item;
  }
  const neighbours = items.filter((item) => item !== self);
  if (neighbours.length === 0) return undefined;
  const listStart = tokens[items[0]!.first]!.start;
  const lead = text.slice(Math.max(0, listStart - 40), listStart);
  const cue = LIST_CUE.exec(lead);
  const hasCue = !!cue;
  if (items.length < 3 && !hasCue) return undefined;
  const types = new Set(neighbours.map((n) => n.type));
  if (types.size !== 1) return undefined;
  const type = [...types][0]!;
  const isPersonList = type === 'person' && isPersonShaped(tokens.slice(first, last + 1).map((t) => t.text));
  if (type !== 'org' && !isPersonList) return undefined;
  const end = tokens[items[items.length - 1]!.last]!.end;
  return {
    type,
    evidence: { rule: 'list', phrase: phraseOf(text, cue ? listStart - lead.length + cue.index : listStart, end) },
  };
}
