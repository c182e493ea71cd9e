/**
 * The small language deal frames are written in. A frame's template is compiled to one RegExp
 * that runs over a shaped sentence (../shape.ts), in which every name is a two-character
 * placeholder, so a template speaks of roles, verbs and the words between them:
 *
 *   {role}        one organisation, or a capitalised name no lexicon knows
 *   {role*}       one name of any type (persons as investors, countries as governments)
 *   {role+}       a list of organisations or names ("Oracle, Silver Lake and MGX")
 *   {role+*}      a list of names of any type
 *   {a}–{b}       two names joined by a dash or slash: "the AWS–OpenAI deal", "Microsoft/OpenAI"
 *   {$}           an amount of money, with its qualifier ("up to $100 billion"); {$?} optional
 *   …             a gap: up to 12 words with no organisation and no clause break (a relative
 *                 clause between commas counts as one word, whatever names it holds)
 *   <buy|acquire> any form of the verbs: "buy", "buys", "bought", "buying", "take over"
 *   <buy:pp>      the past participle only ("bought", "acquired"): passives
 *   <buy:ing>     the -ing form only ("raising"); <license:verb> every form but the base (a noun too)
 *   [desc]        an optional descriptor before a name: "server maker", "its department store
 *                 arm", "the Dutch chip giant", "Abu Dhabi-based"
 *   's            a possessive ("AMD's", "Figure’s", "investors'")
 *   ,             a comma
 *   ~word         a token glued to the one before it, with no space: "{investor} ~-backed"
 *   word  (?:a|b) literal words, as regex source; a group with a trailing ? is optional
 *
 * Tokens are separated by spaces outside parentheses and angle brackets ("<take over|snap up>",
 * "(?:for|to buy)" are one token each); each compiles with its own leading whitespace.
 * Every repetition is bounded, so no template can make matching super-linear in a sentence.
 */

/** Placeholder classes: the first character of a name's placeholder in a shaped sentence. */
export const ORG = '\uE000';
/** Persons, places, products with no owner, initiatives, events. */
export const OTHER = '\uE001';
/** A capitalised name no lexicon knows, found by shape.ts. */
export const NAME = '\uE002';
/** An amount of money: its placeholder starts with this. */
export const MONEY = '\uE003';
/** The second character: the name's index in the sentence, from U+E100 to U+F8FF (the end of the private use area). */
export const INDEX_BASE = 0xe100;
export const MAX_NAMES = 0xf8ff - 0xe100;

const INDEX = '[\\uE100-\\uF8FF]';
const PARTY = `[\\uE000\\uE002]${INDEX}`;
const ANY_NAME = `[\\uE000-\\uE002]${INDEX}`;
const AMOUNT = `\\uE003${INDEX}`;
const QUALIFIER =
  '(?:(?:up to|about|around|roughly|approximately|nearly|almost|more than|over|some|an additional|another|a further|a total of|as much as|at least|close to|just over|just under|US)\\s+)?';
/** A word of a gap: no organisation or unknown name, no clause break. */
const GAP_WORD = '[^\\s\\uE000\\uE002;:—–()]+';
/**
 * An aside between commas, names and all: a relative clause or an apposition ("OpenAI, which
 * once considered acquiring Figure, is investing", "Skydance, backed by RedBird Capital, plans").
 */
const ASIDE =
  ',\\s+(?:which|who|whose|whom|backed|owned|controlled|founded|run|based|headquartered|once|now|formerly|the|an?|through|via)\\b[^,;:—–()]{0,100}?,';
/** Glued punctuation first ("AMD,", "Intime's"), then the words (or a relative clause). */
const GAP = `[^\\s\\uE000\\uE002;:—–(),]{0,3}(?:${ASIDE}|,?\\s+${GAP_WORD}){0,12}?,?`;
/** Words that end a descriptor's reach: a preposition or conjunction changes what the name is. */
const NOT_MODIFIER =
  '(?:from|to|in|into|on|of|for|by|with|at|after|before|over|than|as|through|under|via|its|their|which|who|that|while|but|is|are|was|were|has|have|had|will|would|said|says|stake|stakes|shares|assets|capacity|rights|chips|power|electricity)\\b';
/** The head noun of a descriptor: what kind of organisation the name is. */
export const ROLE_NOUNS = [
  'maker',
  'makers',
  'startup',
  'start-up',
  'firm',
  'company',
  'group',
  'giant',
  'rival',
  'developer',
  'provider',
  'operator',
  'designer',
  'manufacturer',
  'supplier',
  'platform',
  'business',
  'unit',
  'arm',
  'subsidiary',
  'division',
  'specialist',
  'vendor',
  'carrier',
  'exchange',
  'lender',
  'bank',
  'insurer',
  'studio',
  'publisher',
  'retailer',
  'network',
  'owner',
  'conglomerate',
  'producer',
  'outfit',
  'player',
  'chipmaker',
  'automaker',
  'carmaker',
  'brand',
  'app',
  'service',
  'label',
  'fund',
  'funds',
  'investor',
  'investors',
  'manager',
  'house',
  'peer',
  'competitor',
  'contractor',
  'agency',
  'foundry',
  'utility',
  'broker',
  'marketplace',
  'consultancy',
  'chain',
  'lab',
  'labs',
  'parent',
  'affiliate',
  'backer',
  'backers',
  'partner',
  'partners',
  'customer',
  'client',
  'operation',
  'venture',
  'department',
  'ministry',
  'regulator',
  'government',
  'administration',
  'authority',
  'agency',
  'bank',
  'pioneer',
  'incumbent',
  'challenger',
  'newcomer',
  'holding',
  'hyperscaler',
  'neocloud',
  'fintech',
  'insurtech',
  'biotech',
  'giants',
  'firms',
  'companies',
  'groups',
  'startups',
  'rivals',
  'makers',
  'providers',
  'operators',
  'lenders',
  'banks',
  'carriers',
  'suppliers',
  'manufacturers',
  'developers',
  'conglomerates',
  'venture capitalists',
  'capitalists',
];
/** Marks, in a shaped sentence, the end of a word that can head a descriptor (a role noun, "Abu Dhabi-based"). */
export const HEAD = '\uE004';
/** A word of a template may be one shape.ts marked as a descriptor's head ("owner", "partner"). */
const HEAD_MARK = '\\uE004?';
const ROLE_NOUN_SET: ReadonlySet<string> = new Set(ROLE_NOUNS);
const HEAD_MODIFIER = /^[\w.-]+-(?:based|backed|owned|listed|headquartered|born)$/;

/** Whether a word heads a descriptor: "maker", "startups", "Munich-based". */
export function isDescriptorHead(word: string): boolean {
  return ROLE_NOUN_SET.has(word.toLowerCase()) || HEAD_MODIFIER.test(word);
}

/**
 * "server maker", "the Dutch chip equipment giant", "its department store arm", "Abu Dhabi-based",
 * or just "the": modifiers, then a word shape.ts marked as a head (so the pattern stays small).
 */
const DESCRIPTOR = `(?:(?:the|its|their|his|her|an?)(?:\\s+(?:(?!${NOT_MODIFIER})[^\\s\\uE000\\uE002;:—–()]+\\s+){0,5}?[^\\s\\uE000\\uE002\\uE004;:—–()]+\\uE004,?)?|(?:(?!${NOT_MODIFIER})[^\\s\\uE000\\uE002;:—–()]+\\s+){0,5}?[^\\s\\uE000\\uE002\\uE004;:—–()]+\\uE004,?)`;
/** Not followed by lower-case words that end in a descriptor's head: the name then only modifies it. */
const MODIFIED_WORD =
  '(?!(?:to|for|from|in|into|of|on|with|by|at|and|or|as|after|before|over|under|than|via|is|was|are|were|will|has|had|said|says)\\b)[a-z][\\w-]*';
const NOT_MODIFYING = `(?!\\s+(?:${MODIFIED_WORD}\\s+){0,2}${MODIFIED_WORD}\\uE004)`;
/** A word starts here: not inside a word, nor after a hyphen ("capacity" in "reserved-capacity"). */
const WORD_START = '(?<![\\w-])';
/** A list item's descriptor ("and Abu Dhabi-based MGX"): a few words and a head, nothing to stop at between commas. */
const LIST_DESCRIPTOR = '(?:[^\\s,\\uE000\\uE002;:—–()]+\\s+){0,3}?[^\\s,\\uE000\\uE002\\uE004;:—–()]+\\uE004';
/** An opening quotation mark before a name. */
const OPEN_QUOTE = '["“‘\'«]?';
const LIST_LAST = '(?:\\s*,?\\s+(?:and|&|as well as)\\s+|\\s*&\\s*)';

/** The forms of a verb: third person, past, past participle, -ing. */
interface VerbForms {
  readonly base: string;
  readonly third: string;
  readonly past: string;
  readonly participle: string;
  readonly ing: string;
}

const IRREGULAR: Readonly<Record<string, readonly [past: string, participle: string]>> = {
  buy: ['bought', 'bought'],
  sell: ['sold', 'sold'],
  take: ['took', 'taken'],
  win: ['won', 'won'],
  lead: ['led', 'led'],
  'co-lead': ['co-led', 'co-led'],
  pay: ['paid', 'paid'],
  spend: ['spent', 'spent'],
  give: ['gave', 'given'],
  get: ['got', 'gotten'],
  strike: ['struck', 'struck'],
  make: ['made', 'made'],
  hold: ['held', 'held'],
  put: ['put', 'put'],
  set: ['set', 'set'],
  become: ['became', 'become'],
  sink: ['sank', 'sunk'],
  choose: ['chose', 'chosen'],
  bring: ['brought', 'brought'],
  sign: ['signed', 'signed'],
  grant: ['granted', 'granted'],
  forge: ['forged', 'forged'],
  spin: ['spun', 'spun'],
  keep: ['kept', 'kept'],
  seek: ['sought', 'sought'],
  draw: ['drew', 'drawn'],
  withdraw: ['withdrew', 'withdrawn'],
  break: ['broke', 'broken'],
  fall: ['fell', 'fallen'],
  begin: ['began', 'begun'],
};
/** Verbs that double their last consonant: "snapped", "tapping". */
const DOUBLING = new Set([
  'snap',
  'tap',
  'scrap',
  'plan',
  'drop',
  'ship',
  'team',
  'bag',
  'net',
  'commit',
  'stop',
  'sit',
]);

export function inflect(lemma: string): VerbForms {
  const [head, ...rest] = lemma.split(' ');
  const tail = rest.length ? ` ${rest.join(' ')}` : '';
  const word = head!;
  const irregular = IRREGULAR[word];
  const doubled = DOUBLING.has(word) && word !== 'team' ? word + word[word.length - 1] : word;
  const past =
    irregular?.[0] ??
    (word.endsWith('e') ? `${word}d` : /[^aeiou]y$/.test(word) ? `${word.slice(0, -1)}ied` : `${doubled}ed`);
  const participle = irregular?.[1] ?? past;
  const third = /(?:s|sh|ch|x|z|o)$/.test(word)
    ? `${word}es`
    : /[^aeiou]y$/.test(word)
      ? `${word.slice(0, -1)}ies`
      : `${word}s`;
  const ing = /[^e]e$/.test(word) && word !== 'be' ? `${word.slice(0, -1)}ing` : `${doubled}ing`;
  return { base: word + tail, third: third + tail, past: past + tail, participle: participle + tail, ing: ing + tail };
}

/** A literal token of plain words: "control", "(?:controlling|majority)", "(?:joint\sventure|JV)". */
const PLAIN_WORDS = /^(?:\(\?:)?((?:[A-Za-z-]+(?:\\s[A-Za-z-]+)*)(?:\|[A-Za-z-]+(?:\\s[A-Za-z-]+)*)*)\)?$/;

/**
 * The words one of which opens every match of a literal token, each as a whole word (or a part
 * of a hyphenated one), in lower case: "(?:round|Series\\s[A-K]\\d?\\b|pre-seed)" → round, series,
 * pre-seed; "(?:cloud|compute)\\s(?:deal|contract)" → cloud, compute; "licen[cs]e" → licence,
 * license; "warrants?" → warrant, warrants. One of them stands in every sentence the token
 * matches (the token starts at a word start), so a sentence that holds none is spared the
 * frame's pattern. Undefined when the token may open otherwise: a branch that opens with no
 * letter, an optional group, a word that may run on ("shar\\w*"), or too many spellings.
 */
export function leadingWords(token: string): Set<string> | undefined {
  const words = new Set<string>();
  return addLeadingWords(token, words) && words.size <= MAX_LEADING_WORDS ? words : undefined;
}

const MAX_LEADING_WORDS = 64;
/** What may follow a word for it to end there: the token's end, whitespace, a word boundary, a hyphen. */
const WORD_END = /^(?:$|\\s|\\b|\[- \]|\[-\\s\]|-| )/;

function addLeadingWords(source: string, out: Set<string>, prefixes: readonly string[] = ['']): boolean {
  // letters, hyphens, one-letter classes ("[cs]"), optional letters ("s?") and groups, spelled out
  let spellings = prefixes;
  let i = 0;
  for (;;) {
    const rest = source.slice(i);
    if (rest.startsWith('(?:')) {
      const group = groupAt(rest);
      if (!group) return false;
      let after = rest.slice(group.close + 1);
      const branches = group.branches;
      if (after.startsWith('?')) {
        branches.push(''); // the group may be absent: what follows opens the match then
        after = after.slice(1);
      }
      if (/^[*+{]/.test(after)) return false;
      return branches.every((branch) => addLeadingWords(branch + after, out, spellings));
    }
    const unit = /^(?:([A-Za-z-])|\[([A-Za-z]+)\])(\?)?/.exec(rest);
    if (!unit || (unit[1] === '-' && spellings.every((s) => s === ''))) break;
    const options = unit[1] !== undefined ? [unit[1]] : [...unit[2]!];
    if (unit[3]) options.push('');
    spellings = spellings.flatMap((s) => options.map((o) => s + o));
    if (spellings.length > MAX_LEADING_WORDS) return false;
    i += unit[0].length;
  }
  if (!WORD_END.test(source.slice(i))) return false;
  for (const spelling of spellings) {
    // "pre-seed": the whole hyphenated word is one of the sentence's words; a trailing hyphen is not
    const word = spelling.replace(/-+$/, '').toLowerCase();
    if (!word) return false;
    out.add(word);
  }
  return true;
}

/**
 * The group that opens `source` ("(?:…)"): its top-level alternatives, and where its ")" stands;
 * undefined when it does not close.
 */
function groupAt(source: string): { branches: string[]; close: number } | undefined {
  const branches: string[] = [];
  let depth = 0;
  let isClass = false; // inside […] only "]" means anything
  let from = 3;
  for (let i = 0; i < source.length; i++) {
    const ch = source[i];
    if (ch === '\\') i++;
    else if (isClass) isClass = ch !== ']';
    else if (ch === '[') isClass = true;
    else if (ch === '(') depth++;
    else if (ch === ')' && --depth === 0) {
      branches.push(source.slice(from, i));
      return { branches, close: i };
    } else if (ch === '|' && depth === 1) {
      branches.push(source.slice(from, i));
      from = i + 1;
    }
  }
  return undefined;
}

function verbForms(spec: string): string[] {
  const [lemmas, form] = spec.split(':') as [string, string | undefined];
  const forms = new Set<string>();
  for (const lemma of lemmas.split('|')) {
    const f = inflect(lemma.trim());
    if (form === 'pp') forms.add(f.participle);
    else if (form === 'ing') forms.add(f.ing);
    else if (form === 'base') forms.add(f.base);
    else if (form === 'past') forms.add(f.past);
    else if (form === 'verb') [f.third, f.past, f.participle, f.ing].forEach((x) => forms.add(x));
    else [f.base, f.third, f.past, f.participle, f.ing].forEach((x) => forms.add(x));
  }
  return [...forms];
}

/** The forms of the verbs as one alternation, each lemma's forms grouped by their common stem (a smaller pattern). */
function verbSource(spec: string): string {
  const [lemmas, form] = spec.split(':') as [string, string | undefined];
  const groups = lemmas.split('|').map((lemma) => {
    const forms = verbForms(form ? `${lemma}:${form}` : lemma).map((x) =>
      x.replace(/[.*+?^${}()|[\]\\]/g, '\\$&').replace(/ /g, '\\s+'),
    );
    let stem = forms[0]!;
    for (const f of forms) while (!f.startsWith(stem)) stem = stem.slice(0, -1);
    const endings = [...new Set(forms.map((f) => f.slice(stem.length)))].sort((a, b) => b.length - a.length);
    return endings.length === 1 ? stem + endings[0] : `${stem}(?:${endings.join('|')})`;
  });
  return `(?<verb>${groups.join('|')})\\b${HEAD_MARK}`;
}

export interface CompiledTemplate {
  readonly source: string;
  /**
   * Words every match holds: for its first verb and each required literal that is a plain word or
   * a group of plain words, the set of its words (lower case) — one of each set must be in the
   * sentence before the whole pattern runs.
   */
  readonly anchors: ReadonlyArray<ReadonlySet<string>>;
  /** How many names a match holds at least. */
  readonly minNames: number;
  readonly roles: readonly string[];
  /** Roles that take a list. */
  readonly lists: readonly string[];
}

/**
 * Compiles a template (see the header) to regex source with one named group per role and one
 * named group `verb` for the first verb token (the frame's trigger when there is one).
 */
export function compileTemplate(template: string): CompiledTemplate {
  const roles: string[] = [];
  const lists: string[] = [];
  let hasVerb = false;
  const anchors: Array<Set<string>> = [];
  const parts = tokensOf(template).map((token, i) => {
    const lead = i === 0 ? '' : '\\s+';
    const slot = /^\{(\w+)(\+)?(\*)?\}$/.exec(token);
    if (slot) {
      const [, role, isList, isAny] = slot;
      roles.push(role!);
      if (isList) lists.push(role!);
      // a name followed by "'s" is no list item ("Quarry Capital, Nimbrel AI's largest backer")
      const one = `${isAny ? ANY_NAME : PARTY}${isList ? "(?!['’])" : ''}`;
      // a list ends with "and" ("A, B and C"): commas alone join an apposition or a clause, not a list
      const item = `(?:(?:the|an?)\\s+)?(?:${LIST_DESCRIPTOR}\\s+)?${one}`;
      // a name that modifies a noun ("the Red Mesa project company", "Intel's chip unit") is no party
      // (an object's: a subject before its verb may be followed by a verb that is also a noun, "Siemens partners with")
      const body = isList
        ? `${one}(?:(?:\\s*,\\s*${item}){0,24}${LIST_LAST}${item})?`
        : isAny || i === 0
          ? one
          : `${one}${NOT_MODIFYING}`;
      // a name in quotes: 'the “Stargate Project”', "the 'Hyperion' campus"
      return `${lead}${OPEN_QUOTE}(?<${role}>${body})`;
    }
    const pair = /^\{(\w+)\}[–-]\{(\w+)\}$/.exec(token);
    if (pair) {
      roles.push(pair[1]!, pair[2]!);
      return `${lead}(?<${pair[1]}>${PARTY})\\s?[-–—/]\\s?(?<${pair[2]}>${PARTY})`;
    }
    if (token === '{$}' || token === '{$?}') {
      const amount = `${lead}${QUALIFIER}(?<amount>${AMOUNT})`;
      return token === '{$?}' ? `(?:${amount})?` : amount;
    }
    if (token.startsWith('~')) return token.slice(1);
    if (token === '…') return GAP;
    if (token === '[desc]') return `(?:\\s+${DESCRIPTOR})?`;
    if (token === "'s") return "['’]s?";
    if (token === ',') return '\\s*,';
    const verb = /^<([^>]+)>$/.exec(token);
    if (verb) {
      // only the first verb is named: a group name may appear once in a RegExp
      const source = verbSource(verb[1]!);
      const named = hasVerb ? source.replace('(?<verb>', '(?:') : source;
      if (!hasVerb) anchors.push(new Set(verbForms(verb[1]!).map((f) => f.split(' ')[0]!)));
      hasVerb = true;
      return `${lead}${WORD_START}${named}`;
    }
    // literal words start at a word boundary ("capacity" is not inside "reserved-capacity")
    const boundary = /^[\w(]/.test(token) ? WORD_START : '';
    // a group with a trailing ? is optional, words and all ("(?:a|an)?"); "warrants?" is a regex of its own
    if (token.endsWith(')?')) return `(?:${lead}${boundary}${token.slice(0, -1)}${HEAD_MARK})?`;
    const words = PLAIN_WORDS.exec(token)?.[1];
    const group = words ? undefined : leadingWords(token);
    if (words)
      anchors.push(
        new Set(
          words
            .toLowerCase()
            .split('|')
            .map((w) => w.split('\\s')[0]!),
        ),
      );
    else if (group) anchors.push(group);
    return `${lead}${boundary}${token}${HEAD_MARK}`;
  });
  return { source: parts.join(''), roles, lists, anchors, minNames: roles.length };
}

/** Split at spaces outside (…), […] and <…>; spaces inside a literal group match any whitespace. */
function tokensOf(template: string): string[] {
  const tokens: string[] = [];
  let parens = 0;
  let isVerb = false;
  let isClass = false;
  let current = '';
  for (const ch of template.trim()) {
    if (ch === '<' && current === '') isVerb = true;
    else if (ch === '>' && isVerb) isVerb = false;
    else if (ch === '[' && !isClass) isClass = true;
    else if (ch === ']' && isClass) isClass = false;
    else if (ch === '(') parens++;
    else if (ch === ')' && parens > 0) parens--;
    if ((ch === ' ' || ch === '\t' || ch === '\n') && parens === 0 && !isVerb && !isClass) {
      if (current) tokens.push(current);
      current = '';
    } else {
      current += ch;
    }
  }
  if (current) tokens.push(current);
  return tokens.map((t) => (t.startsWith('<') || t.startsWith('[') ? t : t.replace(/ (?![^[]*\])/g, '\\s+')));
}
