/**
 * Evidence that a name is a product — a cue noun after it ("the Zeta app", "its Falcon
 * rockets", "the Terraform cloud-management software") or an apposition with a model number
 * ("a robot, Atlas 2,", "a rocket called Kestrel") — or a place: a place word ("Kerr County",
 * "Richland Parish"), the state or country after it ("Marlow, Oklahoma"), a place cue before a
 * gazetteer name ("in Ningbo", "the city of Ulsan"), or a gazetteer city of a million people.
 */
import cues from '../nameCues.json';
import { phraseOf } from '../evidence';
import {
  isGivenName,
  isNotName,
  textAfter,
  textBefore,
  textOf,
  wordsOf,
  type NameRun,
  type RunContext,
  type Span,
} from '../names';

const PRODUCT_CUES: readonly string[] = [...cues.productCues].sort((a, b) => b.length - a.length);
/** Cue nouns after a name that make it a project: "the Zeta project", "the Zeta data center". */
const INITIATIVE_CUES: readonly string[] = [...cues.initiativeCues].sort((a, b) => b.length - a.length);
const PLACE_WORDS = new Set<string>(cues.placeWords);
/** A model number after the name: "Atlas 2", "Pixel 9", "Kestrel X1", "Figure 01". */
const MODEL_NUMBER = /^[ -](\p{N}[\p{N}\p{L}]{0,4}|\p{Lu}\p{N}{1,4}\p{L}?)\b/u;
/** At most two hyphenated modifiers between the name and the cue: "cloud-management software". */
const MODIFIERS = /^\s+((?:[\p{Ll}\p{N}]+-[\p{Ll}\p{N}-]+\s+){0,2})/u;

function productCueAt(lower: string, cues: readonly string[] = PRODUCT_CUES): string | undefined {
  return cues.find((cue) => lower.startsWith(cue) && !/[\p{L}\p{N}]/u.test(lower[cue.length] ?? ' '));
}

/** The run with a model number after it, when there is one. */
function withModelNumber(ctx: RunContext, run: Span): Span {
  const next = ctx.tokens[run.last + 1];
  if (!next || !MODEL_NUMBER.test(ctx.text.slice(ctx.tokens[run.last]!.end, next.end + 1))) return run;
  return { first: run.first, last: run.last + 1 };
}

const APPOSED = /([\p{L}-]+)(?:,\s+(?:called\s+|named\s+|dubbed\s+)?|,?\s+(?:called|named|dubbed|known as)\s+)$/u;

/** What every window APPOSED matches ends with: a comma or one of its words, then whitespace. */
function endsLikeApposition(before: string): boolean {
  const words = before.trimEnd();
  return words.length < before.length && /(?:,|called|named|dubbed|known as)$/.test(words);
}

export function productCue(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  if (words.length === 1 && isNotName(words[0]!)) return undefined;
  const named = withModelNumber(ctx, run);
  const start = ctx.tokens[named.first]!.start;
  const end = ctx.tokens[named.last]!.end;
  // after: "the Zeta app", "Falcon 9 rockets", "Terraform cloud-management software"
  const after = ctx.text.slice(end, end + 60);
  const modifiers = MODIFIERS.exec(after);
  if (modifiers) {
    const rest = after.slice(modifiers[0].length);
    const cue = productCueAt(rest) ?? productCueAt(rest, INITIATIVE_CUES);
    const type = cue && PRODUCT_CUES.includes(cue) ? 'product' : 'initiative';
    if (cue)
      return {
        ...named,
        type,
        evidence: { rule: 'product-cue', phrase: phraseOf(ctx.text, start, end + modifiers[0].length + cue.length) },
      };
  }
  // before, as an apposition: "a robot, Atlas 2,", "a rocket called Kestrel", "a chatbot named Pip"
  const before = textBefore(ctx, named, 50).toLowerCase();
  // the pattern is tried at every place of the window: only where the window ends as it must
  const apposed = endsLikeApposition(before) ? APPOSED.exec(before) : null;
  const isApposition =
    apposed &&
    productCueAt(apposed[1]!) === apposed[1] &&
    /^(?:[,.;:)]|\s+(?:and|which|that|is|was|will|has)\b)/.test(after);
  if (isApposition)
    return {
      ...named,
      type: 'product',
      evidence: { rule: 'product-cue', phrase: phraseOf(ctx.text, start - apposed[0].length, end) },
    };
  return undefined;
}

/** "in Ningbo", "based in Ningbo" (nameCues.json placeCues), "the port city of Ningbo". */
const PLACE_CUE_BEFORE = new RegExp(
  `(?:^|[^\\p{L}])(${[...cues.placeCues].sort((a, b) => b.length - a.length).join('|')}|(?:city|town|port|province|state|region|county|capital|prefecture|municipality) of)\\s+$`,
  'iu',
);
const BASED = /^-based\b/;
/** Cities of a million people or more are places with no cue ("Ningbo", "Lagos"); smaller ones need one. */
const SIZE_WITHOUT_CUE = 6;

/** The place named right after ", " — "Marlow, Oklahoma" — by the lexicon or the gazetteer. */
function placeAfterComma(ctx: RunContext, run: Span): string | undefined {
  const next = ctx.tokens[run.last + 1];
  if (!next || next.before !== ', ') return undefined;
  const known = ctx.typeAt(run.last + 1);
  if (known) return known === 'place' ? next.text : undefined;
  const region = ctx.gazetteer.lookup(next.text);
  return region && region.kind === 'region' ? next.text : undefined;
}

export function placeCue(ctx: RunContext, run: Span): NameRun | undefined {
  const words = wordsOf(ctx, run);
  const start = ctx.tokens[run.first]!.start;
  const end = ctx.tokens[run.last]!.end;
  if (words.length >= 2 && PLACE_WORDS.has(words[words.length - 1]!)) {
    return { ...run, type: 'place', evidence: { rule: 'place-cue', phrase: textOf(ctx, run) } };
  }
  if (isGivenName(words[0]!) && words.length === 1) return undefined;
  const state = placeAfterComma(ctx, run);
  // "Marlow, Oklahoma": not "Ana Costa, California's governor", so a person's name never counts
  if (state && !isGivenName(words[0]!))
    return {
      ...run,
      type: 'place',
      evidence: { rule: 'place-cue', phrase: phraseOf(ctx.text, start, end + 2 + state.length) },
    };
  const place = ctx.gazetteer.lookup(textOf(ctx, run));
  if (!place) return undefined;
  const before = textBefore(ctx, run, 40);
  const cue = PLACE_CUE_BEFORE.exec(before);
  if (cue) {
    const cueStart = start - before.length + before.toLowerCase().lastIndexOf(cue[1]!.toLowerCase());
    return { ...run, type: 'place', evidence: { rule: 'place-cue', phrase: phraseOf(ctx.text, cueStart, end) } };
  }
  if (BASED.test(textAfter(ctx, run, 8)))
    return { ...run, type: 'place', evidence: { rule: 'place-cue', phrase: phraseOf(ctx.text, start, end + 6) } };
  const isCommonWord = words.length === 1 && (isGivenName(words[0]!) || isNotName(words[0]!));
  if (place.size >= SIZE_WITHOUT_CUE && !isCommonWord && !ctx.isHeading) {
    return { ...run, type: 'place', evidence: { rule: 'gazetteer', phrase: textOf(ctx, run) } };
  }
  return undefined;
}
