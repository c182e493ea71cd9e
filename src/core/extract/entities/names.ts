/**
 * Names that no lexicon has: capitalised runs of one block, each classified by the evidence
 * around it (see evidence.ts for the rules and `nameRules/` for each one). A run with no
 * evidence counts only when it recurs mid-sentence (index.ts). Headings are Title Case, so no
 * run in a heading counts without evidence.
 */
import cues from './nameCues.json';
import nonEntities from './nonEntities.json';
import type { EntityType } from './lexicon';
import type { Gazetteer } from './gazetteer';
import type { Evidence } from './evidence';
import { isCapitalisedName, type NameToken } from './nameTokens';
import { APOSTROPHE, classesAt, LETTER, nextRun, runEnd } from '../../textRuns';

export interface NameRun {
  /** Name tokens `[first, last]`: the name, without a role title before it ("CEO") or a legal form written with dots. */
  readonly first: number;
  readonly last: number;
  readonly type: EntityType;
  readonly evidence: Evidence;
}

export interface Span {
  readonly first: number;
  readonly last: number;
}

/** A span with what the rules ask of it, computed once (`wordsOf`, `isPersonShapedRun`). */
interface MemoSpan extends Span {
  words?: readonly string[];
  isPersonShaped?: boolean;
}

export interface RunContext {
  readonly text: string;
  readonly tokens: readonly NameToken[];
  /** Tokens already claimed by the lexicon. */
  readonly covered: ReadonlySet<number>;
  /** The lexicon's type of a covered token ("California" in "Marlow, California"). */
  readonly typeAt: (token: number) => EntityType | undefined;
  /** Tokens that open a sentence. */
  readonly sentenceStarts: ReadonlySet<number>;
  /** A heading, or a sentence in Title Case: capitals there are no evidence of a name. */
  readonly isHeading: boolean;
  readonly gazetteer: Gazetteer;
}

const NOT_NAMES = new Set<string>(nonEntities.words.map((w: string) => w.toLowerCase()));
const GIVEN_NAMES = new Set<string>(cues.givenNames);
const COMPANY_SUFFIXES = new Set<string>(cues.companySuffixes.map((s: string) => s.replace(/\.$/, '')));
const GOVERNMENT_WORDS = new Set<string>(cues.governmentWords);
const GOVERNMENT_HEADS = new Set<string>(cues.governmentHeads);
const PLACE_WORDS = new Set<string>(cues.placeWords);
/** Last words of product names that are common words elsewhere: "Copilot Plus", "Zeta Pro", "Zeta Max". */
const PRODUCT_WORDS = new Set(['Plus', 'Pro', 'Max', 'Ultra', 'Mini', 'Air', 'Lite']);
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'der', 'van', 'von', 'la', 'le', 'du', 'da']);
/** Legal forms: an organisation even in a headline ("Corvanta Labs Inc."). See rules/org.ts. */
export const LEGAL_FORMS = new Set([
  'Inc',
  'Corp',
  'Corporation',
  'Co',
  'Company',
  'Ltd',
  'Limited',
  'LLC',
  'LLP',
  'LP',
  'PLC',
  'Plc',
  'plc',
  'GmbH',
  'AG',
  'SA',
  'SE',
  'NV',
  'BV',
  'KK',
  'Oy',
  'Oyj',
  'AB',
  'ASA',
  'SpA',
  'Pty',
  'Pte',
  'Bhd',
  'Tbk',
  'SAS',
  'SARL',
  'Srl',
  'SRL',
  'KGaA',
]);
/**
 * Company words that no person or generic phrase ends with: an organisation even at a sentence
 * start or in a headline ("Tata Sons", "Harbour Lane Capital"). Other company words
 * (nameCues.json) count only mid-sentence.
 */
export const STRONG_COMPANY_WORDS = new Set([
  'Holdings',
  'Holding',
  'Group',
  'Bancorp',
  'Labs',
  'Capital',
  'Ventures',
  'Partners',
  'Technologies',
  'Investments',
  'Sons',
]);
/**
 * Company words that are nobody's surname: after a given name they still end a company's name
 * ("Sakura Motors", "Ola Electric", "Grace Semiconductor"), where "Jordan Partners" may be a person.
 */
export const NOT_SURNAME_COMPANY_WORDS = new Set([
  'Motors',
  'Industries',
  'Electric',
  'Electronics',
  'Semiconductor',
  'Semiconductors',
  'Microelectronics',
  'Pharmaceuticals',
  'Pharma',
  'Therapeutics',
  'Biosciences',
  'Biotech',
  'Airlines',
  'Airways',
  'Robotics',
  'Telecom',
  'Telecommunications',
  'Technologies',
  'Holdings',
  'Bancorp',
]);
const SMALL_TITLE_WORD = /^(a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|vs|is|are|&)$/i;
/** One code point: an upper-case letter. */
const UPPER = /^\p{Lu}$/u;
const STARTS_UPPER = /^\p{Lu}/u;
const INITIAL = /^\p{Lu}$/u;
const DOTTED_LEGAL_FORM = /^(?:S\.A|N\.A|K\.K|S\.p\.A|B\.V|N\.V|A\.G|S\.A\.S|P\.L\.C)\b\.?/;

/** Capitalised runs of uncovered tokens, trimmed of function words, with no evidence yet. */
export function capitalisedRuns(ctx: RunContext): Span[] {
  const runs: Span[] = [];
  const { tokens } = ctx;
  let i = 0;
  while (i < tokens.length) {
    // covered, lower case, a handle / hashtag ("@TigerStars", "#AI"), or a date ("Jan. 8", "Sept 25")
    if (
      ctx.covered.has(i) ||
      !isCapitalisedName(tokens[i]!.text) ||
      /[@#]$/.test(tokens[i]!.before) ||
      isDateMonth(ctx, i)
    ) {
      i++;
      continue;
    }
    let last = i;
    let hasHeadOf = false; // "Ministry of …", "Commission for …" so far: "and" may join the name
    for (let k = i + 1; k < tokens.length; k++) {
      const token = tokens[k]!;
      if ((token.text === 'of' || token.text === 'for') && GOVERNMENT_HEADS.has(tokens[k - 1]!.text)) hasHeadOf = true;
      // a legal form written with dots ends the name: "Ostra Infra S.A.", "Harrow Bank, N.A."
      if (DOTTED_LEGAL_FORM.test(ctx.text.slice(token.start, token.start + 8))) break;
      // a middle initial: "Max A. Cherney" (a sentence splitter may take its dot for an end)
      const isAfterInitial =
        token.before === '. ' && INITIAL.test(tokens[k - 1]!.text) && k - 1 > i && isCapitalisedName(token.text);
      if (ctx.covered.has(k) || (ctx.sentenceStarts.has(k) && !isAfterInitial)) break;
      if (token.before !== ' ' && token.before !== '-' && token.before !== ' & ' && !isAfterInitial) break;
      if (isCapitalisedName(token.text)) {
        last = k;
      } else if (
        CONNECTORS.has(token.text) &&
        tokens[k + 1] &&
        isCapitalisedName(tokens[k + 1]!.text) &&
        tokens[k + 1]!.before === ' '
      ) {
        continue;
      } else if (token.text === 'and' && (hasHeadOf || endsInGovernmentWord(ctx, k + 1))) {
        continue; // "Competition and Markets Authority", "Commission for Markets and Competition"
      } else {
        break;
      }
    }
    let first = i;
    const end = last;
    // a name made of common words, shown a name by its form: "European Semiconductor Manufacturing
    // Company (ESMC)", "Ministry of Finance", "Department of Energy"
    const formal = formalName(ctx, i, end);
    if (formal) {
      runs.push(formal);
      i = end + 1;
      continue;
    }
    while (first <= last && NOT_NAMES.has(tokens[first]!.text.toLowerCase())) first++;
    while (last > first && NOT_NAMES.has(tokens[last]!.text.toLowerCase()) && !isLastWordOfName(tokens[last]!.text))
      last--;
    if (last === first && NOT_NAMES.has(tokens[last]!.text.toLowerCase())) last--;
    // a name cut short at its end ("Securities Exchange [Act]") is another name: not a candidate
    const isCutShort =
      last < end && !LEGAL_FORMS.has(tokens[last]!.text) && !STRONG_COMPANY_WORDS.has(tokens[last]!.text);
    if (first <= last && !CONNECTORS.has(tokens[last]!.text) && !isCutShort) runs.push({ first, last });
    last = end;
    i = Math.max(last, i) + 1;
  }
  return runs;
}

const FUNCTION_WORDS = new Set([
  'the',
  'a',
  'an',
  'this',
  'that',
  'these',
  'those',
  'its',
  'their',
  'our',
  'his',
  'her',
  'and',
  'or',
  'but',
  'in',
  'on',
  'at',
  'to',
  'with',
  'by',
  'from',
  'as',
]);
const ACRONYM_AFTER = /^\s?\((\p{Lu}[\p{Lu}&]{1,7})\)/u;

/** The run `[first, end]`, trimmed of function words only, when its acronym follows it or it names a government body. */
function formalName(ctx: RunContext, first: number, end: number): Span | undefined {
  const { tokens } = ctx;
  // most runs are neither: a look at their ends and first words before any work
  const isAcronymNext =
    ctx.text.charCodeAt(tokens[end]!.end) === 40 || ctx.text.charCodeAt(tokens[end]!.end + 1) === 40; // "("
  const hasHead =
    GOVERNMENT_WORDS.has(tokens[end]!.text) ||
    [first, first + 1, first + 2, first + 3].some((k) => k < end && GOVERNMENT_HEADS.has(tokens[k]!.text));
  if (!isAcronymNext && !hasHead) return undefined;
  while (first < end && FUNCTION_WORDS.has(tokens[first]!.text.toLowerCase())) first++;
  const words = tokens.slice(first, end + 1).map((t) => t.text);
  const lastWord = words[words.length - 1]!;
  // "Ministry of Finance", "National Commission for Markets and Competition", "Norwegian Communications Authority"
  const isGovernment =
    words.length >= 2 &&
    !CONNECTORS.has(lastWord) &&
    (words.slice(0, 3).some((w, k) => GOVERNMENT_HEADS.has(w) && (words[k + 1] === 'of' || words[k + 1] === 'for')) ||
      GOVERNMENT_WORDS.has(lastWord));
  if (isGovernment) return { first, last: end };
  const acronym = ACRONYM_AFTER.exec(ctx.text.slice(tokens[end]!.end, tokens[end]!.end + 12))?.[1];
  if (!acronym) return undefined;
  // the shortest tail of the run that the acronym spells: "the deal's European … Company (ESMC)"
  for (let k = Math.max(first, end - acronym.length - 2); k < end; k++) {
    if (
      spellsInitials(
        tokens.slice(k, end + 1).map((t) => t.text),
        acronym,
      )
    )
      return { first: k, last: end };
  }
  return undefined;
}

const MONTHS = new Set([
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'May',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'January',
  'February',
  'March',
  'April',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
]);

/** A month before a day: "Jan. 8", "Sept 25" ("Jan" is a given name too). */
function isDateMonth(ctx: RunContext, i: number): boolean {
  const token = ctx.tokens[i]!;
  return MONTHS.has(token.text) && /^\.?\s?\d/.test(ctx.text.slice(token.end, token.end + 4));
}

/** Common words that end names all the same: "Zeta Labs", "Copilot Plus", "Kerr County", "Rail Safety Authority". */
function isLastWordOfName(word: string): boolean {
  return COMPANY_SUFFIXES.has(word) || PRODUCT_WORDS.has(word) || PLACE_WORDS.has(word) || GOVERNMENT_WORDS.has(word);
}

/** True when the capitalised words from token `k` end in a government word ("Markets Authority"). */
function endsInGovernmentWord(ctx: RunContext, k: number): boolean {
  const { tokens } = ctx;
  let last = -1;
  for (let j = k; j < tokens.length && j < k + 4; j++) {
    if (ctx.covered.has(j) || tokens[j]!.before !== ' ' || !STARTS_UPPER.test(tokens[j]!.text)) break;
    last = j;
  }
  return last >= 0 && GOVERNMENT_WORDS.has(tokens[last]!.text);
}

/** The words of a run (computed once per span object). */
export function wordsOf(ctx: RunContext, run: Span): readonly string[] {
  const memo = run as MemoSpan;
  return (memo.words ??= ctx.tokens.slice(run.first, run.last + 1).map((t) => t.text));
}

/** `isPersonShaped` of a run's words, computed once per span object. */
export function isPersonShapedRun(ctx: RunContext, run: Span): boolean {
  const memo = run as MemoSpan;
  return (memo.isPersonShaped ??= isPersonShaped(wordsOf(ctx, run)));
}

/** The text of a run, from its first to its last token. */
export function textOf(ctx: RunContext, run: Span): string {
  return ctx.text.slice(ctx.tokens[run.first]!.start, ctx.tokens[run.last]!.end);
}

/** Up to `n` characters before the run. */
export function textBefore(ctx: RunContext, run: Span, n: number): string {
  const start = ctx.tokens[run.first]!.start;
  return ctx.text.slice(Math.max(0, start - n), start);
}

/** Up to `n` characters after the run. */
export function textAfter(ctx: RunContext, run: Span, n: number): string {
  const end = ctx.tokens[run.last]!.end;
  return ctx.text.slice(end, end + n);
}

/** True when the run opens a sentence or stands in a heading: its capitals say nothing. */
export function isOpening(ctx: RunContext, run: Span): boolean {
  return ctx.isHeading || ctx.sentenceStarts.has(run.first);
}

/**
 * A person's name: two to four capitalised words ("Ana Costa", "Max A. Cherney", "Dave
 * McJannet", "Ben Ray Luján"), a middle initial allowed, none of them a function word.
 */
export function isPersonShaped(words: readonly string[]): boolean {
  if (words.length < 2 || words.length > 4) return false;
  const isWord = (w: string, i: number) =>
    PERSON_WORD.test(w) ? !NOT_NAMES.has(w.toLowerCase()) : i > 0 && i < words.length - 1 && INITIAL.test(w);
  return words.every(isWord);
}
const PERSON_WORD = /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)?(?:-\p{Lu}\p{Ll}+)?$/u;

/** Most words capitalised: a headline, a title or a link title, where capitals say nothing. */
export function isTitleCase(text: string): boolean {
  // words are the runs of `/\p{L}[\p{L}’']*\/u`, scanned by hand and counted, not collected (a block
  // of prose has hundreds); it stops once the words left could not make three in four upper case
  let words = 0;
  let content = 0;
  let upper = 0;
  const length = text.length;
  for (let start = nextRun(text, 0, LETTER), end = 0; start < length; start = nextRun(text, end, LETTER)) {
    end = runEnd(text, start, LETTER | APOSTROPHE);
    words++;
    if (end - start <= 4 && SMALL_TITLE_WORD.test(text.slice(start, end))) continue;
    content++;
    const c = text.charCodeAt(start);
    if (c < 128 ? c >= 65 && c <= 90 : UPPER.test(text.slice(start, start + (classesAt(text, start) >> 8)))) upper++;
    // each word left takes a letter and a separator: at best (length - end) / 2 more, all upper case
    if (4 * (content - upper) > content + (length - end) / 2) return false;
  }
  return words >= 3 && content >= 3 && upper / content >= 0.75;
}

export function isNotName(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase());
}

export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word);
}

export function isCompanyWord(word: string): boolean {
  return COMPANY_SUFFIXES.has(word);
}

export function isGovernmentWord(word: string): boolean {
  return GOVERNMENT_WORDS.has(word);
}

/** Letters an acronym may add for a legal form the name leaves out: "Meta Platforms Ireland (MPIL)" for "… Limited". */
const LEGAL_FORM_LETTERS = new Set(['L', 'C', 'I', 'G', 'A']);
const ACRONYM_SKIPS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'des', 'la', 'le', '&']);

/** True when `acronym` spells the initials of the capitalised words ("of", "and" skipped). */
export function spellsInitials(words: readonly string[], acronym: string): boolean {
  const letters = acronym.replace(/&/g, '');
  const spells = (initials: string) =>
    initials.length >= 2 &&
    (initials === letters ||
      (initials.length === letters.length - 1 &&
        letters.startsWith(initials) &&
        LEGAL_FORM_LETTERS.has(letters[letters.length - 1]!)));
  // "Right of First Refusal (ROFR)" spells its "of"; "Bank of Nordvik (BN)" does not
  return (
    spells(
      words
        .filter((w) => !ACRONYM_SKIPS.has(w))
        .map((w) => w[0]!.toUpperCase())
        .join(''),
    ) || spells(words.map((w) => w[0]!.toUpperCase()).join(''))
  );
}
