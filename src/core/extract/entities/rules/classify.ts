/**
 * The evidence rules in the order they decide a run's type: the strongest evidence first (a
 * legal form, a government body, a defined acronym, a ticker, a byline), then the words around
 * the name (an apposition, a company word, a role, a given name, a deal, a speech verb, a
 * product or place cue),
 * then the shape of the name alone. A rule returns undefined when it has nothing to say.
 */
import { isCompanyWord, isOpening, isNotName, wordsOf, type NameRun, type RunContext, type Span } from '../names';
import { LEGAL_FORMS } from '../names';
import { acronym, apposition, companyWord, dealObject, governmentBody, legalForm, ticker } from './org';
import { byline, givenName, role, speech } from './person';
import { placeCue, productCue } from './productPlace';

type Rule = (ctx: RunContext, run: Span) => NameRun | undefined;

/** Every rule, in order: the first one with evidence decides. Each has its table in test/unit/extract/entities/rules. */
export const RULES: readonly Rule[] = [
  legalForm,
  governmentBody,
  acronym,
  ticker,
  byline,
  apposition,
  companyWord,
  role,
  givenName,
  dealObject,
  speech,
  productCue,
  placeCue,
  camelCase,
];

/** Rules strong enough for a short all-capital name ("SES", "CMA CGM"). */
const SHORT_NAME_RULES: ReadonlySet<Rule> = new Set([legalForm, governmentBody, ticker, apposition, productCue]);
/** Rules that say nothing of a capitalised word at a sentence start ("New models…", "Leading AI chips…"). */
const NOT_AT_OPENINGS: ReadonlySet<Rule> = new Set([productCue]);

const LOWER_CAMEL_CASE = /^\p{Ll}+\p{Lu}/u;
const UPPER_CAMEL_CASE = /^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u;
const SHORT_ACRONYM = /^\p{Lu}{2,3}$/u;

/**
 * A shape only names have, wherever it stands: "ZetaCorp", "QuickPay", "MásMóvil" are
 * organisations (as HashiCorp and StepStone are), "iZeta" and "vLLM" products (as iPhone and
 * iOS are) — unless a cue said otherwise first.
 */
function camelCase(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  if (words.length !== 1) return undefined;
  const type = LOWER_CAMEL_CASE.test(words[0]!) ? 'product' : UPPER_CAMEL_CASE.test(words[0]!) ? 'org' : undefined;
  return type && { ...run, type, evidence: { rule: 'camel-case', phrase: words[0]! } };
}

/**
 * The evidence for a run, or undefined when there is none. At a sentence start the first word
 * may be capitalised only because it opens the sentence ("Introduced Nova model series"): when
 * the whole run has no evidence, the rest of it is tried on its own.
 */
export function classifyRun(ctx: RunContext, run: Span, isRest = false): NameRun | undefined {
  const words = wordsOf(ctx, run);
  // single letters, and legal forms or company words alone ("Inc", "Labs", "Factory"), are no names
  if (words.length === 1 && (words[0]!.length < 2 || LEGAL_FORMS.has(words[0]!) || isCompanyWord(words[0]!)))
    return undefined;
  // short unknown acronyms ("IP", "ROI") need strong evidence
  const isShort = words.length === 1 && (SHORT_ACRONYM.test(words[0]!) || isNotName(words[0]!));
  const opening = isOpening(ctx, run);
  for (const rule of RULES) {
    if ((isShort && !SHORT_NAME_RULES.has(rule)) || (opening && NOT_AT_OPENINGS.has(rule))) continue;
    const found = rule(ctx, run);
    if (found) return found;
  }
  if (opening && !ctx.isHeading && !isRest && words.length >= 2)
    return classifyRun(ctx, { first: run.first + 1, last: run.last }, true);
  // the rest of a run that opened a sentence has no capitals to count on
  if (isShort || opening || isRest) return undefined;
  return { ...run, type: 'org', evidence: { rule: 'recurring', phrase: words.join(' ') } };
}
