/**
 * Sentences of a prose block: `Intl.Segmenter`, run per line (never over a whole file: it is
 * quadratic on Node 20), repaired where a period ends an abbreviation rather than a sentence.
 * Most lines are not given to ICU at all: one with no sentence end is one sentence (ONE_SENTENCE),
 * and one of Latin text is cut by the same rules here (latinBreaks), several times faster.
 * A line break starts a new sentence unless the next line continues in lower case (wrapped prose).
 */
import type { ProseBlock } from './blocks';

/** A sentence as a `[start, end)` span of its block's prose text. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

/** Built on first use: constructing it loads ICU's sentence rules, which loading the extension need not wait for. */
let segmenter: Intl.Segmenter | undefined;
const sentenceSegmenter = (): Intl.Segmenter => (segmenter ??= new Intl.Segmenter('en', { granularity: 'sentence' }));

const LOWER = /\p{Ll}/u;
/** "… Mr.", "… U.S.": the word before a final period. */
const ENDS_WITH_ABBREVIATION = /(?:^|[\s(“"'])((?:\p{L}\.)*\p{L}+)\.\s*$/u;
const NEXT_WORD = /^\s*([\p{L}\p{N}$€£]+)/u;
/** A next word in lower case, or a number or amount: the sentence goes on. */
const CONTINUES_SENTENCE = /^[\p{Ll}\p{N}$€£]/u;
const INITIAL = /^\p{Lu}$/u;

/** Abbreviations that do not end a sentence whatever follows ("Mr. Nadella", "No. 2"). */
const ALWAYS_ABBREVIATIONS = new Set([
  'mr',
  'mrs',
  'ms',
  'dr',
  'prof',
  'st',
  'no',
  'nos',
  'vs',
  'approx',
  'e.g',
  'i.e',
  'etc',
  'cf',
  'al',
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
  'gen',
  'sen',
  'rep',
  'gov',
  'lt',
  'col',
  'sgt',
  'capt',
  'fig',
  'est',
  'ca',
  'ft',
  'mt',
  'ave',
]);
/** Abbreviations that may end a sentence: joined only when a name or number follows. */
const MAYBE_ABBREVIATIONS = new Set([
  'u.s',
  'u.k',
  'u.n',
  'e.u',
  'inc',
  'corp',
  'ltd',
  'co',
  'jr',
  'sr',
  'bros',
  'plc',
  'n.v',
  's.a',
]);
/** Words that typically open a sentence: after "Inc." they mean the sentence did end. */
const SENTENCE_OPENERS = new Set([
  'the',
  'a',
  'an',
  'it',
  'its',
  'this',
  'that',
  'these',
  'those',
  'he',
  'she',
  'they',
  'we',
  'i',
  'you',
  'but',
  'and',
  'so',
  'yet',
  'in',
  'on',
  'at',
  'by',
  'for',
  'from',
  'with',
  'after',
  'before',
  'while',
  'when',
  'if',
  'as',
  'however',
  'meanwhile',
  'there',
  'here',
  'what',
  'why',
  'how',
  'who',
  'shares',
  'analysts',
]);

/**
 * ICU's sentence segmenter is quadratic in the length of what it is given (a 1 MB line: 47 s on
 * Node 20): a longer line is given to it in pieces of at most this many characters.
 */
export const MAX_SEGMENTED_CHARS = 4_096;

/**
 * Text in which ICU finds no place to break a sentence (UAX #29: a break follows a full stop, a
 * "!" or "?" and their kin, or a line or paragraph separator): printable ASCII and tabs but ".",
 * "!" and "?", Latin-1 letters and signs, curly quotes, en and em dashes. It is one sentence, and
 * ICU is not asked (a third of an article's lines: headings, list items). A unit test holds this
 * to ICU.
 */
export const ONE_SENTENCE = /^[^.!?\x00-\x08\x0a-\x1f\x7f-\x9f\u0100-\u2012\u2015-\u2017\u201a\u201b\u201e-\uffff]+$/;

/**
 * The sentence classes of UAX #29 for the characters `latinBreaks` knows: printable ASCII, tabs,
 * Latin-1 (but the soft hyphen, a format character), and WIDER_CLASSES.
 */
const enum Sb {
  Other,
  Sp,
  Lower,
  Upper,
  OLetter,
  Numeric,
  ATerm,
  STerm,
  Close,
  SContinue,
}

const LATIN_CLASSES: Uint8Array = (() => {
  const classes = new Uint8Array(256).fill(255); // 255: not known here, ask ICU
  for (let c = 0; c < 256; c++) {
    if ((c < 0x20 && c !== 0x09) || (c >= 0x7f && c < 0xa0) || c === 0xad) continue;
    const ch = String.fromCharCode(c);
    classes[c] =
      c === 0x09 || c === 0x20 || c === 0xa0
        ? Sb.Sp
        : /\p{Lowercase}/u.test(ch)
          ? Sb.Lower
          : /\p{Uppercase}/u.test(ch)
            ? Sb.Upper
            : /\p{Alphabetic}/u.test(ch)
              ? Sb.OLetter
              : c >= 0x30 && c <= 0x39
                ? Sb.Numeric
                : c === 0x2e
                  ? Sb.ATerm
                  : c === 0x21 || c === 0x3f
                    ? Sb.STerm
                    : /[\p{Ps}\p{Pe}\p{Pi}\p{Pf}"']/u.test(ch)
                      ? Sb.Close
                      : ch === ',' || ch === '-' || ch === ':' || ch === ';'
                        ? Sb.SContinue
                        : Sb.Other;
  }
  return classes;
})();

/** Beyond Latin-1, the punctuation and signs of English news: quotes, dashes, hyphens, bullets, arrows, currencies. */
const WIDER_CLASSES = new Map<number, Sb>([
  ...[0x2018, 0x2019, 0x201a, 0x201c, 0x201d, 0x201e, 0x2039, 0x203a].map((c) => [c, Sb.Close] as const),
  ...[0x2013, 0x2014].map((c) => [c, Sb.SContinue] as const),
  ...[
    0x2010, 0x2011, 0x2012, 0x2022, 0x2026, 0x2032, 0x2033, 0x20ac, 0x20b9, 0x20a9, 0x20bd, 0x20ba, 0x2122, 0x2190,
    0x2191, 0x2192, 0x2193, 0x2212, 0x2248, 0x2264, 0x2265,
  ].map((c) => [c, Sb.Other] as const),
]);

function latinClass(c: number): number {
  if (c < 256) return LATIN_CLASSES[c]!;
  return WIDER_CLASSES.get(c) ?? 255;
}

/**
 * Where ICU's sentence segmenter ends each sentence of `text` (the last end is `text.length`; none for ""),
 * by UAX #29's rules SB6–SB11, for text of the characters LATIN_CLASSES knows (and no line
 * breaks: sentencesOf hides them); undefined for any other text. Most lines of English news are
 * such text; a unit test holds this to ICU.
 */
export function latinBreaks(text: string): number[] | undefined {
  const length = text.length;
  const classes = new Uint8Array(length);
  for (let i = 0; i < length; i++) {
    const cls = latinClass(text.charCodeAt(i));
    if (cls === 255) return undefined;
    classes[i] = cls;
  }
  const breaks: number[] = [];
  for (let i = 0; i < length; i++) {
    const cls = classes[i]!;
    if (cls !== Sb.ATerm && cls !== Sb.STerm) continue;
    let j = i + 1;
    while (j < length && classes[j] === Sb.Close) j++;
    while (j < length && classes[j] === Sb.Sp) j++;
    if (j >= length) break;
    const next = classes[j]!;
    // SB8a: a continuation or another terminator goes on
    if (next === Sb.SContinue || next === Sb.ATerm || next === Sb.STerm) continue;
    if (cls === Sb.ATerm) {
      // SB6 "3.5", SB7 "U.S"
      if (j === i + 1 && next === Sb.Numeric) continue;
      if (j === i + 1 && next === Sb.Upper && i > 0 && (classes[i - 1] === Sb.Upper || classes[i - 1] === Sb.Lower))
        continue;
      // SB8: the next letter, past what is not a letter or a terminator, is in lower case
      let k = j;
      while (k < length) {
        const c = classes[k]!;
        if (c === Sb.OLetter || c === Sb.Upper || c === Sb.Lower || c === Sb.ATerm || c === Sb.STerm) break;
        k++;
      }
      if (k < length && classes[k] === Sb.Lower) continue;
    }
    breaks.push(j); // SB11
  }
  if (length > 0) breaks.push(length);
  return breaks;
}

export function sentencesOf(block: ProseBlock): SentenceSpan[] {
  const text = block.map.text;
  const out: SentenceSpan[] = [];
  for (const line of linesOf(text)) {
    const pieces: SentenceSpan[] = [];
    for (const chunk of chunksOf(text, line)) {
      // a wrapped line continues its sentence: ICU would break at the newline, so hide it (same length)
      const piece = text.slice(chunk.start, chunk.end).replace(/\r?\n/g, (m) => ' '.repeat(m.length));
      if (ONE_SENTENCE.test(piece)) {
        pieces.push(chunk);
        continue;
      }
      const breaks = latinBreaks(piece);
      if (breaks) {
        let start = 0;
        for (const end of breaks) {
          pieces.push({ start: chunk.start + start, end: chunk.start + end });
          start = end;
        }
        continue;
      }
      for (const segment of sentenceSegmenter().segment(piece)) {
        const start = chunk.start + segment.index;
        pieces.push({ start, end: start + segment.segment.length });
      }
    }
    for (const piece of joinAbbreviations(text, pieces)) {
      const trimmed = trim(text, piece);
      if (trimmed.end > trimmed.start) out.push(trimmed);
    }
  }
  return out;
}

/**
 * A line in pieces of at most MAX_SEGMENTED_CHARS, each ending where a sentence may end: after
 * sentence punctuation and the space that follows it, else after a space, else anywhere but
 * inside a surrogate pair — the latest such place in the piece's second half.
 */
export function chunksOf(text: string, line: SentenceSpan): SentenceSpan[] {
  if (line.end - line.start <= MAX_SEGMENTED_CHARS) return [line];
  const chunks: SentenceSpan[] = [];
  let start = line.start;
  while (line.end - start > MAX_SEGMENTED_CHARS) {
    const end = cutBefore(text, start + (MAX_SEGMENTED_CHARS >> 1), start + MAX_SEGMENTED_CHARS);
    chunks.push({ start, end });
    start = end;
  }
  chunks.push({ start, end: line.end });
  return chunks;
}

const SENTENCE_END = /[.!?…。！？]/;
const CLOSING = /[)\]"'”’»」』]/;

/** The latest good place to cut in `[from, to]`: see chunksOf. */
function cutBefore(text: string, from: number, to: number): number {
  let space = -1;
  for (let i = to; i > from; i--) {
    if (!/\s/.test(text[i - 1]!)) continue;
    if (space < 0) space = i;
    let j = i - 1;
    while (j > from && /\s/.test(text[j - 1]!)) j--;
    while (j > from && CLOSING.test(text[j - 1]!)) j--;
    if (j > from && SENTENCE_END.test(text[j - 1]!)) return i;
    i = j + 1;
  }
  if (space >= 0) return space;
  const high = text.charCodeAt(to - 1);
  return high >= 0xd800 && high <= 0xdbff ? to - 1 : to;
}

/** Lines of a block; a line that continues in lower case belongs to the previous one. */
function linesOf(text: string): SentenceSpan[] {
  const lines: SentenceSpan[] = [];
  let start = 0;
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) {
    const next = /\S/.exec(text.slice(i + 1, i + 40));
    if (next && LOWER.test(next[0])) continue;
    lines.push({ start, end: i });
    start = i + 1;
  }
  lines.push({ start, end: text.length });
  return lines;
}

function joinAbbreviations(text: string, pieces: SentenceSpan[]): SentenceSpan[] {
  const out: SentenceSpan[] = [];
  for (const piece of pieces) {
    const previous = out[out.length - 1];
    // the tail is enough to see the word before a period, and keeps a long run of joins linear
    if (
      previous &&
      endsWithAbbreviation(
        text.slice(Math.max(previous.start, previous.end - 80), previous.end),
        text.slice(piece.start, Math.min(piece.end, piece.start + 80)),
      )
    ) {
      out[out.length - 1] = { start: previous.start, end: piece.end };
    } else {
      out.push(piece);
    }
  }
  return out;
}

function endsWithAbbreviation(sentence: string, next: string): boolean {
  const match = ENDS_WITH_ABBREVIATION.exec(sentence);
  if (!match) return false;
  const word = match[1]!.toLowerCase();
  const nextWord = NEXT_WORD.exec(next)?.[1] ?? '';
  if (CONTINUES_SENTENCE.test(nextWord)) return true;
  if (ALWAYS_ABBREVIATIONS.has(word)) return true;
  if (INITIAL.test(match[1]!)) return true; // an initial: "J. Smith"
  return MAYBE_ABBREVIATIONS.has(word) && !!nextWord && !SENTENCE_OPENERS.has(nextWord.toLowerCase());
}

function trim(text: string, span: SentenceSpan): SentenceSpan {
  let { start, end } = span;
  while (start < end && /\s/.test(text[start]!)) start++;
  while (end > start && /\s/.test(text[end - 1]!)) end--;
  return { start, end };
}
