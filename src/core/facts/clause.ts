/**
 * The stretch of a sentence a figure belongs to, and what the words right next to it say
 * about it: a change ("rose 4%", "grow by $100 billion"), a part of an earlier amount ("$11.6
 * billion of that"), or a floor ("exceed $60 billion").
 */
import type { Qualifier } from '../extract/figures/figure';
import type { Span } from './metric';
import { matchesOf, pattern, words } from '../regexParts';

/** Clauses end at semicolons and dashes between words; commas and colons stay inside. */
const CLAUSE_BOUNDARY = /;|\s[—–-]\s|—/g;

export function clauseOf(sentence: string, figure: Span): Span {
  let start = 0;
  let end = sentence.length;
  for (const match of matchesOf(CLAUSE_BOUNDARY, sentence)) {
    const boundaryEnd = match.index + match[0].length;
    if (boundaryEnd <= figure.start) start = boundaryEnd;
    else if (match.index >= figure.end) {
      end = match.index;
      break;
    }
  }
  return { start, end };
}

const CHANGE_VERBS = words([
  'by',
  'rose',
  'rise',
  'rises',
  'rising',
  'grew',
  'grow',
  'grows',
  'growing',
  'jumped',
  'jumps',
  'jump',
  'fell',
  'falls',
  'fall',
  'dropped',
  'drops',
  'increased',
  'increases',
  'decreased',
  'decreases',
  'climbed',
  'climbs',
  'up',
  'down',
  'added',
  'adds',
  'gained',
  'gains',
  'lost',
  'slashed',
  'boosted',
  'soared',
  'surged',
  'plunged',
]);
/** A verb of change or an arrow right before the figure. */
const CHANGE_BEFORE = pattern([words([`\\b${CHANGE_VERBS}`, '[↑↓▲▼+±]']), '\\s*$'], 'i');
const PART_AFTER = /^\s*(?:of (?:that|which|this|it|them|those)\b|of the (?:total|sum|amount)\b)/i;
const FLOOR_BEFORE = /\b(?:exceed(?:s|ed|ing)?|surpass(?:es|ed|ing)?|top(?:s|ped)?|beat(?:s)?|pass(?:es|ed)?)\s+$/i;

/** "rose 4%", "grow by $100 billion", "+83 TWh", "(↑ 34% YoY)": the figure is a change, not a level. */
export function isChange(sentence: string, figure: Span, figureText: string): boolean {
  return /^[+±]/.test(figureText) || CHANGE_BEFORE.test(sentence.slice(Math.max(0, figure.start - 16), figure.start));
}

/** "$11.6 billion of that funded": a part of an amount stated before. */
export function isPartOfEarlier(sentence: string, figure: Span): boolean {
  return PART_AFTER.test(sentence.slice(figure.end, figure.end + 24));
}

/** The recogniser's qualifier, or "more-than" after "exceed", "surpass", "top". */
export function qualifierInClause(sentence: string, figure: Span, recognised: Qualifier | null): Qualifier | null {
  if (recognised) return recognised;
  return FLOOR_BEFORE.test(sentence.slice(Math.max(0, figure.start - 16), figure.start)) ? 'more-than' : null;
}
