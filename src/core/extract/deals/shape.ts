/**
 * A sentence as deal frames read it: every name and every amount replaced by a two-character
 * placeholder (frames/grammar.ts), so that a template speaks of roles and the words between
 * them. Names are the entities the recogniser found — organisations, and products standing
 * for their owner ("Azure" → Microsoft); persons, places and initiatives as names of another
 * class — plus capitalised runs no lexicon knows ("Kestrel Orbital"), which become entities
 * only when a frame gives them a role. Tickers and legal forms after a name are left out
 * ("Snowflake Inc (SNOW.N)", "Nvidia Corp. NVDA").
 */
import { HEAD, INDEX_BASE, isDescriptorHead, MAX_NAMES, MONEY, NAME, ORG, OTHER } from './frames/grammar';
import type { AmountMention, PartyMention } from './sentenceDeals';
import { matchesOf } from '../../regexParts';
import { AMPERSAND, APOSTROPHE, DIGIT, DOT, forEachRun, HYPHEN, LETTER, OTHER_NUMBER } from '../../textRuns';

/** A named thing in a sentence: an organisation (or a product for its owner), or a name of another type. */
export interface SentenceName {
  readonly party: PartyMention;
  /** The entity's type: org for organisations and owned products, else person, place, initiative… */
  readonly type: string;
}

export type SlotClass = 'org' | 'other' | 'name' | 'amount' | 'implicit';

export interface ShapedSlot {
  readonly cls: SlotClass;
  /** `[start, end)` in the sentence. */
  readonly start: number;
  readonly end: number;
  readonly text: string;
  readonly party?: PartyMention;
  /** The entity type of a name ("name" for an unknown one). */
  readonly type: string;
  readonly amount?: AmountMention;
}

export interface ShapedSentence {
  readonly text: string;
  readonly slots: readonly ShapedSlot[];
  /** The sentence offset of a shaped offset. */
  toSentence(offset: number): number;
}

interface Item {
  readonly start: number;
  readonly end: number;
  /** undefined: left out of the shaped text (a ticker, a legal form). */
  readonly slot?: ShapedSlot;
}

const PRIVATE_USE = /[\uE000-\uF8FF]/;
const PRIVATE_USE_ALL = /[\uE000-\uF8FF]/g;
const CAPITALISED = /[\p{Lu}][\p{L}\p{N}'’&.\-]*/u;
/**
 * What follows a name that opens a sentence: a verb in the past or third person, a modal, "said",
 * perhaps after an adverb ("Meridian also committed …", "Zeta later sold …").
 */
const VERB_AFTER =
  /^\s+(?:(?:also|later|then|now|still|already|recently|previously|separately|subsequently|since)\s+)?(?:[a-z]+(?:ed|es)|(?:is|was|has|had|will|would|said|says|plans|agreed|signed|won|bought|sold|took|raised|made|led|paid|can|could|may|might))\b|^\s+(?:and|&)\s+\p{Lu}|^,\s+(?:backed|owned|which|who|whose|the|an?|once|now|based)\b|^['’]s\s/u;
/** camelCase, a digit, or capitals throughout: a name wherever it stands ("CoreWeave", "xAI", "C3", "MGX"). */
const NAME_SHAPE = /^(?:\p{Ll}+\p{Lu}|\p{Lu}[\p{Ll}]+\p{Lu}|.*\d|\p{Lu}{2,}(?:\.\p{Lu})*$)/u;
/**
 * A wire dateline opening a sentence: a city in capitals ("OSLO", "SAN FRANCISCO", "ST. LOUIS"),
 * perhaps a date and the agency ("ZURICH, March 15 (Newswire)"), then a dash between spaces.
 */
const WIRE_DATELINE =
  /^\p{Lu}{2,}(?:[ .'’-]{1,2}\p{Lu}{2,})*\.?(?:,[^—–\n]{1,40}?)?(?:\s*\([^()\n]{1,30}\))?\s+(?:—|–|--?)\s+/u;
/** "we" (the writer's organisation) and "it" (the company just named), as subjects or objects of a deal. */
const PRONOUNS = /(?<![\p{L}'’])(?:[Ww]e|it)(?![\p{L}'’])/gu;
/** "in the company", "into the startup": the article's company as the object of a preposition. */
const COMPANY_OBJECT = /\b(?:in|into|for|of)\s+(?<object>the (?:company|startup|start-up|firm))\b(?![\p{L}'’-])/gu;
/** What follows "it" as a subject: a modal, an auxiliary or a verb ("it would acquire", "it plans to", "it bought"). */
const SUBJECT_VERB =
  /^\s+(?:would|will|had|has|have|is|was|could|should|might|may|plans?|planned|agreed|agrees|intends?|expects?|hopes?|aims?|wants?|took|bought|sold|won|led|paid|made|got|held|put|became|struck|spent|gave|[a-z]+ed|[a-z]+s)\b/;
/** One or two capitalised words right after a name, ending before a lower-case word or punctuation. */
const NAME_CONTINUATION = /^(?: \p{Lu}(?:[\p{L}\p{N}&.-]*[\p{L}\p{N}])?){1,2}(?=[\s,;:.)]|$)(?! \p{Lu})/u;
const MODIFIER_WORD = /-(?:based|backed|owned|listed|headquartered|born|affiliated|led|funded|controlled|founded)$/i;
/** Words that end names though they are no name alone: "Figure AI", "DST Global", "Google Cloud". */
const NAME_TAIL = new Set(['AI', 'Global', 'International', 'Cloud', 'Capital', 'Group', 'Holdings', 'Board']);
const VERB_OPENING =
  /^(?:\p{Lu}\p{Ll}+(?:ed|ing)|Bought|Sold|Won|Took|Led|Paid|Spent|Struck|Made|Got|Gave|Held|Put|Became|Signed|Invests?|Buys|Acquires)$/u;
const CONNECTORS = new Set(['of', 'de', 'du', 'la', 'van', 'von', 'der', 'den', 'y', 'del', 'di', 'da', '&']);
/** After a name: a legal form, a ticker in parentheses, a bare ticker ("Nvidia Corp. NVDA"). */
/**
 * After a name: the investment vehicle it acts through, which is the name's own part in a deal
 * ("Intel Corp.'s INTC venture capital arm", "Samsung's investment group", "an Amazon.com
 * Inc.-affiliated AMZN fund"): left out, so the name stands for it.
 */
const VEHICLE =
  /^\.?(?:\.com)?(?:,?\s(?:Inc|Corp)\.?)?(?:-(?:affiliated|backed|owned|sponsored|managed)\s+(?:[A-Z]{2,5}\s+)?(?:venture\s+|investment\s+)?fund|['’]s?\s+(?:[A-Z]{2,5}\s+)?(?:(?:corporate|strategic)\s+)?(?:venture(?:\s+capital)?|investment|investing|private\s+equity)\s+(?:arm|fund|group|vehicle))\b/;
const AFTER_NAME =
  /^(?:,?\s(?:Inc|Corp|Co|Ltd|LLC|plc|PLC|AG|SA|SE|NV|GmbH|Limited|Holdings)\.?(?=[\s,;:)'’]|$))?(?:\s?\((?:[A-Za-z]+\s?:\s?)?[A-Z][A-Z0-9.]{0,9}\)|\s[A-Z]{2,5}(?=[\s,.;]))?/;

/**
 * Words that are not names even when capitalised: nationalities and regions used as modifiers
 * ("Dutch chip giant ASML"), titles, months and days, and words that open sentences.
 */
/** Nationalities and regions: a modifier before a name ("Dutch chip giant ASML"), or its first word ("American Tower"). */
const NATIONALITIES = new Set([
  'American',
  'British',
  'Chinese',
  'Japanese',
  'Korean',
  'South',
  'North',
  'German',
  'French',
  'Dutch',
  'Spanish',
  'Italian',
  'Indian',
  'Israeli',
  'Swiss',
  'Swedish',
  'Finnish',
  'Norwegian',
  'Danish',
  'Irish',
  'Canadian',
  'Australian',
  'Brazilian',
  'Mexican',
  'Russian',
  'Taiwanese',
  'Singaporean',
  'Emirati',
  'Saudi',
  'Qatari',
  'European',
  'Asian',
  'African',
  'Belgian',
  'Austrian',
  'Polish',
  'Turkish',
  'Indonesian',
  'Vietnamese',
  'Thai',
  'Malaysian',
  'Filipino',
  'Nigerian',
  'Kenyan',
  'Egyptian',
  'Argentine',
  'Chilean',
  'Colombian',
  'Portuguese',
  'Greek',
  'Czech',
  'Hungarian',
  'Romanian',
  'Ukrainian',
  'Estonian',
  'Luxembourgish',
  'Scottish',
  'Welsh',
  'English',
  'Western',
  'Eastern',
  'Silicon',
  'Valley',
  'Wall',
  'Street',
  'US',
  'U.S.',
  'UK',
  'U.K.',
  'EU',
  'Gulf',
  'Nordic',
  'Latin',
  'Middle',
  'East',
  'West',
  'Pacific',
  'Atlantic',
  'Global',
  'International',
]);
const NOT_NAME_WORDS = new Set([
  ...NATIONALITIES,
  // titles and roles
  'CEO',
  'CFO',
  'CTO',
  'COO',
  'Chief',
  'Executive',
  'President',
  'Chairman',
  'Chairwoman',
  'Founder',
  'Co-founder',
  'Director',
  'Minister',
  'Secretary',
  'Senator',
  'Governor',
  'Mayor',
  'Commissioner',
  'Judge',
  'Analyst',
  'Analysts',
  'Prime',
  'Vice',
  // calendar
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
  'Jan',
  'Feb',
  'Mar',
  'Apr',
  'Jun',
  'Jul',
  'Aug',
  'Sep',
  'Sept',
  'Oct',
  'Nov',
  'Dec',
  'Monday',
  'Tuesday',
  'Wednesday',
  'Thursday',
  'Friday',
  'Saturday',
  'Sunday',
  'Q1',
  'Q2',
  'Q3',
  'Q4',
  'H1',
  'H2',
  'FY',
  // deal words and acronyms that are no company
  'IPO',
  'IPOs',
  'JV',
  'JVs',
  'SPV',
  'PPA',
  'PPAs',
  'LBO',
  'GPU',
  'GPUs',
  'CPU',
  'AI',
  'API',
  'APIs',
  'USD',
  'EUR',
  'GBP',
  'JPY',
  'CHF',
  'INR',
  'CNY',
  'KRW',
  'MW',
  'GW',
  'TWh',
  'Series',
  'Seed',
  'Round',
  'Deal',
  'Deals',
  'Agreement',
  'Acquisition',
  'Merger',
  'Partnership',
  'Investment',
  'Funding',
  'Stake',
  'Capacity',
  'Cloud',
  'Board',
  'Inc',
  'Corp',
  'Ltd',
  'LLC',
  'PLC',
  'AG',
  'SA',
  'GmbH',
  'Co',
  // function words that open sentences and clauses
  'The',
  'A',
  'An',
  'This',
  'That',
  'These',
  'Those',
  'It',
  'Its',
  'They',
  'Their',
  'We',
  'Our',
  'He',
  'She',
  'His',
  'Her',
  'In',
  'On',
  'At',
  'By',
  'For',
  'From',
  'Of',
  'To',
  'With',
  'After',
  'Before',
  'During',
  'Since',
  'Under',
  'As',
  'And',
  'But',
  'Or',
  'If',
  'When',
  'While',
  'Why',
  'What',
  'How',
  'Who',
  'Which',
  'Where',
  'Following',
  'According',
  'Meanwhile',
  'However',
  'Also',
  'Last',
  'Next',
  'Earlier',
  'Later',
  'Today',
  'Yesterday',
  'Tomorrow',
  'Both',
  'Each',
  'All',
  'Some',
  'Other',
  'Others',
  'Such',
  'Most',
  'Many',
  'More',
  'Under',
  'Including',
  'Through',
  'Between',
  'Among',
  'Once',
  'Then',
  'Now',
  'Here',
  'There',
  'Our',
  'Your',
  'My',
  'I',
  'You',
  'Shares',
  'Investors',
  'Executives',
  'Sources',
  'People',
  'Officials',
  'Regulators',
  'Reports',
  'Key',
  'Takeaways',
  'Update',
  'Read',
  'More',
  'Editing',
  'Reporting',
  'Photo',
  'Source',
  'Per',
  'Via',
  'Mr',
  'Mrs',
  'Ms',
  'Dr',
  'Sir',
  'Dame',
  'Lord',
]);

/**
 * The shaped sentence: known names and amounts, plus capitalised runs that no entity covers
 * (unless the sentence is a headline in Title Case, where capitals say nothing).
 */
export function shapeSentence(
  text: string,
  names: readonly SentenceName[],
  amounts: readonly AmountMention[],
  isTitleCase: boolean,
  implicit?: { start: number; end: number },
): ShapedSentence {
  const items: Item[] = [];
  // a subject the sentence leaves to context ("It raised …", "Bought $3.3 B capacity …"): a name of its own
  if (implicit)
    items.push({
      start: implicit.start,
      end: implicit.end,
      slot: { cls: 'implicit', start: implicit.start, end: implicit.end, text: '', type: 'implicit' },
    });
  // "we signed a contract with CoreWeave": the writer's own organisation; "… said it would acquire": the company named before
  for (const we of matchesOf(PRONOUNS, text)) {
    const word = we[0].toLowerCase();
    if (word === 'it' && (we.index === implicit?.start || !SUBJECT_VERB.test(text.slice(we.index + 2, we.index + 40))))
      continue;
    items.push({
      start: we.index,
      end: we.index + we[0].length,
      slot: { cls: 'implicit', start: we.index, end: we.index + we[0].length, text: word, type: 'implicit' },
    });
  }
  // "HongShan led a $150 million round in the company": after a preposition, "the company" is the
  // company the article is about (an implicit party, from context — not the name just before)
  for (const object of matchesOf(COMPANY_OBJECT, text)) {
    const start = object.index + object[0].length - object.groups!.object!.length;
    items.push({
      start,
      end: object.index + object[0].length,
      slot: { cls: 'implicit', start, end: object.index + object[0].length, text: '', type: 'implicit' },
    });
  }
  for (const { party, type } of names) {
    if (party.start < 0) continue;
    if (type === 'source') {
      // a cited source ("(Reuters)", "according to PitchBook"): left out of the shaped sentence
      items.push({ start: party.start, end: party.end });
      continue;
    }
    // a product with no owner known may well be a company ("HashiCorp", "MásMóvil" read as products)
    const cls: SlotClass = type === 'org' || type === 'product' ? 'org' : 'other';
    // "Paramount Global" where the lexicon knows "Paramount": the rest of the capitalised name is the name's
    const tail = NAME_CONTINUATION.exec(text.slice(party.end, party.end + 40))?.[0] ?? '';
    const end =
      party.end +
      (tail &&
      !tail
        .trim()
        .split(/\s+/)
        .some((w) => NOT_NAME_WORDS.has(w) && !NAME_TAIL.has(w))
        ? tail.length
        : 0);
    items.push({
      start: party.start,
      end,
      slot: { cls, start: party.start, end, text: text.slice(party.start, end), party, type },
    });
    const after = AFTER_NAME.exec(text.slice(end, end + 40))?.[0] ?? '';
    const vehicle = VEHICLE.exec(text.slice(end + after.length, end + after.length + 60))?.[0] ?? '';
    if (after || vehicle) items.push({ start: end, end: end + after.length + vehicle.length });
  }
  for (const amount of amounts) {
    const end = amount.end ?? amount.start + 1;
    items.push({
      start: amount.start,
      end,
      slot: { cls: 'amount', start: amount.start, end, text: text.slice(amount.start, end), type: 'amount', amount },
    });
  }
  const known = withoutOverlaps(items);
  const unknown = isTitleCase ? [] : unknownNames(text, known);
  const all = withoutOverlaps([...known, ...unknown]).slice(0, 4 * MAX_NAMES);
  return build(text, collapseRepeats(all, text));
}

function withoutOverlaps(items: readonly Item[]): Item[] {
  const isImplicit = (i: Item) => Number(i.slot?.cls === 'implicit');
  const sorted = [...items].sort(
    (a, b) => a.start - b.start || isImplicit(b) - isImplicit(a) || b.end - b.start - (a.end - a.start),
  );
  const out: Item[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && item.start < last.end && last.end > last.start) continue;
    if (item.end > item.start || item.slot?.cls === 'implicit') out.push(item);
  }
  return out;
}

/** "Nvidia (NVDA) Nvidia", "Microsoft MSFT": one entity named twice in a row is one name. */
function collapseRepeats(items: readonly Item[], text: string): Item[] {
  const out: Item[] = [];
  let lastNamed: Item | undefined;
  for (const item of items) {
    const previousEnd = out.length ? out[out.length - 1]!.end : 0;
    const isRepeat =
      !!lastNamed?.slot?.party &&
      !!item.slot?.party &&
      lastNamed.slot.party.entityId === item.slot.party.entityId &&
      /^[\s,]*$/.test(text.slice(previousEnd, item.start));
    if (isRepeat) {
      out.push({ start: item.start, end: item.end });
      continue;
    }
    out.push(item);
    if (item.slot) lastNamed = item;
  }
  return out;
}

/** Capitalised runs between the known items: "Kestrel Orbital", "Banco Andino de Fomento". */
function unknownNames(text: string, known: readonly Item[]): Item[] {
  const out: Item[] = [];
  const label = /^[^:.!?]{1,40}:\s+/.exec(text)?.[0].length;
  // a wire story's dateline ("OSLO, 14 May 2026 — Mobile carrier Fjordlink …"): the text opens after it
  const dateline = WIRE_DATELINE.exec(text)?.[0].length;
  const openings = new Set([0, ...(label ? [label] : []), ...(dateline ? [dateline] : [])]);
  // "the Vodafone-Hutchison merger": a name may follow a known one across a dash
  const afterNames = new Set(known.filter((k) => k.slot).map((k) => k.end + 1));
  // and the dateline itself (a city, a state, a date, an agency) names no party
  let from = dateline ?? 0;
  for (const gap of [...known, { start: text.length, end: text.length }]) {
    collectRuns(text, from, gap.start, out, openings, afterNames);
    from = Math.max(from, gap.end);
  }
  // "Tech Privileges: Microsoft keeps …": a label in capitals over an item with a subject of its own
  // names a topic, not a party ("Kestrel Orbital: five-year agreement worth …" keeps its label)
  const colon = label === undefined ? -1 : text.lastIndexOf(':', label);
  const hasOwnSubject =
    label !== undefined && known.some((k) => k.slot && k.slot.cls !== 'amount' && k.start === label);
  return hasOwnSubject ? out.filter((run) => !(run.start === 0 && /^\s*$/.test(text.slice(run.end, colon)))) : out;
}

function collectRuns(
  text: string,
  from: number,
  to: number,
  out: Item[],
  openings: ReadonlySet<number>,
  afterNames: ReadonlySet<number>,
): void {
  // a run opens with a capital: text between known items with none (most of it) has no run
  if (!mayHoldCapital(text, from, to)) return;
  const words: Array<{ start: number; end: number; text: string }> = [];
  forEachNameWord(text, from, to, (start, end) => words.push({ start, end, text: text.slice(start, end) }));
  let i = 0;
  while (i < words.length) {
    // a list item that opens with a verb ("Bought …", "Signed …") does not open with a name
    if (!isNameWord(words[i]!.text) || (words[i]!.start === 0 && VERB_OPENING.test(words[i]!.text))) {
      i++;
      continue;
    }
    let last = i;
    for (let k = i + 1; k < words.length; k++) {
      const between = text.slice(words[k - 1]!.end, words[k]!.start);
      if (between !== ' ' && between !== ' & ') break;
      if (isNameWord(words[k]!.text)) last = k;
      else if (!(CONNECTORS.has(words[k]!.text) && words[k + 1] && isNameWord(words[k + 1]!.text))) break;
    }
    // "Abu Dhabi-based", "SoftBank-backed": a modifier ends the run and is no name
    const modifier = words.slice(i, last + 1).findIndex((w) => MODIFIER_WORD.test(w.text));
    if (modifier >= 0) last = i + modifier - 1;
    const run = last >= i ? trimRun(words.slice(i, last + 1)) : undefined;
    i = Math.max(last, i + modifier) + 1;
    if (!run) continue;
    // a lone capitalised word opening the sentence (or a list item's text) is a name only by its shape
    // ("Solvane completed …" is one; "Joint plan to invest …" is not: a name is followed by its verb)
    const bare = run[0]!.text.replace(/['’]s$/, '');
    if (
      run.length === 1 &&
      openings.has(run[0]!.start) &&
      !NAME_SHAPE.test(bare) &&
      !VERB_AFTER.test(text.slice(run[0]!.start + bare.length, run[0]!.start + bare.length + 32))
    )
      continue;
    const start = run[0]!.start;
    let end = run[run.length - 1]!.end;
    // possessives and a sentence's full stop are not part of a name ("Lumora's", "… Orbital.")
    const name = text.slice(start, end).replace(/['’]s$|['’]$|\.$/, '');
    end = start + name.length;
    const isCompound = afterNames.has(start) && /[-–—/]/.test(text[start - 1] ?? '');
    if (!isNameShaped(name) || (!isCompound && touchesName(text, start, end))) continue;
    out.push({ start, end, slot: { cls: 'name', start, end, text: name, type: 'name' } });
  }
}

/** False when `[from, to)` holds no capital: no A–Z, and nothing beyond ASCII that might be one. */
function mayHoldCapital(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if ((c >= 65 && c <= 90) || c >= 128) return true;
  }
  return false;
}

function isNameWord(word: string): boolean {
  return CAPITALISED.test(word[0]!) && /^[\p{Lu}]/u.test(word);
}

function trimRun(
  run: Array<{ start: number; end: number; text: string }>,
): Array<{ start: number; end: number; text: string }> | undefined {
  let first = 0;
  let last = run.length - 1;
  const isStop = (w: string) => NOT_NAME_WORDS.has(w.replace(/['’]s$|\.$/, '')) || CONNECTORS.has(w);
  // "American Tower", "British Airways": a nationality opens a name of several words
  const isModifier = (w: string) => NATIONALITIES.has(w.replace(/['’]s$|\.$/, ''));
  while (
    first <= last &&
    isStop(run[first]!.text) &&
    !(isModifier(run[first]!.text) && last > first && !isStop(run[first + 1]!.text))
  )
    first++;
  while (last > first && isStop(run[last]!.text) && !NAME_TAIL.has(run[last]!.text)) last--;
  if (last === first && isStop(run[first]!.text)) return undefined;
  return first <= last ? run.slice(first, last + 1) : undefined;
}

/** A name has a letter run of two or more, and is not a lone unit or initial. */
function isNameShaped(name: string): boolean {
  if (name.length < 2 || !/\p{L}{2}/u.test(name)) return false;
  if (/^\p{Lu}\.?$/u.test(name)) return false;
  return true;
}

/** Glued to a known name or a word ("Amazon.com-affiliated", "Meta Platforms"): not a name of its own. */
function touchesName(text: string, start: number, end: number): boolean {
  return (
    /[\p{L}\p{N}\uE000-\uF8FF-]$/u.test(text.slice(Math.max(0, start - 1), start)) ||
    /^[\p{L}\p{N}-]/u.test(text.slice(end, end + 1))
  );
}

/** Private-use characters of the article itself (an icon font's) must not pass for placeholders. */
function asData(text: string): string {
  return PRIVATE_USE.test(text) ? text.replace(PRIVATE_USE_ALL, '\uFFFD') : text;
}

/**
 * The words that start in `[from, to)` — what `/[\p{L}\p{N}][\p{L}\p{N}'’&.\-]*\/gu` matches from
 * `from` on — each cut at `to`; scanned by hand, with no match objects.
 */
export function forEachNameWord(
  text: string,
  from: number,
  to: number,
  visit: (wordStart: number, wordEnd: number) => void,
): void {
  forEachRun(text, from, to, WORD_START, WORD_START | APOSTROPHE | AMPERSAND | DOT | HYPHEN, text.length, visit);
}
const WORD_START = LETTER | DIGIT | OTHER_NUMBER;

/**
 * The words of `text.slice(start, end)` that may head a descriptor — what `/[\p{L}][\p{L}.\-]*\/gu`
 * matches there — as `[start, end)` in `text`; scanned by hand, with no match objects.
 */
export function forEachHeadWord(
  text: string,
  start: number,
  end: number,
  visit: (wordStart: number, wordEnd: number) => void,
): void {
  forEachRun(text, start, end, LETTER, LETTER | DOT | HYPHEN, end, visit);
}

function build(text: string, items: readonly Item[]): ShapedSentence {
  const slots: ShapedSlot[] = [];
  // breakpoints: shaped offset → sentence offset, for the text between items
  const shapedAt: number[] = [];
  const sentenceAt: number[] = [];
  let shaped = '';
  let from = 0;
  // the text between items, a descriptor's head word marked after it ("server maker⁺ ⟨ZT Systems⟩")
  const copy = (start: number, end: number) => {
    shapedAt.push(shaped.length);
    sentenceAt.push(start);
    let at = start;
    forEachHeadWord(text, start, end, (wordStart, after) => {
      if (!isDescriptorHead(text.slice(wordStart, after))) return;
      shaped += asData(text.slice(at, after)) + HEAD;
      shapedAt.push(shaped.length);
      sentenceAt.push(after);
      at = after;
    });
    shaped += asData(text.slice(at, end));
  };
  for (const item of items) {
    copy(from, item.start);
    if (item.slot && slots.length < MAX_NAMES) {
      shapedAt.push(shaped.length);
      sentenceAt.push(item.start);
      const cls =
        item.slot.cls === 'org' || item.slot.cls === 'implicit'
          ? ORG
          : item.slot.cls === 'amount'
            ? MONEY
            : item.slot.cls === 'name'
              ? NAME
              : OTHER;
      shaped += cls + String.fromCharCode(INDEX_BASE + slots.length) + (item.end === item.start ? ' ' : '');
      slots.push(item.slot);
    }
    from = item.end;
  }
  copy(from, text.length);
  const toSentence = (offset: number): number => {
    let lo = 0;
    let hi = shapedAt.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (shapedAt[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return sentenceAt[lo]! + (offset - shapedAt[lo]!);
  };
  return { text: shaped, slots, toSentence };
}
