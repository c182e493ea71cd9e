/**
 * Sentences of a prose block: `Intl.Segmenter`, run per line (never over a whole file: it is
 * quadratic on Node 20), repaired where a period ends an abbreviation rather than a sentence.
 * A line break starts a new sentence unless the next line continues in lower case (wrapped prose).
 */
import type { ProseBlock } from './blocks';

/** A sentence as a `[start, end)` span of its block's prose text. */
export interface SentenceSpan {
  readonly start: number;
  readonly end: number;
}

const segmenter = new Intl.Segmenter('en', { granularity: 'sentence' });

const LOWER = /\p{Ll}/u;
/** "… Mr.", "… U.S.": the word before a final period. */
const ENDS_WITH_ABBREVIATION = /(?:^|[\s(“"'])((?:\p{L}\.)*\p{L}+)\.\s*$/u;
const NEXT_WORD = /^\s*([\p{L}\p{N}$€£]+)/u;
/** A next word in lower case, or a number or amount: the sentence goes on. */
const CONTINUES_SENTENCE = /^[\p{Ll}\p{N}$€£]/u;
const INITIAL = /^\p{Lu}$/u;

/** Abbreviations that do not end a sentence whatever follows ("Mr. Nadella", "No. 2"). */
const ALWAYS_ABBREVIATIONS = new Set([
  'mr', 'mrs', 'ms', 'dr', 'prof', 'st', 'no', 'nos', 'vs', 'approx', 'e.g', 'i.e', 'etc', 'cf', 'al',
  'jan', 'feb', 'mar', 'apr', 'jun', 'jul', 'aug', 'sep', 'sept', 'oct', 'nov', 'dec',
  'gen', 'sen', 'rep', 'gov', 'lt', 'col', 'sgt', 'capt', 'fig', 'est', 'ca', 'ft', 'mt', 'ave',
]);
/** Abbreviations that may end a sentence: joined only when a name or number follows. */
const MAYBE_ABBREVIATIONS = new Set(['u.s', 'u.k', 'u.n', 'e.u', 'inc', 'corp', 'ltd', 'co', 'jr', 'sr', 'bros', 'plc', 'n.v', 's.a']);
/** Words that typically open a sentence: after "Inc." they mean the sentence did end. */
const SENTENCE_OPENERS = new Set([
  'the', 'a', 'an', 'it', 'its', 'this', 'that', 'these', 'those', 'he', 'she', 'they', 'we', 'i', 'you',
  'but', 'and', 'so', 'yet', 'in', 'on', 'at', 'by', 'for', 'from', 'with', 'after', 'before', 'while',
  'when', 'if', 'as', 'however', 'meanwhile', 'there', 'here', 'what', 'why', 'how', 'who', 'shares', 'analysts',
]);

export function sentencesOf(block: ProseBlock): SentenceSpan[] {
  const text = block.map.text;
  const out: SentenceSpan[] = [];
  for (const line of linesOf(text)) {
    const pieces: SentenceSpan[] = [];
    // a wrapped line continues its sentence: ICU would break at the newline, so hide it (same length)
    for (const segment of segmenter.segment(text.slice(line.start, line.end).replace(/\r?\n/g, (m) => ' '.repeat(m.length)))) {
      const start = line.start + segment.index;
      pieces.push({ start, end: start + segment.segment.length });
    }
    for (const piece of joinAbbreviations(text, pieces)) {
      const trimmed = trim(text, piece);
      if (trimmed.end > trimmed.start) out.push(trimmed);
    }
  }
  return out;
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
    if (previous && endsWithAbbreviation(text.slice(previous.start, previous.end), text.slice(piece.start, piece.end))) {
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
