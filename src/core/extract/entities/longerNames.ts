/**
 * No lexicon match inside a longer name. A lexicon form that is only part of the name written
 * in the article gives way, so that the whole name can be read by its own evidence:
 * - an ambiguous form after another capitalised word: "Snapdragon X" is not the company X;
 * - a product followed by more of its name and a product cue: "Copilot Plus laptops";
 * - a short capital form followed by more capitals: "CMA CGM" is not the CMA;
 * - any form inside a name whose acronym is defined: "Meta Platforms Ireland (MPIL)";
 * - a form inside a name ending in a legal form: "TikTok USDS Joint Venture LLC", "Zeta America Inc.";
 * - a form followed by a model number and a product cue: "a robot, Zeta 01," "Zeta S2 phones".
 */
import cues from './nameCues.json';
import type { LexiconHit } from './blockWork';
import { isCapitalisedName, type NameToken } from './nameTokens';
import { LEGAL_FORMS, spellsInitials } from './names';
import { matchesOf } from '../../regexParts';

const PRODUCT_CUES: readonly string[] = [...cues.productCues].sort((a, b) => b.length - a.length);
const ALL_CAPS = /^\p{Lu}{2,5}$/u;
const ACRONYM = /\((\p{Lu}[\p{Lu}&]{1,7})\)/gu;
const ACRONYM_SKIPS = new Set(['of', 'and', 'for', 'the', 'de', 'du', 'des', 'la', 'le']);
const MAX_EXTRA_WORDS = 2;

export function longerNames(
  text: string,
  tokens: readonly NameToken[],
  hits: readonly LexiconHit[],
  sentenceStarts: ReadonlySet<number>,
): LexiconHit[] {
  const hitAt = new Map<number, LexiconHit>();
  for (const hit of hits) for (let k = hit.first; k <= hit.last; k++) hitAt.set(k, hit);
  const dropped = new Set<LexiconHit>();
  for (const hit of hits) {
    const previous = tokens[hit.first - 1];
    const isAfterCapital =
      !!previous &&
      tokens[hit.first]!.before === ' ' &&
      isCapitalisedName(previous.text) &&
      !sentenceStarts.has(hit.first) &&
      !sentenceStarts.has(hit.first - 1);
    if (hit.first === hit.last && hit.entry.ambiguous && isAfterCapital) dropped.add(hit);
    else if (hit.entry.type === 'product' && productNameGoesOn(text, tokens, hit, hitAt)) dropped.add(hit);
    else if (
      hit.first === hit.last &&
      ALL_CAPS.test(tokens[hit.first]!.text) &&
      continuesInCapitals(tokens, hit.last, hitAt)
    )
      dropped.add(hit);
    else if (opensLegalName(tokens, hit, hitAt)) dropped.add(hit);
    else if (hit.first === hit.last && !hitAt.has(hit.last + 1) && isModelName(text, tokens, hit)) dropped.add(hit);
  }
  for (const hit of hitsInsideDefinedNames(text, tokens, hitAt)) dropped.add(hit);
  return dropped.size ? hits.filter((h) => !dropped.has(h)) : [...hits];
}

/** "Copilot Plus laptops": one or two more capitalised words or a model number, then a cue noun. */
function productNameGoesOn(
  text: string,
  tokens: readonly NameToken[],
  hit: LexiconHit,
  hitAt: ReadonlyMap<number, LexiconHit>,
): boolean {
  let last = hit.last;
  for (let k = hit.last + 1; k <= hit.last + MAX_EXTRA_WORDS && k < tokens.length; k++) {
    const token = tokens[k]!;
    if (
      (hitAt.has(k) && !isAmbiguousHit(hitAt.get(k)!)) ||
      token.before !== ' ' ||
      !(isCapitalisedName(token.text) || /^\p{N}/u.test(token.text))
    )
      break;
    last = k;
  }
  if (last === hit.last) return false;
  const after = text.slice(tokens[last]!.end, tokens[last]!.end + 40).toLowerCase();
  const cueText = /^\s+((?:[\p{Ll}\p{N}]+-[\p{Ll}\p{N}-]+\s+)?)/u.exec(after);
  if (!cueText) return false;
  const rest = after.slice(cueText[0].length);
  return PRODUCT_CUES.some((cue) => rest.startsWith(cue) && !/[\p{L}\p{N}]/u.test(rest[cue.length] ?? ' '));
}

/**
 * "TikTok USDS Joint Venture LLC", "Kiyomi Denki America Inc.": the form stands among unknown
 * capitalised words that end in a legal form.
 */
function opensLegalName(
  tokens: readonly NameToken[],
  hit: LexiconHit,
  hitAt: ReadonlyMap<number, LexiconHit>,
): boolean {
  const isFree = (k: number) => !hitAt.has(k) && isCapitalisedName(tokens[k]!.text);
  let before = 0;
  for (let k = hit.first - 1; k >= 0 && before < 4 && tokens[k + 1]!.before === ' ' && isFree(k); k--) before++;
  let after = 0;
  for (let k = hit.last + 1; k < tokens.length && after < 5 && tokens[k]!.before === ' ' && isFree(k); k++) {
    if (LEGAL_FORMS.has(tokens[k]!.text)) return before + after >= 1;
    after++;
  }
  return false;
}

const MODEL_NUMBER = /^(?:\p{N}[\p{N}\p{L}]{0,4}|\p{Lu}\p{N}{1,4}\p{L}?)$/u;
const YEAR = /^(?:19|20)\d\d$/;

/** "a robot, Zeta 01,", "Zeta S2 phones": the form and a model number name a product. */
function isModelName(text: string, tokens: readonly NameToken[], hit: LexiconHit): boolean {
  const number = tokens[hit.last + 1];
  if (!number || number.before !== ' ' || !MODEL_NUMBER.test(number.text) || YEAR.test(number.text)) return false;
  const after = text.slice(number.end, number.end + 40).toLowerCase();
  const cueAfter = /^\s+([\p{Ll}-]+)/u.exec(after)?.[1];
  const before = text.slice(Math.max(0, tokens[hit.first]!.start - 40), tokens[hit.first]!.start).toLowerCase();
  const cueBefore = /([\p{Ll}-]+),\s+(?:called\s+|named\s+)?$/u.exec(before)?.[1];
  const isCue = (word: string | undefined) => !!word && PRODUCT_CUES.includes(word);
  return isCue(cueAfter) || (isCue(cueBefore) && /^[,.;:)]/.test(after));
}

function isAmbiguousHit(hit: LexiconHit): boolean {
  return !!hit.entry.ambiguous;
}

/** "CMA CGM": the next token, right after a space, is an unknown word in capitals too. */
function continuesInCapitals(
  tokens: readonly NameToken[],
  last: number,
  hitAt: ReadonlyMap<number, LexiconHit>,
): boolean {
  const next = tokens[last + 1];
  return !!next && next.before === ' ' && ALL_CAPS.test(next.text) && !hitAt.has(last + 1);
}

/** Hits that lie inside a name whose acronym follows it: "Meta Platforms Ireland (MPIL)". */
function hitsInsideDefinedNames(
  text: string,
  tokens: readonly NameToken[],
  hitAt: ReadonlyMap<number, LexiconHit>,
): LexiconHit[] {
  if (!text.includes('(')) return [];
  const inside: LexiconHit[] = [];
  for (const match of matchesOf(ACRONYM, text)) {
    const letters = match[1]!.replace(/&/g, '');
    // the last token right before the parenthesis, then back over the name's words
    let k = lastTokenBefore(tokens, match.index);
    if (k < 0 || !/^\s?$/.test(text.slice(tokens[k]!.end, match.index))) continue;
    const words: number[] = [];
    while (k >= 0 && words.length < letters.length) {
      const token = tokens[k]!;
      if (!ACRONYM_SKIPS.has(token.text)) {
        if (!isCapitalisedName(token.text)) break;
        words.unshift(k);
      }
      if (token.before !== ' ') break;
      k--;
    }
    const defined = [letters.length, letters.length - 1]
      .map((n) => words.slice(-n))
      .find(
        (w) =>
          w.length >= 2 &&
          spellsInitials(
            w.map((i) => tokens[i]!.text),
            letters,
          ),
      );
    if (!defined) continue;
    const first = defined[0]!;
    const last = defined[defined.length - 1]!;
    const hits = new Set<LexiconHit>();
    for (let j = first; j <= last; j++) if (hitAt.has(j)) hits.add(hitAt.get(j)!);
    const isWholeHit = hits.size === 1 && [...hits][0]!.first === first && [...hits][0]!.last === last;
    if (isWholeHit) continue;
    for (const hit of hits) if (hit.first >= first && hit.last <= last) inside.push(hit);
  }
  return inside;
}

function lastTokenBefore(tokens: readonly NameToken[], offset: number): number {
  let lo = 0;
  let hi = tokens.length - 1;
  let found = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (tokens[mid]!.end <= offset) {
      found = mid;
      lo = mid + 1;
    } else {
      hi = mid - 1;
    }
  }
  return found;
}
