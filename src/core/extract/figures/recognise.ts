/**
 * Finds the figures in one block of prose. At each token the recognisers are tried in a fixed
 * order (dates, ranks, quantities); a match consumes its tokens. Numbers inside names
 * ("GPT-5", "Microsoft 365", "MI450"), list markers, keycaps, "12/6" and times are skipped.
 */
import { dateAt, isYear } from './dates';
import type { FigureKind, FigureValue, ProseFigure, Qualifier } from './figure';
import { isCapitalised, nextSolid, previousSolid, wordsBefore } from './match';
import { isNumberWord } from './numbers';
import { quantityAt, rangeFrom, type Quantity } from './quantity';
import { rankAt } from './rank';
import { HYPHENS, isGlued, tokenise, type Token } from './tokens';
import { recognitionText } from './recognitionText';

/** Capitalised words that may stand right before a number without making it part of a name. */
const LEADS_BEFORE_NUMBERS = new Set([
  'in',
  'on',
  'at',
  'by',
  'since',
  'through',
  'until',
  'till',
  'from',
  'of',
  'and',
  'or',
  'the',
  'to',
  'for',
  'before',
  'after',
  'during',
  'between',
  'around',
  'about',
  'over',
  'under',
  'nearly',
  'almost',
  'some',
  'only',
  'summer',
  'spring',
  'fall',
  'autumn',
  'winter',
  'early',
  'late',
  'mid',
  'end',
  'fiscal',
  'year',
  'date',
  'dates',
  'as',
  'with',
  'than',
  'up',
  'roughly',
  'approximately',
  'just',
  'another',
  'total',
  'all',
  'its',
  'their',
  'january',
  'february',
  'march',
  'april',
  'may',
  'june',
  'july',
  'august',
  'september',
  'october',
  'november',
  'december',
  'jan',
  'feb',
  'mar',
  'apr',
  'jun',
  'jul',
  'aug',
  'sep',
  'sept',
  'oct',
  'nov',
  'dec',
  'by',
  'within',
  'every',
  'per',
  'expected',
  'estimated',
  'revenue',
  'valuation',
  'discount',
  'stake',
  'total',
  'topics',
  'q',
  'h',
  'fy',
]);

/** Nouns that make a spelled-out count rhetorical: "for two reasons", "three immediate implications". */
const DISCOURSE_NOUNS = new Set([
  'reasons',
  'implications',
  'questions',
  'ways',
  'things',
  'points',
  'factors',
  'lessons',
  'takeaways',
  'sides',
  'issues',
  'steps',
  'areas',
  'parts',
  'layers',
  'pillars',
  'phases',
  'stages',
  'trends',
  'themes',
  'categories',
  'options',
  'scenarios',
  'types',
  'kinds',
  'camps',
  'words',
  'people',
  'sources',
  'persons',
  'others',
  'ones',
  'times',
  'goals',
  'principles',
  'challenges',
  'risks',
  'moves',
  'signals',
  'forces',
  'problems',
  'fronts',
]);
const REFERENTIAL = new Set([
  'the',
  'these',
  'those',
  'all',
  'both',
  'its',
  'their',
  'our',
  'his',
  'her',
  'my',
  'your',
  'each',
  'every',
  'which',
]);
const COMPARATIVES = new Set([
  'more',
  'less',
  'faster',
  'slower',
  'larger',
  'bigger',
  'higher',
  'greater',
  'as',
  'cheaper',
  'smaller',
  'the',
  'that',
  'over',
  'what',
]);
const HAS_UPPER = /\p{Lu}/u;
const STARTS_UPPER = /^\p{Lu}/u;

const QUALIFIER_PHRASES: ReadonlyArray<{
  readonly words: readonly string[];
  readonly qualifier: Qualifier;
  readonly isApprox: boolean;
}> = [
  ['up to', 'up-to', false],
  ['as much as', 'up-to', false],
  ['as many as', 'up-to', false],
  ['as high as', 'up-to', false],
  ['about', 'about', true],
  ['around', 'about', true],
  ['roughly', 'about', true],
  ['approximately', 'about', true],
  ['approx', 'about', true],
  ['some', 'about', true],
  ['an estimated', 'about', true],
  ['estimated', 'about', true],
  ['circa', 'about', true],
  ['nearly', 'nearly', true],
  ['almost', 'nearly', true],
  ['close to', 'nearly', true],
  ['just under', 'nearly', true],
  ['more than', 'more-than', false],
  ['over', 'more-than', false],
  ['above', 'more-than', false],
  ['upwards of', 'more-than', false],
  ['north of', 'more-than', false],
  ['just over', 'more-than', false],
  ['in excess of', 'more-than', false],
  ['exceeding', 'more-than', false],
  ['at least', 'at-least', false],
  ['no less than', 'at-least', false],
  ['a minimum of', 'at-least', false],
  ['less than', 'less-than', false],
  ['fewer than', 'less-than', false],
  ['under', 'less-than', false],
  ['below', 'less-than', false],
  ['at most', 'at-most', false],
  ['no more than', 'at-most', false],
].map(([phrase, qualifier, isApprox]) => ({
  words: (phrase as string).split(' '),
  qualifier: qualifier as Qualifier,
  isApprox: isApprox as boolean,
}));

/** The figures of one block's prose, with `[start, end)` in that prose (see recognitionText.ts). */
export function recogniseFigures(prose: string): ProseFigure[] {
  const mapped = recognitionText(prose);
  if (!mapped) return figuresIn(prose);
  return figuresIn(mapped.text).map((figure) => ({ ...figure, ...mapped.toProse(figure.start, figure.end) }));
}

function figuresIn(text: string): ProseFigure[] {
  const tokens = tokenise(text);
  const figures: ProseFigure[] = [];
  let i = 0;
  while (i < tokens.length) {
    const found = isStartCandidate(tokens, i) ? figureAt(tokens, i, text) : undefined;
    if (found) {
      figures.push(withQualifier(tokens, found.first, found.figure));
      i = found.last + 1;
    } else {
      i++;
    }
  }
  return inheritUnits(text, figures);
}

interface Found {
  readonly first: number;
  readonly last: number;
  readonly figure: Omit<ProseFigure, 'qualifier' | 'isApprox'> & { isApprox?: boolean; qualifier?: Qualifier | null };
}

function figureAt(tokens: readonly Token[], i: number, text: string): Found | undefined {
  const span = (first: number, last: number) => ({ start: tokens[first]!.start, end: tokens[last]!.end });
  const date = dateAt(tokens, i);
  if (date && !(date.first === date.last && isYear(tokens[i]) && (isInName(tokens, i) || hasUnitAfter(tokens, i)))) {
    return { ...date, figure: { kind: 'date', value: date.value, unit: null, ...span(date.first, date.last) } };
  }
  const rank = rankAt(tokens, i);
  if (rank) return { ...rank, figure: { kind: 'rank', value: rank.value, unit: null, ...span(rank.first, rank.last) } };
  const low = quantityAt(tokens, i);
  if (!low) return undefined;
  const lead = wordsBefore(tokens, i, 1)[0];
  const range = rangeFrom(tokens, low, lead === 'from', lead === 'between');
  const quantity = range ? range.low : low;
  const last = range ? range.last : low.last;
  const kind = kindOf(quantity);
  if (!kind) return undefined;
  if (!range && !isAcceptable(tokens, low, kind, text)) return undefined;
  const value: FigureValue = range ? [range.low.value, range.high.value] : low.value;
  const unit = quantity.currency ?? quantity.unit?.unit ?? null;
  const isApprox = quantity.hasApproxMark;
  const qualifier: Qualifier | null = (range ? range.high.hasPlus : low.hasPlus) && !range ? 'more-than' : null;
  return { first: i, last, figure: { kind, value, unit, ...span(i, last), isApprox, qualifier } };
}

function kindOf(quantity: Quantity): FigureKind | undefined {
  if (quantity.currency) return 'money';
  if (quantity.unit) return quantity.unit.kind;
  return 'count';
}

/** Bare numbers and spelled-out counts need context to be figures. */
function isAcceptable(tokens: readonly Token[], q: Quantity, kind: FigureKind, text: string): boolean {
  const first = tokens[q.first]!;
  if (kind === 'multiplier' && q.unit?.words[0] === 'times' && q.isSpelled) {
    const after = tokens[nextSolid(tokens, q.last)];
    return !!after && COMPARATIVES.has(after.lower);
  }
  if (isIdiomaticOne(tokens, q)) return false;
  if (kind !== 'count' || q.hasMagnitude) return !(q.isSpelled && q.raw === 1 && kind === 'count');
  if (q.isSpelled) return isConcreteCount(tokens, q);
  // a bare number written with digits
  if (isInName(tokens, q.first) || isPhoneLike(tokens, q)) return false;
  const next = tokens[q.last + 1];
  const afterNext = tokens[q.last + 2];
  if (next && isGlued(tokens[q.last], next)) {
    if (next.text === '/' || next.text === ':' || next.text === '\ufe0f' || next.text === '\u20e3') return false;
    if (next.type === 'word') return false;
    if (HYPHENS.has(next.text) && afterNext?.type === 'word') return false; // "5-star", "3-nm"
    if (next.text === '.' && afterNext?.type === 'num') return false;
  }
  const before = tokens[q.first - 1];
  if (before && isGlued(before, first) && (before.text === '/' || before.text === ':' || before.text === '.'))
    return false;
  if (before?.text === '(' && next?.text === ')') return false; // "(1)" enumerations
  return /\d/.test(text.slice(first.start, tokens[q.last]!.end));
}

/** "three new sites" is a count; "two reasons", "the two companies", "three-way" are not. */
function isConcreteCount(tokens: readonly Token[], q: Quantity): boolean {
  if (q.raw < 2) return false;
  const glued = tokens[q.last + 1];
  if (glued && isGlued(tokens[q.last], glued) && glued.type !== 'space' && glued.text !== ',' && glued.text !== '.')
    return false;
  const before = wordsBefore(tokens, q.first, 1)[0];
  if (before && REFERENTIAL.has(before)) return false;
  // the noun: up to two words after the number
  let k = nextSolid(tokens, q.last);
  for (let hop = 0; hop < 5 && k >= 0; hop++) {
    const word = tokens[k]!;
    if (HYPHENS.has(word.text)) {
      k = nextSolid(tokens, k); // "data-center campuses"
      continue;
    }
    if (word.type !== 'word') return false;
    if (word.lower === 'of' || word.lower === 'to' || word.lower === 'or' || word.lower === 'and') return false;
    if (DISCOURSE_NOUNS.has(word.lower)) return false;
    if (/s$/.test(word.lower) && word.lower.length > 3 && !/(ss|us|is)$/.test(word.lower)) return true;
    k = nextSolid(tokens, k);
  }
  return false;
}

/**
 * A number right after a capitalised word is part of a name: "Microsoft 365", "Unit 8200";
 * so is one closing a title: "Securities Act of 1933".
 */
function isInName(tokens: readonly Token[], i: number): boolean {
  if (closesTitle(tokens, i)) return true;
  const p = previousSolid(tokens, i);
  const before = tokens[p];
  if (!before || p !== i - 2 || tokens[i - 1]!.text !== ' ') return false;
  if (!(isCapitalised(before) || (before.type === 'word' && HAS_UPPER.test(before.text.slice(1))))) return false;
  if (LEADS_BEFORE_NUMBERS.has(before.lower)) return false;
  return !/['’]s$/.test(before.text); // "Microsoft’s 2019 investment": a possessive, not a name
}

/** "<Capitalised> <Capitalised> of 1933": the number ends a name. */
function closesTitle(tokens: readonly Token[], i: number): boolean {
  const of = previousSolid(tokens, i);
  if (tokens[of]?.lower !== 'of') return false;
  const noun = previousSolid(tokens, of);
  const before = previousSolid(tokens, noun);
  return isCapitalised(tokens[noun]) && isCapitalised(tokens[before]) && !LEADS_BEFORE_NUMBERS.has(tokens[noun]!.lower);
}

/** Phone numbers and identifiers: "713-555-0142", "+1 713…". */
function isPhoneLike(tokens: readonly Token[], q: Quantity): boolean {
  const first = tokens[q.first]!;
  const groups = [first];
  let k = q.first;
  while (
    HYPHENS.has(tokens[k + 1]?.text ?? '') &&
    tokens[k + 2]?.type === 'num' &&
    isGlued(tokens[k], tokens[k + 1]) &&
    isGlued(tokens[k + 1], tokens[k + 2])
  ) {
    groups.push(tokens[k + 2]!);
    k += 2;
  }
  if (groups.length >= 3) return true;
  const numberIndex = first.text === '+' ? q.first + 1 : q.first;
  const plusCode =
    tokens[numberIndex - 1]?.text === '+' &&
    isGlued(tokens[numberIndex - 1], tokens[numberIndex]) &&
    tokens[q.last + 1]?.type === 'space' &&
    tokens[q.last + 2]?.type === 'num';
  const afterCode =
    tokens[q.first - 2]?.type === 'num' && tokens[q.first - 3]?.text === '+' && tokens[q.first - 1]?.type === 'space';
  return plusCode || afterCode;
}

/** "One day, devices will…": an idiom at the start of a sentence or clause, not a duration. */
function isIdiomaticOne(tokens: readonly Token[], q: Quantity): boolean {
  if (!q.isSpelled || q.raw !== 1) return false;
  const before = tokens[previousSolid(tokens, q.first)];
  return !before || (before.type === 'sym' && before.text !== '$');
}

/** A year-like number followed by a unit is a quantity ("2025 GW" is odd, "2000 employees" a count). */
function hasUnitAfter(tokens: readonly Token[], i: number): boolean {
  const q = quantityAt(tokens, i);
  return !!q && (q.unit !== null || q.hasMagnitude || q.currency !== null);
}

/** A figure can only start at a token that is not glued to a word before it ("GPT-5", "a16z"). */
function isStartCandidate(tokens: readonly Token[], i: number): boolean {
  const token = tokens[i]!;
  if (token.type === 'space') return false;
  if (token.type === 'word' && !isNumberWord(token.lower) && !isStartWord(token) && !isMonthWord(token)) return false;
  const before = tokens[i - 1];
  if (before && isGlued(before, token)) {
    if (before.type === 'word' || before.type === 'num') return false;
    if (
      HYPHENS.has(before.text) &&
      (tokens[i - 2]?.type === 'word' || tokens[i - 2]?.type === 'num') &&
      isGlued(tokens[i - 2], before)
    )
      return false;
    if (before.text === '.' && tokens[i - 2]?.type === 'num') return false;
  }
  return true;
}

/** Words that may open a figure: currency codes, periods ("FY", "Q3"), ranks ("No.", "top", "third"); any case. */
const START_WORDS: ReadonlySet<string> = new Set([
  'us',
  'usd',
  'eur',
  'gbp',
  'jpy',
  'cny',
  'rmb',
  'inr',
  'krw',
  'chf',
  'rs',
  'fy',
  'q',
  'h',
  'no',
  'hk',
  'nt',
  's',
  'c',
  'ca',
  'au',
  'r',
  'mid',
  'top',
  'fiscal',
  'first',
  'second',
  'third',
  'fourth',
  'fifth',
  'sixth',
  'seventh',
  'eighth',
  'ninth',
  'tenth',
]);
const MONTH_PREFIXES: ReadonlySet<string> = new Set([
  'jan',
  'feb',
  'mar',
  'apr',
  'may',
  'jun',
  'jul',
  'aug',
  'sep',
  'oct',
  'nov',
  'dec',
]);
/** ASCII only: "K" (the kelvin sign) lower-cases to "k", but is no letter of these words. */
const ASCII = /^[\x00-\x7f]*$/;

function isStartWord(token: Token): boolean {
  return START_WORDS.has(token.lower) && ASCII.test(token.text);
}

/** "Jan", "January", "Sept.": a capitalised word opening with a month's first three letters. */
function isMonthWord(token: Token): boolean {
  return (
    MONTH_PREFIXES.has(token.lower.slice(0, 3)) && ASCII.test(token.text.slice(0, 3)) && STARTS_UPPER.test(token.text)
  );
}

function withQualifier(tokens: readonly Token[], first: number, figure: Found['figure']): ProseFigure {
  let qualifier: Qualifier | null = figure.qualifier ?? null;
  let isApprox = figure.isApprox ?? false;
  const before = figure.kind === 'date' ? [] : wordsBefore(tokens, first, 3);
  for (const phrase of QUALIFIER_PHRASES) {
    const n = phrase.words.length;
    // "over five years" is a period; "for over a year" is a qualified duration
    if (figure.kind === 'duration' && phrase.words[0] === 'over' && before[before.length - 2] !== 'for') continue;
    if (before.length >= n && phrase.words.every((w, k) => before[before.length - n + k] === w)) {
      qualifier = phrase.qualifier;
      isApprox = isApprox || phrase.isApprox;
      break;
    }
  }
  if (isApprox && !qualifier) qualifier = 'about';
  return {
    kind: figure.kind,
    value: figure.value,
    unit: figure.unit,
    start: figure.start,
    end: figure.end,
    qualifier,
    isApprox,
  };
}

/** "from 70–120 tokens/sec to 2–20": the bare second figure takes the first one's unit. */
function inheritUnits(text: string, figures: ProseFigure[]): ProseFigure[] {
  return figures.map((figure, k) => {
    const previous = figures[k - 1];
    if (
      !previous ||
      figure.kind !== 'count' ||
      figure.unit !== null ||
      previous.kind === 'count' ||
      previous.kind === 'date'
    )
      return figure;
    if (!/^\s+to\s+$/.test(text.slice(previous.end, figure.start))) return figure;
    return { ...figure, kind: previous.kind, unit: previous.unit };
  });
}
