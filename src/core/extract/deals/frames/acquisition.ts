/**
 * Acquisitions: one company buys another (or takes control of it). Parties: acquirer → target;
 * a seller ("buys Recorded Future from Insight Partners", "Alibaba is selling Intime to
 * Youngor") is read and left out.
 */
import type { KindFrames } from './frame';

const BUY = 'acquire|buy|purchase|take over|snap up|scoop up';
const NOUN = '(?:acquisition|purchase|takeover|buyout|take-over|buy-out)';
/** After a target: its stake, shares or a part of it, not the whole company. */
const NOT_WHOLE =
  "(?!['’]s?\\s+(?:\\S+\\s+){0,2}?(?:stakes?|shares|holdings?|assets|units?|business(?:es)?|divisions?|operations|brands?|factory|plant|stores?))";

export const acquisition: KindFrames = {
  kind: 'acquisition',
  nouns: /\b(?:acquisitions?|takeovers?|buyouts?|purchase of)\b/gi,
  frames: [
    // "bought a 75% controlling stake in Motivair": a controlling stake is an acquisition
    {
      id: 'controlling-stake',
      template: `{acquirer} … <${BUY}|take|build> … (?:controlling|majority) (?:stake|interest|holding|shareholding) (?:in|of) [desc] {target}`,
      parties: ['acquirer', 'target'],
    },
    {
      id: 'control-of',
      template:
        '{acquirer} … <take|gain|assume|acquire|win|seize> (?:full|majority|sole|outright|operational)? control (?:of|over) [desc] {target}',
      parties: ['acquirer', 'target'],
    },
    // "purchased Intime's stakes in 2014 and became a controlling shareholder in 2017"
    {
      id: 'controlling-shareholder',
      template:
        '{acquirer} … {target} … and <become> (?:a|the|its|their)? (?:controlling|majority|sole) (?:shareholder|owner)',
      parties: ['acquirer', 'target'],
    },
    {
      id: 'become-owner',
      template:
        '{acquirer} … <become> (?:a|the|its)? (?:controlling|majority|sole) (?:shareholder|owner) (?:of|in) [desc] {target}',
      parties: ['acquirer', 'target'],
    },
    { id: 'take-private', template: '{acquirer} … <take> [desc] {target} private', parties: ['acquirer', 'target'] },
    // "Youngor Fashion agreed to buy Intime from Alibaba" — the seller, after "from", is left out
    // "purchased Intime's stakes" is a stake, "bought Beta's chip unit" a business: not the company
    { id: 'active', template: `{acquirer} … <${BUY}> [desc] {target} ~${NOT_WHOLE}`, parties: ['acquirer', 'target'] },
    { id: 'passive', template: `{target} … <${BUY}:pp> … by [desc] {acquirer}`, parties: ['acquirer', 'target'] },
    {
      id: 'seller',
      template: '<sell|divest|offload|spin off> [desc] {target} … to [desc] {acquirer}',
      parties: ['acquirer', 'target'],
    },
    {
      id: 'sale-of',
      template: '(?:sale|divestiture|disposal) of [desc] {target} to [desc] {acquirer}',
      parties: ['acquirer', 'target'],
    },
    {
      id: 'nominal-possessive',
      template: `{acquirer} 's … ${NOUN} of [desc] {target}`,
      parties: ['acquirer', 'target'],
    },
    { id: 'nominal-by', template: `${NOUN} of [desc] {target} by [desc] {acquirer}`, parties: ['acquirer', 'target'] },
    {
      id: 'nominal-target',
      template: `{target} 's … (?:${NOUN}|sale) (?:by|to) [desc] {acquirer}`,
      parties: ['acquirer', 'target'],
    },
    {
      id: 'deal-for',
      template: "{acquirer} 's … (?:deal|bid|offer) (?:for|to buy|to acquire) [desc] {target}",
      parties: ['acquirer', 'target'],
    },
    // "IBM intends to pay $35 per share in cash for HashiCorp": a price per share is a takeover's
    {
      id: 'pay-per-share',
      template: '{acquirer} … <pay|offer|bid> … (?:per|a)\\sshare … for [desc] {target}',
      parties: ['acquirer', 'target'],
    },
    {
      id: 'bid-for',
      template: '{acquirer} … (?:bid|offer|approach) (?:for|to buy|to acquire) [desc] {target}',
      parties: ['acquirer', 'target'],
    },
    // "Solvane completed its $1.9 billion acquisition of Lumora Photonics"
    {
      id: 'its-acquisition',
      template: `{acquirer} … (?:its|their) … ${NOUN} of [desc] {target}`,
      parties: ['acquirer', 'target'],
    },
    // "in the 2021 acquisition of Nuvia": the acquirer is the clause's subject
    {
      id: 'acquisition-of',
      template: `${NOUN} of [desc] {target}`,
      parties: ['acquirer', 'target'],
      fillFrom: 'clause',
    },
    { id: 'compound', template: `{acquirer}–{target} ${NOUN}`, parties: ['acquirer', 'target'] },
  ],
};
