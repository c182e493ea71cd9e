/** The figure model shared by the recognisers. */

export const FIGURE_KINDS = [
  'money',
  'percent',
  'power',
  'count',
  'date',
  'duration',
  'rate',
  'rank',
  'multiplier',
] as const;
export type FigureKind = (typeof FIGURE_KINDS)[number];

/** A number, a `[lo, hi]` range, an ISO-like date string, or a range of dates. */
export type FigureValue = number | [number, number] | string | [string, string];

export const QUALIFIERS = ['up-to', 'about', 'nearly', 'more-than', 'at-least', 'less-than', 'at-most'] as const;
export type Qualifier = (typeof QUALIFIERS)[number];

/** A qualifier as words: "up to", "more than". */
export const QUALIFIER_WORDS: Readonly<Record<Qualifier, string>> = {
  'up-to': 'up to',
  about: 'about',
  nearly: 'nearly',
  'more-than': 'more than',
  'at-least': 'at least',
  'less-than': 'less than',
  'at-most': 'at most',
};

/** A figure found in one block's prose, before it is mapped to file offsets. */
export interface ProseFigure {
  readonly kind: FigureKind;
  readonly value: FigureValue;
  readonly unit: string | null;
  /** `[start, end)` in the block's prose text. */
  readonly start: number;
  readonly end: number;
  readonly qualifier: Qualifier | null;
  readonly isApprox: boolean;
}
