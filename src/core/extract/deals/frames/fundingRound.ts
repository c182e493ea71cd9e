/**
 * Funding rounds: a company raises money from investors. Parties: the company, then the
 * leads, then the other named investors in text order (participants, existing investors,
 * angels). The investors often stand in cues around the round ("led by", "with participation
 * from", "backed by") or in the next sentence ("The round also saw participation from …"):
 * those are ROUND_INVESTOR_CUES, read after a round is found.
 */
import type { KindFrames } from './frame';

const RAISE = 'raise|secure|close|land|bag|net|pull in|attract|collect|obtain|complete|announce|receive';
export const ROUND_NOUN =
  '(?:round|Series\\s[A-K]\\d?\\b|seed|pre-seed|funding|financing|investment|venture\\s(?:capital|funding)|capital|extension)';
/** A raise that is no round: an IPO, a bond, a loan, a share sale. */
export const NOT_A_ROUND =
  /\b(?:IPO|initial public offering|listing|bonds?|notes|debt|loans?|credit (?:facility|line)|convertible|share sale|offering|rights issue)\b/i;

export const fundingRound: KindFrames = {
  kind: 'funding-round',
  nouns: /\b(?:funding rounds?|rounds? of funding|Series [A-K]\d?\b(?: round)?|seed rounds?|financing rounds?)/gi,
  frames: [
    { id: 'raise-round', template: `{company} … <${RAISE}> … ${ROUND_NOUN}`, parties: ['company'] },
    {
      id: 'raise-from',
      template: `{company} … <${RAISE}> {$} (?:from|led by) [desc] {investors+*}`,
      parties: ['company', 'investors'],
    },
    {
      id: 'lead-round-in',
      template: `{lead+*} … <lead|co-lead> … ${ROUND_NOUN} (?:round\\s)?(?:in|for|of|into) [desc] {company}`,
      parties: ['company', 'lead'],
    },
    {
      id: 'lead-company-round',
      template: `{lead+*} … <lead|co-lead> [desc] {company} 's … ${ROUND_NOUN}`,
      parties: ['company', 'lead'],
    },
    {
      id: 'company-round-led',
      template: `{company} 's … ${ROUND_NOUN} … (?:led|co-led) by [desc] {lead+*}`,
      parties: ['company', 'lead'],
    },
    { id: 'round-in', template: `${ROUND_NOUN} (?:round\\s)?(?:in|for|into) [desc] {company}`, parties: ['company'] },
  ],
};

/** Investors named around a round, in the round's sentence or a sentence that refers back to it. */
export const ROUND_INVESTOR_CUES: ReadonlyArray<{ readonly role: 'lead' | 'investors'; readonly template: string }> = [
  { role: 'lead', template: '(?:led|co-led) by [desc] {x+*}' },
  { role: 'lead', template: '{x+*} (?:also\\s)?<lead|co-lead> (?:the|this|a)' },
  {
    role: 'investors',
    template: '(?:participation|investments?|money|backing|funding|contributions?|commitments?) from … {x+*}',
  },
  { role: 'investors', template: 'backed by [desc] {x+*}' },
  {
    role: 'investors',
    template: '(?:investors|backers|participants) (?:including|such as|like|were|are|included) [desc] {x+*}',
  },
  { role: 'investors', template: 'alongside [desc] {x+*}' },
  {
    role: 'investors',
    template:
      '(?:existing|previous|prior|earlier|current|returning|new) (?:investors|backers|shareholders) (?:including|such as|like)? {x+*}',
  },
  { role: 'investors', template: 'as did [desc] {x+*}' },
  { role: 'investors', template: '{x+*} (?:also\\s)?(?:put in|invested|chipped in|added)' },
  { role: 'investors', template: 'with … {x+*} (?:also\\s)?(?:participating|joining|investing|taking part)' },
  { role: 'investors', template: '{x+*} (?:also\\s)?(?:participated|joined|invested|took part|chipped in)' },
];
