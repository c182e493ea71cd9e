/**
 * Names that no lexicon has: capitalised runs classified by the evidence around them —
 * a company suffix ("Corvanta Labs", "Tiger Brokers"), a role ("CFO Sarah Friar"), a given
 * name ("Noelle Walsh"), a speech verb ("Theo says"), an organisation cue ("startup Vexa").
 * Runs with no evidence count only when they recur mid-sentence. Headings are Title Case,
 * so no run in a heading counts without evidence.
 */
import cues from './nameCues.json';
import nonEntities from './nonEntities.json';
import type { EntityType } from './lexicon';
import { isCapitalisedName, type NameToken } from './nameTokens';

export interface NameRun {
  readonly first: number;
  readonly last: number;
  readonly type: EntityType;
  /** How sure the heuristics are: evidence-backed runs are 'cued', recurring ones 'recurring'. */
  readonly evidence: 'suffix' | 'camel-case' | 'role' | 'given-name' | 'speech' | 'org-cue' | 'recurring';
}

const GIVEN_NAMES = new Set<string>(cues.givenNames);
const ROLE_WORDS = new Set<string>(cues.roleWords);
const SPEECH_VERBS = new Set<string>(cues.speechVerbs);
const COMPANY_SUFFIXES = new Set<string>(cues.companySuffixes.map((s: string) => s.replace(/\.$/, '')));
/** Legal forms and investment words: an organisation even in a headline ("Tiger Brokers", "Corvanta Labs Inc."). */
const LEGAL_SUFFIXES = new Set([
  'Inc', 'Corp', 'Corporation', 'Co', 'Company', 'Ltd', 'Limited', 'LLC', 'LLP', 'LP', 'PLC', 'Plc', 'plc', 'GmbH', 'AG',
  'SA', 'SE', 'NV', 'BV', 'KK', 'Oy', 'Oyj', 'AB', 'ASA', 'SpA', 'Pty', 'Pte', 'Bhd', 'Tbk', 'SAS', 'SARL', 'Srl', 'SRL',
  'KGaA', 'Holdings', 'Holding', 'Group', 'Labs', 'Capital', 'Ventures', 'Partners', 'Brokers', 'Securities', 'Newswire',
  'Technologies', 'Bancorp', 'Investments', 'Fund',
]);
const ORG_CUES = new Set<string>(cues.orgCues);
const NOT_NAMES = new Set<string>(nonEntities.words.map((w: string) => w.toLowerCase()));
const CONNECTORS = new Set(['of', 'for', 'de', 'del', 'der', 'van', 'von', 'la', 'le', 'du', 'da']);
const PERSON_WORD = /^\p{Lu}\p{Ll}+(?:-\p{Lu}\p{Ll}+)?$/u;
const CAMEL_CASE = /^\p{Ll}+\p{Lu}|^\p{Lu}\p{Ll}+\p{Lu}\p{Ll}/u;
const SHORT_ACRONYM = /^\p{Lu}{2,3}$/u;
const TITLE_WORDS = /\p{L}[\p{L}’']*/gu;
const SMALL_TITLE_WORD = /^(a|an|the|and|or|of|in|on|at|to|for|with|by|from|as|vs|is|are|&)$/i;
const STARTS_UPPER = /^\p{Lu}/u;

export interface RunContext {
  readonly text: string;
  readonly tokens: readonly NameToken[];
  /** Tokens already claimed by the lexicon. */
  readonly covered: ReadonlySet<number>;
  /** Tokens that open a sentence. */
  readonly sentenceStarts: ReadonlySet<number>;
  /** A heading, or a sentence in Title Case: capitals there are no evidence of a name. */
  readonly isHeading: boolean;
}

/** Capitalised runs of uncovered tokens, trimmed of function words, with no evidence yet. */
export function capitalisedRuns(ctx: RunContext): Array<{ first: number; last: number }> {
  const runs: Array<{ first: number; last: number }> = [];
  const { tokens } = ctx;
  let i = 0;
  while (i < tokens.length) {
    // covered, lower case, or a handle / hashtag ("@TigerStars", "#AI")
    if (ctx.covered.has(i) || !isCapitalisedName(tokens[i]!.text) || /[@#]$/.test(tokens[i]!.before)) {
      i++;
      continue;
    }
    let last = i;
    for (let k = i + 1; k < tokens.length; k++) {
      const token = tokens[k]!;
      if (ctx.covered.has(k) || ctx.sentenceStarts.has(k)) break;
      if (token.before !== ' ' && token.before !== '-' && token.before !== ' & ') break;
      if (isCapitalisedName(token.text)) {
        last = k;
      } else if (CONNECTORS.has(token.text) && tokens[k + 1] && isCapitalisedName(tokens[k + 1]!.text) && tokens[k + 1]!.before === ' ') {
        continue;
      } else {
        break;
      }
    }
    let first = i;
    const end = last;
    while (first <= last && NOT_NAMES.has(tokens[first]!.text.toLowerCase())) first++;
    while (last >= first && NOT_NAMES.has(tokens[last]!.text.toLowerCase()) && !COMPANY_SUFFIXES.has(tokens[last]!.text)) last--;
    // a name cut short at its end ("Securities Exchange [Act]") is another name: not a candidate
    const isCutShort = last < end && !LEGAL_SUFFIXES.has(tokens[last]!.text);
    if (first <= last && !CONNECTORS.has(tokens[last]!.text) && !isCutShort) runs.push({ first, last });
    last = end;
    i = Math.max(last, i) + 1;
  }
  return runs;
}

/** The evidence for a run, or undefined when there is none. */
export function classifyRun(ctx: RunContext, run: { first: number; last: number }): NameRun | undefined {
  const { tokens, text } = ctx;
  const words = tokens.slice(run.first, run.last + 1).map((t) => t.text);
  const length = words.length;
  const lastWord = words[length - 1]!;
  const before = text.slice(Math.max(0, tokens[run.first]!.start - 40), tokens[run.first]!.start).toLowerCase();
  const after = text.slice(tokens[run.last]!.end, tokens[run.last]!.end + 30).toLowerCase();
  const isPersonShaped = length >= 2 && length <= 3 && words.every((w) => PERSON_WORD.test(w));
  const isOpening = ctx.isHeading || ctx.sentenceStarts.has(run.first);
  if (length >= 2 && (LEGAL_SUFFIXES.has(lastWord) || (!isOpening && COMPANY_SUFFIXES.has(lastWord)))) return { ...run, type: 'org', evidence: 'suffix' };
  // "Helionyx Energy, Inc." — the legal form after a comma
  if (/^,?\s(?:inc|corp|ltd|llc|plc|ag|sa|nv|gmbh|co)\b/.test(after)) return { ...run, type: 'org', evidence: 'suffix' };
  // camelCase ("AiToEarn", "CoreWeave") is a name wherever it stands
  if (length === 1 && CAMEL_CASE.test(words[0]!)) return { ...run, type: 'product', evidence: 'camel-case' };
  // single letters, short unknown acronyms ("B", "IP", "ROI") and legal forms ("Inc") are not names by themselves
  if (length === 1 && (words[0]!.length < 2 || SHORT_ACRONYM.test(words[0]!) || LEGAL_SUFFIXES.has(words[0]!))) return undefined;
  if (isPersonShaped && hasRoleBefore(before)) return { ...run, type: 'person', evidence: 'role' };
  if (isPersonShaped && GIVEN_NAMES.has(words[0]!)) return { ...run, type: 'person', evidence: 'given-name' };
  const nextWord = /^(?:['’]s)?,?\s+([a-z]+)/.exec(after)?.[1];
  const previousWord = /([a-z]+),?\s+$/.exec(before)?.[1];
  const isSpoken = (nextWord && SPEECH_VERBS.has(nextWord)) || (previousWord && SPEECH_VERBS.has(previousWord));
  if (isSpoken && (isPersonShaped || (length === 1 && GIVEN_NAMES.has(words[0]!)))) return { ...run, type: 'person', evidence: 'speech' };
  if (previousWord && ORG_CUES.has(previousWord)) return { ...run, type: 'org', evidence: 'org-cue' };
  if (isOpening) return undefined;
  return { ...run, type: 'org', evidence: 'recurring' };
}

function hasRoleBefore(before: string): boolean {
  const trimmed = before.replace(/[,\s]+$/, '');
  for (const role of ROLE_WORDS) {
    if (trimmed.endsWith(role) && (trimmed.length === role.length || /[^a-z]/.test(trimmed[trimmed.length - role.length - 1]!))) return true;
  }
  return false;
}

/** Most words capitalised: a headline, a title or a link title, where capitals say nothing. */
export function isTitleCase(text: string): boolean {
  const words = text.match(TITLE_WORDS) ?? [];
  if (words.length < 3) return false;
    const content = words.filter((w) => !SMALL_TITLE_WORD.test(w));
  return content.length >= 3 && content.filter((w) => STARTS_UPPER.test(w)).length / content.length >= 0.75;
}

export function isNotName(word: string): boolean {
  return NOT_NAMES.has(word.toLowerCase());
}

export function isGivenName(word: string): boolean {
  return GIVEN_NAMES.has(word);
}
