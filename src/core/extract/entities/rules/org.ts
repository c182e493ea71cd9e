/**
 * Evidence that a name is an organisation: a legal form, the shape of a government body, a
 * defined acronym, a word companies are named with — and appositions, which may also say
 * product ("the app Zeta", "Zeta, a satellite operator,", "Zeta's parent company").
 */
import cues from '../nameCues.json';
import { phraseOf } from '../evidence';
import { pattern, words } from '../../../regexParts';
import {
  LEGAL_FORMS,
  NOT_SURNAME_COMPANY_WORDS,
  STRONG_COMPANY_WORDS,
  isCompanyWord,
  isGovernmentWord,
  isOpening,
  isPersonShapedRun,
  isGivenName,
  spellsInitials,
  textAfter,
  textBefore,
  textOf,
  wordsOf,
  type NameRun,
  type RunContext,
  type Span,
} from '../names';

const GOVERNMENT_HEADS = new Set<string>(cues.governmentHeads);
/** Legal forms written after a comma or with dots: "Zeta, Inc.", "Banco Sul, S.A.", "Kiyomi Co., Ltd.", "Orbe N.V.". */
const LEGAL_FORM_AFTER = pattern(
  [
    '^,?\\s',
    words([
      `${words(['Inc', 'Corp', 'Ltd', 'LLC', 'LLP', 'PLC', 'plc', 'GmbH', 'AG', 'SA', 'SE', 'NV', 'BV', 'AB', 'ASA', 'Oyj', 'Pty', 'Pte'])}\\b`,
      words(['S\\.A', 'N\\.A', 'K\\.K', 'S\\.p\\.A', 'B\\.V', 'N\\.V', 'A\\.G', 'S\\.A\\.S', 'S\\.à r\\.l', 'A\\/S']), // with dots
      words(['Co\\.,?\\s?Ltd', 'Co\\.']),
    ]),
    '\\.?',
  ],
  'u',
);

export function legalForm(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  const start = ctx.tokens[run.first]!.start;
  if (words.length >= 2 && LEGAL_FORMS.has(words[words.length - 1]!)) {
    // the rest of the form: "Kiyomi Denki Co., Ltd.", "Zeta Labs Inc."
    const rest = /^\.?(?:,?\s(?:Ltd|Limited|LLC|Inc)\b\.?)?/.exec(textAfter(ctx, run, 12))![0];
    return {
      ...run,
      type: 'org',
      evidence: { rule: 'legal-form', phrase: phraseOf(ctx.text, start, ctx.tokens[run.last]!.end + rest.length) },
    };
  }
  const form = LEGAL_FORM_AFTER.exec(textAfter(ctx, run, 16));
  if (form && !(words.length === 1 && words[0]!.length < 2)) {
    return {
      ...run,
      type: 'org',
      evidence: { rule: 'legal-form', phrase: phraseOf(ctx.text, start, ctx.tokens[run.last]!.end + form[0].length) },
    };
  }
  return undefined;
}

/** "Ministry of Digital Affairs", "Department of Energy", "Rail Safety Authority", "Space Force". */
export function governmentBody(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  if (words.length < 2) return undefined;
  // "Ministry of Digital Affairs", "National Commission for Markets and Competition"
  const isHeadOf = words
    .slice(0, 3)
    .some((w, i) => GOVERNMENT_HEADS.has(w) && ['of', 'for'].includes(ctx.tokens[run.first + i + 1]?.text ?? ''));
  if (isHeadOf || isGovernmentWord(words[words.length - 1]!)) {
    return { ...run, type: 'org', evidence: { rule: 'government-body', phrase: textOf(ctx, run) } };
  }
  return undefined;
}

const ACRONYM_AFTER = /^\s?\((\p{Lu}[\p{Lu}&]{1,7})\)/u;
const INITIATIVE_WORDS =
  /^(?:Act|Regulation|Directive|Law|Program|Programme|Project|Initiative|Architecture|Strategy|Plan|Treaty)$/;

/** "Nordic Grid Operator (NGO)": the letters of the acronym are the initials of the name. */
export function acronym(ctx: RunContext, run: Span): NameRun | undefined {
  const match = ACRONYM_AFTER.exec(textAfter(ctx, run, 12));
  if (!match) return undefined;
  const words = wordsOf(ctx, run);
  // "Grace Olufemi (GO)" is a person with initials
  if (words.length < 2 || (isPersonShapedRun(ctx, run) && isGivenName(words[0]!))) return undefined;
  if (!spellsInitials(words, match[1]!)) return undefined;
  const type = INITIATIVE_WORDS.test(words[words.length - 1]!) ? 'initiative' : 'org';
  const end = ctx.tokens[run.last]!.end + match[0].length;
  return { ...run, type, evidence: { rule: 'acronym', phrase: phraseOf(ctx.text, ctx.tokens[run.first]!.start, end) } };
}

const TICKER_AFTER =
  /^\s?\((?:(?:NASDAQ|NYSE|Nasdaq|Nyse|LSE|TSX|HKEX|SSE|SZSE|TYO|KRX|OTC|Euronext|XETRA)\s?:\s?)?(\p{Lu}{1,5}(?:\.\p{Lu}{1,2})?)\)/u;

/** "Zeta Brokers (ZETA)", "Zeta Energy (NYSE: ZEN)", "Zeta (ZETA.O)": a name listed on an exchange. */
export function ticker(ctx: RunContext, run: Span): NameRun | undefined {
  const match = TICKER_AFTER.exec(textAfter(ctx, run, 30));
  if (!match) return undefined;
  const words = wordsOf(ctx, run);
  // a place or an organisation the lexicon knows is not a ticker: "Sydney (AU)", "the bloc (EU)"
  const symbol = match[1]!.split('.')[0];
  const inside = [run.last + 1, run.last + 2, run.last + 3].find((i) => ctx.tokens[i]?.text === symbol);
  if ((inside !== undefined && ctx.typeAt(inside)) || (isPersonShapedRun(ctx, run) && isGivenName(words[0]!)))
    return undefined;
  const end = ctx.tokens[run.last]!.end + match[0].length;
  return {
    ...run,
    type: 'org',
    evidence: { rule: 'ticker', phrase: phraseOf(ctx.text, ctx.tokens[run.first]!.start, end) },
  };
}

/**
 * "Zeta Robotics", "Harbour Lane Capital": a word companies are named with — mid-sentence, or
 * anywhere for the strong ones ("Tata Sons"); never after a given name ("Samantha Power").
 */
export function companyWord(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  const last = words[words.length - 1]!;
  // "Noelle Walsh" is a person, "Sakura Motors" a company: a given name first is a person's, unless no one is named so
  if (words.length < 2 || (isGivenName(words[0]!) && !NOT_SURNAME_COMPANY_WORDS.has(last))) return undefined;
  const isStrong = STRONG_COMPANY_WORDS.has(last);
  if (!isStrong && (!isCompanyWord(last) || isOpening(ctx, run))) return undefined;
  return { ...run, type: 'org', evidence: { rule: 'company-word', phrase: textOf(ctx, run) } };
}

interface Cue {
  readonly words: string;
  readonly type: 'org' | 'product' | 'initiative';
}

/** Cue nouns, longest first so that "social network" (a product) wins over "network" (an organisation). */
const CUES: readonly Cue[] = [
  ...cues.orgCues.map((words: string) => ({ words, type: 'org' as const })),
  ...cues.productCues.map((words: string) => ({ words, type: 'product' as const })),
  ...cues.initiativeCues.map((words: string) => ({ words, type: 'initiative' as const })),
].sort((a, b) => b.words.length - a.words.length);
/** The cues by their last word, so that a phrase is compared with the few that can end it. */
const CUES_BY_LAST_WORD = new Map<string, Cue[]>();
for (const cue of CUES) {
  const last = cue.words.slice(cue.words.search(/[^ -]*$/));
  CUES_BY_LAST_WORD.set(last, [...(CUES_BY_LAST_WORD.get(last) ?? []), cue]);
}
const LAST_WORD = /[\p{L}\p{N}]+$/u;
/** ", a …", " is a …": up to six words after the article, cut at the first word that ends a noun phrase. */
const DESCRIBED_AFTER =
  /^(?:,\s+|\s+(?:is|was|remains|became|has become|as)\s+[“"]?)(?:a|an|the)\s+((?:[\p{L}\p{N}’'-]+[,.;:)]?\s*){1,6})/u;
const PHRASE_ENDS = new Set([
  'that',
  'which',
  'who',
  'whose',
  'with',
  'based',
  'founded',
  'backed',
  'owned',
  'in',
  'from',
  'and',
  'for',
  'of',
  'to',
  'at',
  'on',
  'by',
  'enabling',
  'offering',
  'known',
  'led',
  'run',
  'said',
  'has',
  'is',
  'was',
]);
/** The words of a noun phrase: up to a punctuation mark or a word that ends it ("startup whose …" → "startup"). */
function nounPhrase(text: string): string {
  const words: string[] = [];
  for (const word of text.trim().split(/\s+/)) {
    if (PHRASE_ENDS.has(word)) break;
    const bare = word.replace(/[,.;:)]+$/, '');
    words.push(bare);
    if (bare !== word) break;
  }
  return words.join(' ');
}
const POSSESSED_BY_ORG: readonly string[] = [...cues.possessedByOrg].sort((a, b) => b.length - a.length);
const PHRASE_WINDOW = 60;

/**
 * The cue noun that ends `text`, written in lower case as the article has it ("the startup",
 * not "Token" in "Token Factory"), or capitalised only at a sentence start ("Chipmaker Zeta").
 */
function cueEndingAt(text: string, isCapitalAllowed = true): Cue | undefined {
  const lastWord = LAST_WORD.exec(text)?.[0].toLowerCase();
  for (const cue of (lastWord && CUES_BY_LAST_WORD.get(lastWord)) || []) {
    const written = text.slice(text.length - cue.words.length);
    if (written.toLowerCase() !== cue.words) continue;
    const before = text.slice(0, text.length - cue.words.length);
    const isCapitalised = written !== cue.words;
    if (
      isCapitalised &&
      !(isCapitalAllowed && written.slice(1) === cue.words.slice(1) && SENTENCE_END.test(before.slice(-3)))
    )
      continue;
    if (before === '' || !/[\p{L}\p{N}-]$/u.test(before)) return cue;
  }
  return undefined;
}

/** What may stand before a sentence's first word: nothing, or an end mark and a space. */
const SENTENCE_END = /(?:^|[.!?:]\s+|\n)$/;

/** "platforms like", "apps such as", "rivals including": a plural cue noun that introduces examples. */
const EXAMPLES_OF = /([\p{L}-]+?)s?\s+(?:like|such as|including)\s+$/u;

/** What every window EXAMPLES_OF matches ends with: one of its words, then whitespace. */
function endsWithExampleWord(before: string): boolean {
  const words = before.trimEnd();
  return (
    words.length < before.length && (words.endsWith('like') || words.endsWith('such as') || words.endsWith('including'))
  );
}

/**
 * An apposition: a cue noun right before the name ("chipmaker Zeta", "the startup Zeta", "app
 * Zeta"), a noun phrase after it ("Zeta, a satellite operator,"), or something only an
 * organisation has ("Zeta's parent company", "Zeta's shareholders").
 */
export function apposition(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  if (isPersonShapedRun(ctx, run) && isGivenName(words[0]!)) return undefined;
  const start = ctx.tokens[run.first]!.start;
  const end = ctx.tokens[run.last]!.end;
  // the cue capitalised at a sentence start: "Chipmaker Zeta said …", "Regulator Ofcom fined …"
  const leading =
    words.length >= 2 && isOpening(ctx, run) && !ctx.isHeading
      ? CUES_BY_LAST_WORD.get(words[0]!.toLowerCase())?.find((c) => c.words === words[0]!.toLowerCase())
      : undefined;
  if (leading)
    return {
      first: run.first + 1,
      last: run.last,
      type: leading.type,
      evidence: { rule: 'apposition', phrase: textOf(ctx, run) },
    };
  const before = textBefore(ctx, run, PHRASE_WINDOW);
  const cueBefore = /\s$/.test(before) && !/[.,;:!?]\s+$/.test(before) ? cueEndingAt(before.trimEnd()) : undefined;
  if (cueBefore) {
    const cueStart = start - before.length + before.trimEnd().length - cueBefore.words.length;
    return {
      ...run,
      type: cueBefore.type,
      evidence: { rule: 'apposition', phrase: phraseOf(ctx.text, cueStart, end) },
    };
  }
  // the pattern is tried at every place of the window: only where the window ends in one of its words
  const examples = endsWithExampleWord(before) ? EXAMPLES_OF.exec(before) : null;
  const exampleCue =
    examples &&
    (cueEndingAt(before.slice(0, examples.index + examples[1]!.length)) ??
      cueEndingAt(before.slice(0, examples.index + examples[1]!.length + 1)));
  if (examples && exampleCue) {
    return {
      ...run,
      type: exampleCue.type,
      evidence: { rule: 'apposition', phrase: phraseOf(ctx.text, start - before.length + examples.index, end) },
    };
  }
  const after = textAfter(ctx, run, PHRASE_WINDOW);
  // "Zeta, a quick-commerce startup,", "Zeta, the satellite operator,", "Zeta is a payments platform that …"
  const described = DESCRIBED_AFTER.exec(after);
  if (described) {
    const noun = nounPhrase(described[1]!);
    const cue = noun && cueEndingAt(noun, false);
    if (cue) {
      const length = described[0].length - described[1]!.length + described[1]!.indexOf(noun) + noun.length;
      return {
        ...run,
        type: cue.type,
        evidence: { rule: 'apposition', phrase: phraseOf(ctx.text, start, end + length) },
      };
    }
  }
  // "Zeta's parent company", "Zeta’s CEO"
  const possessive = /^['’]s\s+/.exec(after);
  if (possessive) {
    const rest = after.slice(possessive[0].length).toLowerCase();
    const owned = POSSESSED_BY_ORG.find((p) => rest.startsWith(p) && !/[\p{L}]/u.test(rest[p.length] ?? ' '));
    if (owned)
      return {
        ...run,
        type: 'org',
        evidence: { rule: 'apposition', phrase: phraseOf(ctx.text, start, end + possessive[0].length + owned.length) },
      };
  }
  return undefined;
}

const DEAL_OBJECT_CUES: readonly string[] = [...cues.dealObjectCues].sort((a, b) => b.length - a.length);

/** "the acquisition of Zeta", "a merger with Zeta", "a 10% stake in Zeta": what is bought or merged with is an organisation. */
export function dealObject(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  if (isPersonShapedRun(ctx, run) && isGivenName(words[0]!)) return undefined;
  const before = textBefore(ctx, run, 40);
  if (!/ $/.test(before)) return undefined;
  const lower = before.slice(0, -1).replace(/\s+the$/, '');
  const cue = DEAL_OBJECT_CUES.find(
    (c) => lower.endsWith(c) && !/\p{L}/u.test(lower[lower.length - c.length - 1] ?? ' '),
  );
  // the name itself, not a modifier of what is bought: "a stake in the Zeta project company"
  const isWhole =
    /^(?:$|[,.;:)'’]|\s+(?:for|from|and|or|in|to|that|which|with|at|on|by|said|says|is|was|will|would|has|had|earlier|last|this|after|before|$))/.test(
      textAfter(ctx, run, 12),
    );
  if (!cue || !isWhole || ctx.gazetteer.lookup(textOf(ctx, run))) return undefined;
  const cueStart = ctx.tokens[run.first]!.start - before.length + lower.length - cue.length;
  return {
    ...run,
    type: 'org',
    evidence: { rule: 'deal-object', phrase: phraseOf(ctx.text, cueStart, ctx.tokens[run.last]!.end) },
  };
}
