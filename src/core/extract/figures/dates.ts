/**
 * Dates as precise as the text: "2025-11-03", "2025-11", "2025", year-less "--09-25" and
 * "--10", halves "2026-H2", quarters "2025-Q3", fiscal years "FY2025", timestamps
 * "2025-10-24T18:12", and ranges of them ("Dec 19–20", "2025–2026").
 */
import { matchWords, previousSolid, wordsBefore } from './match';
import { HYPHENS, RANGE_DASHES, isGlued, type Token } from './tokens';
import { wordTable } from './wordTable';

export interface DateMatch {
  readonly first: number;
  readonly last: number;
  readonly value: string | [string, string];
}

const MONTHS: Record<string, number> = wordTable({
  january: 1,
  february: 2,
  march: 3,
  april: 4,
  may: 5,
  june: 6,
  july: 7,
  august: 8,
  september: 9,
  october: 10,
  november: 11,
  december: 12,
  jan: 1,
  feb: 2,
  mar: 3,
  apr: 4,
  jun: 6,
  jul: 7,
  aug: 8,
  sep: 9,
  sept: 9,
  oct: 10,
  nov: 11,
  dec: 12,
});
const ORDINALS: Record<string, number> = wordTable({
  first: 1,
  second: 2,
  third: 3,
  fourth: 4,
  '1st': 1,
  '2nd': 2,
  '3rd': 3,
  '4th': 4,
});

/** Words after which a bare abbreviated month ("in Mar") is a date. */
const MONTH_LEADS = new Set([
  'in',
  'since',
  'by',
  'until',
  'till',
  'from',
  'through',
  'of',
  'before',
  'after',
  'during',
  'early',
  'late',
  'mid',
  'end',
  'between',
  'and',
  'to',
]);

const pad = (n: number) => String(n).padStart(2, '0');
const STARTS_UPPER = /^\p{Lu}/u;
const LETTER_OR_DIGIT = /[\p{L}\p{N}]/u;

export function isYear(token: Token | undefined): boolean {
  return !!token && token.type === 'num' && /^(19|20)\d\d$/.test(token.text);
}

export function dateAt(tokens: readonly Token[], i: number): DateMatch | undefined {
  return (
    isoDateAt(tokens, i) ?? monthDateAt(tokens, i) ?? dayMonthAt(tokens, i) ?? periodAt(tokens, i) ?? yearAt(tokens, i)
  );
}

/** "2025-11-01", "2025‑11‑01 10:20", "2025/11/01", "2025-11". */
function isoDateAt(tokens: readonly Token[], i: number): DateMatch | undefined {
  if (!isYear(tokens[i])) return undefined;
  const sep = tokens[i + 1];
  const month = tokens[i + 2];
  if (
    !sep ||
    !(HYPHENS.has(sep.text) || sep.text === '/') ||
    !isGlued(tokens[i], sep) ||
    month?.type !== 'num' ||
    !/^\d\d$/.test(month.text)
  )
    return undefined;
  const m = Number(month.text);
  if (m < 1 || m > 12) return undefined;
  const year = tokens[i]!.text;
  const sep2 = tokens[i + 3];
  const day = tokens[i + 4];
  if (sep2?.text === sep.text && day?.type === 'num' && /^\d\d$/.test(day.text) && Number(day.text) <= 31) {
    const date = `${year}-${month.text}-${day.text}`;
    const time = matchTime(tokens, i + 5);
    if (time) return { first: i, last: time.last, value: `${date}T${time.value}` };
    return { first: i, last: i + 4, value: date };
  }
  if (sep.text === '/' || tokens[i + 3]?.type === 'num') return undefined;
  return { first: i, last: i + 2, value: `${year}-${month.text}` };
}

function matchTime(tokens: readonly Token[], i: number): { last: number; value: string } | undefined {
  const hour = tokens[i + 1];
  if (tokens[i]?.type !== 'space' && tokens[i]?.text !== 'T') return undefined;
  if (hour?.type !== 'num' || !/^\d\d?$/.test(hour.text) || tokens[i + 2]?.text !== ':') return undefined;
  const minute = tokens[i + 3];
  if (minute?.type !== 'num' || !/^\d\d$/.test(minute.text)) return undefined;
  return { last: i + 3, value: `${pad(Number(hour.text))}:${minute.text}` };
}

function monthOf(token: Token | undefined): number | undefined {
  if (!token || token.type !== 'word' || !STARTS_UPPER.test(token.text)) return undefined;
  return MONTHS[token.lower];
}

/** "November 3, 2025", "Nov. 3", "Sept 25", "Dec 19–20", "January 2025", "October". */
function monthDateAt(tokens: readonly Token[], i: number): DateMatch | undefined {
  const month = monthOf(tokens[i]);
  if (month === undefined) return undefined;
  const isAbbreviation = tokens[i]!.text.length <= 4 && tokens[i]!.lower !== 'june' && tokens[i]!.lower !== 'july';
  let k = i;
  if (isAbbreviation && tokens[k + 1]?.text === '.') k++;
  const day = tokens[k + 2];
  if (tokens[k + 1]?.type === 'space' && isDay(day) && !isYear(day)) {
    let last = k + 2;
    if (/^(st|nd|rd|th)$/.test(tokens[last + 1]?.lower ?? '') && isGlued(day, tokens[last + 1])) last++;
    let dayEnd: string | undefined;
    const dash = tokens[last + 1];
    if (dash && RANGE_DASHES.has(dash.text) && isGlued(tokens[last], dash) && isDay(tokens[last + 2])) {
      dayEnd = tokens[last + 2]!.text;
      last += 2;
    }
    const year = yearAfter(tokens, last);
    const prefix = year ? year.year : '-';
    if (year) last = year.last;
    const start = `${prefix}-${pad(month)}-${pad(Number(day!.text))}`;
    if (dayEnd !== undefined)
      return { first: i, last, value: [start, `${prefix}-${pad(month)}-${pad(Number(dayEnd))}`] };
    return { first: i, last, value: start };
  }
  const year = yearAfter(tokens, k);
  if (year) return { first: i, last: year.last, value: `${year.year}-${pad(month)}` };
  // a month alone: full names (but not "May"), abbreviations only where a date is expected
  const lead = wordsBefore(tokens, i, 1)[0];
  const isExpected = (lead !== undefined && MONTH_LEADS.has(lead)) || tokens[k + 1]?.text === ':';
  if (tokens[i]!.lower === 'may' && !isExpected) return undefined;
  if (isAbbreviation && !isExpected) return undefined;
  if (tokens[i + 1]?.text === '.' && isAbbreviation && !isExpected) return undefined;
  return { first: i, last: i, value: `--${pad(month)}` };
}

/** ", 2025" or " 2025" after a month or day. */
function yearAfter(tokens: readonly Token[], last: number): { year: string; last: number } | undefined {
  let k = last + 1;
  if (tokens[k]?.text === ',') k++;
  if (tokens[k]?.type !== 'space' || tokens[k]!.text.length > 2) return undefined;
  const year = tokens[k + 1];
  if (!isYear(year) || (tokens[k + 2] && isGlued(year, tokens[k + 2]) && LETTER_OR_DIGIT.test(tokens[k + 2]!.text)))
    return undefined;
  return { year: year!.text, last: k + 1 };
}

function isDay(token: Token | undefined): boolean {
  return (
    !!token && token.type === 'num' && /^\d\d?$/.test(token.text) && Number(token.text) >= 1 && Number(token.text) <= 31
  );
}

/** "3 November 2025", "18 March". */
function dayMonthAt(tokens: readonly Token[], i: number): DateMatch | undefined {
  if (!isDay(tokens[i]) || tokens[i + 1]?.type !== 'space') return undefined;
  const month = monthOf(tokens[i + 2]);
  if (month === undefined) return undefined;
  const year = yearAfter(tokens, i + 2);
  const day = pad(Number(tokens[i]!.text));
  return year
    ? { first: i, last: year.last, value: `${year.year}-${pad(month)}-${day}` }
    : { first: i, last: i + 2, value: `--${pad(month)}-${day}` };
}

/** Fiscal years, quarters, halves and "mid-2026". */
function periodAt(tokens: readonly Token[], i: number): DateMatch | undefined {
  const token = tokens[i]!;
  // FY2025, FY25, FY 2025
  if (token.type === 'word' && token.text === 'FY') {
    const k = tokens[i + 1]?.type === 'space' ? i + 2 : i + 1;
    const year = fiscalYear(tokens[k]);
    if (year && (k === i + 1 ? isGlued(token, tokens[k]) : true)) return { first: i, last: k, value: `FY${year}` };
  }
  // fiscal 2025, fiscal year 2025
  if (token.lower === 'fiscal') {
    const end = matchWords(tokens, i, ['fiscal', 'year']);
    const k = (end >= 0 ? end : i) + 2;
    if (tokens[k - 1]?.type === 'space' && isYear(tokens[k]))
      return { first: i, last: k, value: `FY${tokens[k]!.text}` };
  }
  // Q3, Q3 2025, Q3 FY2025; H1, H2 2026
  if (
    token.type === 'word' &&
    (token.text === 'Q' || token.text === 'H') &&
    tokens[i + 1]?.type === 'num' &&
    isGlued(token, tokens[i + 1])
  ) {
    const n = Number(tokens[i + 1]!.text);
    const max = token.text === 'Q' ? 4 : 2;
    if (
      n >= 1 &&
      n <= max &&
      !LETTER_OR_DIGIT.test(tokens[i + 2] && isGlued(tokens[i + 1], tokens[i + 2]) ? tokens[i + 2]!.text : '')
    ) {
      const period = `${token.text}${n}`;
      const year = periodYearAfter(tokens, i + 1);
      return year
        ? { first: i, last: year.last, value: `${year.year}-${period}` }
        : { first: i, last: i + 1, value: `--${period}` };
    }
  }
  // first half of 2026, third quarter of 2025, the second half
  const ordinal = ORDINALS[token.lower];
  if (ordinal !== undefined) {
    const half = matchWords(tokens, i + 2, ['half']);
    const quarter = matchWords(tokens, i + 2, ['quarter']);
    const end = half >= 0 ? half : quarter;
    if (tokens[i + 1]?.type === 'space' && end >= 0 && (quarter >= 0 || ordinal <= 2)) {
      const period = `${quarter >= 0 ? 'Q' : 'H'}${ordinal}`;
      const of =
        matchWords(tokens, end + 2, ['of']) >= 0 ? end + 2 : matchWords(tokens, end + 2, ['in']) >= 0 ? end + 2 : -1;
      if (of >= 0 && tokens[end + 1]?.type === 'space') {
        const year = periodYearAfter(tokens, of);
        if (year) return { first: i, last: year.last, value: `${year.year}-${period}` };
      }
    }
  }
  // mid-2026, mid‑2026 (one text, because of the glued hyphen)
  if (
    token.lower === 'mid' &&
    HYPHENS.has(tokens[i + 1]?.text ?? '') &&
    isGlued(token, tokens[i + 1]) &&
    isYear(tokens[i + 2]) &&
    isGlued(tokens[i + 1], tokens[i + 2])
  ) {
    return { first: i, last: i + 2, value: tokens[i + 2]!.text };
  }
  return undefined;
}

function fiscalYear(token: Token | undefined): string | undefined {
  if (!token || token.type !== 'num') return undefined;
  if (/^(19|20)\d\d$/.test(token.text)) return token.text;
  if (/^\d\d$/.test(token.text)) return `20${token.text}`;
  return undefined;
}

/** The year after a quarter or half: " 2025", " FY2025", " of fiscal 2025", " of 2025". */
function periodYearAfter(tokens: readonly Token[], last: number): { year: string; last: number } | undefined {
  if (tokens[last + 1]?.type !== 'space') return undefined;
  const k = last + 2;
  if (isYear(tokens[k])) return { year: tokens[k]!.text, last: k };
  // "third quarter of fiscal 2025" → 2025-Q3: a quarter is named by its fiscal year's number
  const fiscal = periodAt(tokens, k);
  if (fiscal && typeof fiscal.value === 'string' && fiscal.value.startsWith('FY'))
    return { year: fiscal.value.slice(2), last: fiscal.last };
  return undefined;
}

/** A bare year, "2025", or a year range "2025–2026" / "2024-25". */
function yearAt(tokens: readonly Token[], i: number): DateMatch | undefined {
  const token = tokens[i]!;
  if (!isYear(token)) return undefined;
  const before = tokens[previousSolid(tokens, i)];
  if (before && isGlued(before, token) && (before.text === '$' || before.type === 'word' || before.type === 'num'))
    return undefined;
  const dash = tokens[i + 1];
  if (dash && RANGE_DASHES.has(dash.text) && isGlued(token, dash) && isGlued(dash, tokens[i + 2])) {
    const end = tokens[i + 2]!;
    const endYear = isYear(end) ? end.text : /^\d\d$/.test(end.text) ? token.text.slice(0, 2) + end.text : undefined;
    if (endYear && endYear > token.text) return { first: i, last: i + 2, value: [token.text, endYear] };
  }
  return { first: i, last: i, value: token.text };
}
