/**
 * What a figure's hover lists of the other sources that state its fact. A fact a few sources
 * state lists them all. One that hundreds state (a company's headcount across a newsroom's
 * archive: 554 sources of the bench's 10,000 articles state one) would make a hover of hundreds of
 * sentences, so past `limit` the hover lists the conflicts first, then the agreements, then the
 * statements not comparable, up to `limit`, each kept in the order given (by path, then
 * position); what it leaves out is counted by verdict, and the fact timeline charts them all.
 */
import type { Verdict } from '../facts/index';

/** Other sources' statements a hover lists at most. */
export const HOVER_OTHER_SOURCES = 8;

/** The order in which verdicts take the room: conflicts first. */
const VERDICTS: readonly Verdict[] = ['conflict', 'agree', 'incomparable'];

export interface OthersShown<T> {
  /** The statements to list, in the order given. */
  readonly shown: readonly T[];
  /** How many of each verdict are left out. */
  readonly left: Readonly<Record<Verdict, number>>;
  readonly leftCount: number;
}

export function othersToShow<T extends { readonly verdict: Verdict }>(
  others: readonly T[],
  limit = HOVER_OTHER_SOURCES,
): OthersShown<T> {
  const left: Record<Verdict, number> = { conflict: 0, agree: 0, incomparable: 0 };
  if (others.length <= limit) return { shown: others, left, leftCount: 0 };
  // counted by verdict, then the first of each verdict taken in priority order: linear, no sort
  for (const o of others) left[o.verdict]++;
  const room: Record<Verdict, number> = { conflict: 0, agree: 0, incomparable: 0 };
  let free = limit;
  for (const verdict of VERDICTS) {
    room[verdict] = Math.min(free, left[verdict]);
    left[verdict] -= room[verdict];
    free -= room[verdict];
  }
  const shown = others.filter((o) => room[o.verdict]-- > 0);
  return { shown, left, leftCount: others.length - shown.length };
}

/** "3 conflict, 120 agree, 4 not comparable": the verdicts left out, the empty ones not named. */
export function leftWords(left: Readonly<Record<Verdict, number>>): string {
  const words: Readonly<Record<Verdict, string>> = {
    conflict: 'conflict',
    agree: 'agree',
    incomparable: 'not comparable',
  };
  return VERDICTS.filter((v) => left[v] > 0)
    .map((v) => `${left[v].toLocaleString('en-US')} ${words[v]}`)
    .join(', ');
}
