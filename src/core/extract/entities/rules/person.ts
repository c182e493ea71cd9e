/**
 * Evidence that a name is a person's: a byline, a role before or after the name ("chief
 * executive Ana Costa", "Senator Ana Costa", "Ana Costa, CEO of Zeta,", "Ana Costa, who heads
 * …"), a speech verb ("said Ana Costa"), or a known given name.
 */
import cues from '../nameCues.json';
import { phraseOf } from '../evidence';
import {
  NOT_SURNAME_COMPANY_WORDS,
  isGivenName,
  isPersonShaped,
  isPersonShapedRun,
  textAfter,
  textBefore,
  wordsOf,
  type NameRun,
  type RunContext,
  type Span,
} from '../names';

const ROLE_WORDS = new Set<string>(cues.roleWords);
const ROLE_LIST: readonly string[] = [...cues.roleWords].sort((a, b) => b.length - a.length);
/**
 * The forms roles take in the order roleEnding tries them (the longest role first, each before
 * its plural), by their last run of letters: a form that ends a text whole (after a non-letter)
 * ends in the text's own last run of letters, so only those are tried. Forms that end otherwise
 * ("dr.") can end only a text that does too.
 */
const LAST_LETTERS = /\p{L}+$/u;
const FORMS_BY_LAST_WORD = new Map<string, string[]>();
const FORMS_ENDING_OTHERWISE: string[] = [];
for (const form of ROLE_LIST.flatMap((role) => [role, `${role}s`])) {
  const last = LAST_LETTERS.exec(form)?.[0];
  if (last === undefined) FORMS_ENDING_OTHERWISE.push(form);
  else {
    const forms = FORMS_BY_LAST_WORD.get(last);
    if (forms) forms.push(form);
    else FORMS_BY_LAST_WORD.set(last, [form]);
  }
}
const SPEECH_VERBS = new Set<string>(cues.speechVerbs);
const NOT_DESCRIPTIONS = new Set([
  'the',
  'a',
  'an',
  'its',
  'their',
  'his',
  'her',
  'our',
  'of',
  'and',
  'or',
  'after',
  'before',
  'by',
  'with',
  'for',
  'to',
  'as',
  'at',
  'in',
  'on',
  'from',
  'when',
  'while',
  'that',
  'which',
  'who',
  'whose',
  'is',
  'was',
  'are',
  'were',
]);
const MAX_ROLE_WORDS = 4;

const BYLINE_HEAD = /^\s*(?:by|written by|words by)\s+(?:[^.;:\n]{0,60}?(?:,|\band\b)\s+)?$/iu;
const CREDIT_LINE =
  /(?:reporting|editing|writing|additional reporting|compiled) by\s+(?:[^;.\n]{0,60}?(?:,|\band\b)\s+)?$/iu;

/** "By Ana Costa" at the head of a block; "Reporting by Ana Costa; Editing by Leo Brandt". */
export function byline(ctx: RunContext, run: Span): NameRun | undefined {
  if (!isPersonShapedRun(ctx, run)) return undefined;
  const start = ctx.tokens[run.first]!.start;
  const head = ctx.text.slice(0, start);
  const isByline = (head.length < 80 && BYLINE_HEAD.test(head)) || CREDIT_LINE.test(head.slice(-90));
  if (!isByline) return undefined;
  return {
    ...run,
    type: 'person',
    evidence: { rule: 'byline', phrase: phraseOf(ctx.text, head.search(/\S/), ctx.tokens[run.last]!.end) },
  };
}

/** "Senators" → "senator", "Chief Financial Officer" → "chief financial officer". */
function isRole(words: readonly string[]): boolean {
  const phrase = words.join(' ').toLowerCase();
  return ROLE_WORDS.has(phrase) || (phrase.endsWith('s') && ROLE_WORDS.has(phrase.slice(0, -1)));
}

/** A person whose title opens the run: "Chief Financial Officer Roger Dassen", "District Court Judge Ana Costa". */
function titleInRun(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  // the name after the title is two to four words: only those tails are tried
  for (let k = words.length - 3; k >= Math.max(0, words.length - 5); k--) {
    const rest = words.slice(k + 1);
    if (!isPersonShaped(rest)) continue;
    for (let j = Math.max(0, k - MAX_ROLE_WORDS + 1); j <= k; j++) {
      if (!isRole(words.slice(j, k + 1))) continue;
      const phrase = phraseOf(ctx.text, ctx.tokens[run.first]!.start, ctx.tokens[run.last]!.end);
      return { first: run.first + k + 1, last: run.last, type: 'person', evidence: { rule: 'role', phrase } };
    }
  }
  return undefined;
}

/** The role word that ends `before` ("… former chief executive "), if any. */
function roleEnding(before: string): string | undefined {
  const trimmed = before.replace(/[,\s]+$/, '').toLowerCase();
  // only forms ending in the text's last word can end it (see FORMS_BY_LAST_WORD)
  const lastWord = LAST_LETTERS.exec(trimmed)?.[0];
  for (const form of lastWord === undefined ? FORMS_ENDING_OTHERWISE : (FORMS_BY_LAST_WORD.get(lastWord) ?? [])) {
    if (
      trimmed.endsWith(form) &&
      (trimmed.length === form.length || /[^\p{L}]/u.test(trimmed[trimmed.length - form.length - 1]!))
    )
      return form;
  }
  return undefined;
}

const ROLE_MODIFIERS = '(?:(?:former|acting|interim|then|new|longtime|senior|deputy|co|founding|lead)[\\s-]+)*';

const CLAUSE_AFTER = /^,\s+([^,.;:()“”"]{1,70})/u;
const WHO_HEADS =
  /^who\s+(?:heads|headed|leads|led|runs|ran|founded|co-founded|cofounded|chairs|chaired|oversees|oversaw|manages|directs|advises|represents)\b/;
const ROLE_OPENING = new RegExp(
  `^(?:(?:the|its|their|his|her|a|an)\\s+)?(?:[\\p{L}\\p{N}&.-]+['’]s\\s+)?${ROLE_MODIFIERS}`,
  'u',
);

/** ", CEO of Zeta,", ", Zeta's chief executive,", ", the company's founder,", ", who heads …": the length of the clause. */
function roleAfter(after: string): number | undefined {
  const match = CLAUSE_AFTER.exec(after);
  if (!match) return undefined;
  const clause = match[1]!.toLowerCase();
  if (WHO_HEADS.test(clause)) return match[0].length;
  const rest = clause.slice(ROLE_OPENING.exec(clause)![0].length);
  const isRoleClause = ROLE_LIST.some((r) => rest.startsWith(r) && !/\p{L}/u.test(rest[r.length] ?? ' '));
  return isRoleClause ? match[0].length : undefined;
}

export function role(ctx: RunContext, run: Span): NameRun | undefined {
  const inRun = titleInRun(ctx, run);
  if (inRun) return inRun;
  if (!isPersonShapedRun(ctx, run)) return undefined;
  const start = ctx.tokens[run.first]!.start;
  const end = ctx.tokens[run.last]!.end;
  const before = textBefore(ctx, run, 50);
  const roleBefore = roleEnding(before);
  if (roleBefore) {
    const trimmed = before.replace(/[,\s]+$/, '');
    // the phrase takes one word of the role's description too: "finance minister", "Zeta chief executive"
    const described = /(?:^|[^\p{L}’'-])([\p{L}][\p{L}’'-]*)\s+$/u.exec(
      trimmed.slice(0, trimmed.length - roleBefore.length),
    )?.[1];
    const isDescription =
      !!described && !NOT_DESCRIPTIONS.has(described.toLowerCase()) && !SPEECH_VERBS.has(described.toLowerCase());
    const extra = isDescription ? described.length + 1 : 0;
    const roleStart = start - before.length + trimmed.length - roleBefore.length - extra;
    return { ...run, type: 'person', evidence: { rule: 'role', phrase: phraseOf(ctx.text, roleStart, end) } };
  }
  const after = textAfter(ctx, run, 80);
  const clauseLength = roleAfter(after);
  if (clauseLength)
    return {
      ...run,
      type: 'person',
      evidence: { rule: 'role', phrase: phraseOf(ctx.text, start, end + clauseLength) },
    };
  return undefined;
}

/** "said Ana Costa", "Ana Costa said", "Costa told" (a one-word name only when it is a given name: "Theo says"). */
export function speech(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  const after = textAfter(ctx, run, 30);
  // "said Jan. 10": a month, not Jan
  const isDate = words.length === 1 && /^\.?\s*\d/.test(after);
  if ((!isPersonShapedRun(ctx, run) && !(words.length === 1 && isGivenName(words[0]!))) || isDate) return undefined;
  const before = textBefore(ctx, run, 40);
  const next = /^(?:['’]s)?,?\s+([a-z]+(?: to)?)/.exec(after);
  const previous = /([a-z]+(?: to)?),?\s+$/.exec(before);
  const start = ctx.tokens[run.first]!.start;
  const end = ctx.tokens[run.last]!.end;
  const verbAfter =
    next && (SPEECH_VERBS.has(next[1]!) || SPEECH_VERBS.has(next[1]!.split(' ')[0]!)) ? next : undefined;
  if (verbAfter)
    return {
      ...run,
      type: 'person',
      evidence: { rule: 'speech', phrase: phraseOf(ctx.text, start, end + verbAfter[0].length) },
    };
  const verbBefore =
    previous && (SPEECH_VERBS.has(previous[1]!) || SPEECH_VERBS.has(previous[1]!.split(' ').pop()!))
      ? previous
      : undefined;
  if (verbBefore)
    return {
      ...run,
      type: 'person',
      evidence: { rule: 'speech', phrase: phraseOf(ctx.text, start - verbBefore[0].length, end) },
    };
  return undefined;
}

/** "Noelle Walsh": a person-shaped name that starts with a known given name. */
export function givenName(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  if (!isPersonShapedRun(ctx, run) || !isGivenName(words[0]!)) return undefined;
  // "Sakura Motors" in a headline: the company word says no person, though the capitals say nothing
  if (NOT_SURNAME_COMPANY_WORDS.has(words[words.length - 1]!)) return undefined;
  return { ...run, type: 'person', evidence: { rule: 'given-name', phrase: words.join(' ') } };
}
