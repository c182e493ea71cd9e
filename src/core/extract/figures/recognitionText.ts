/**
 * The prose as the figure recognisers read it, with a map back to prose offsets. Characters
 * that change nothing a reader sees are left out — zero-width spaces and joiners (U+200B–U+200D),
 * the word joiner (U+2060), a byte-order mark inside text (U+FEFF) and soft hyphens (U+00AD) —
 * so "$4\u200B0 billion" is $40 billion and "bil\u00ADlion" is "billion". Full-width ASCII
 * (U+FF01–U+FF5E: "４０％") reads as ASCII, and every Unicode decimal digit (`\p{Nd}`:
 * Arabic-Indic "٤٠", Devanagari "४०", …) as the ASCII digit of the same value. A figure's span is
 * mapped back to the prose, so its text is still the file's own characters.
 */

/** Characters left out for recognition. */
const INVISIBLE = /[\u00ad\u200b-\u200d\u2060\ufeff]/;
/** Anything this module changes (none of it ASCII): a quick test, from the first character beyond ASCII, before any work. */
const MAPPED = /[\u00ad\u200b-\u200d\u2060\ufeff\uff01-\uff5e]|(?![0-9])\p{Nd}/gu;
const DECIMAL_DIGIT = /^\p{Nd}$/u;

export interface RecognitionText {
  /** The text the recognisers read. */
  readonly text: string;
  /** The prose span of a span of `text`. */
  toProse(start: number, end: number): { start: number; end: number };
}

function isMapped(prose: string): boolean {
  let i = 0;
  while (i < prose.length && prose.charCodeAt(i) < 128) i++;
  if (i === prose.length) return false;
  MAPPED.lastIndex = i;
  const found = MAPPED.test(prose);
  MAPPED.lastIndex = 0;
  return found;
}

/** The recognition text of `prose`, or undefined when it is the prose itself. */
export function recognitionText(prose: string): RecognitionText | undefined {
  if (!isMapped(prose)) return undefined;
  let text = '';
  /** For each character of `text`: where the prose character it stands for starts, and ends. */
  const starts: number[] = [];
  const ends: number[] = [];
  let i = 0;
  while (i < prose.length) {
    const code = prose.codePointAt(i)!;
    const width = code > 0xffff ? 2 : 1;
    const ch = prose.slice(i, i + width);
    if (!INVISIBLE.test(ch)) {
      text += readAs(ch, code);
      starts.push(i);
      ends.push(i + width);
    }
    i += width;
  }
  return {
    text,
    toProse(start, end) {
      if (end <= start) {
        const at = start < starts.length ? starts[start]! : prose.length;
        return { start: at, end: at };
      }
      return { start: starts[start]!, end: ends[end - 1]! };
    },
  };
}

function readAs(ch: string, code: number): string {
  if (code >= 0xff01 && code <= 0xff5e) return String.fromCharCode(code - 0xfee0);
  if (code > 0x7f && DECIMAL_DIGIT.test(ch)) return String(digitValue(code));
  return ch;
}

/**
 * The value of a decimal digit: Unicode lays each script's digits out as runs of ten code
 * points, zero first (some runs hold several sets, as the mathematical digits do).
 */
function digitValue(code: number): number {
  let position = 0;
  while (position < 60 && DECIMAL_DIGIT.test(String.fromCodePoint(code - position - 1))) position++;
  return position % 10;
}
