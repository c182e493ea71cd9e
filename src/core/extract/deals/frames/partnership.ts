/**
 * Partnerships: an agreement between companies that is none of the more specific kinds
 * ("Acme partners with Beta", "signed a deal with"). A partnership with a cloud provider is a
 * cloud contract (see the engine). Parties in text order.
 */
import type { KindFrames } from './frame';

const AGREEMENT = '(?:partnership|alliance|collaboration|agreement|deal|pact|memorandum|contract|accord)';
const ACT =
  'announce|sign|form|strike|unveil|enter into|enter|forge|ink|launch|expand|extend|deepen|reach|seal|clinch|renew|finalise|finalize';

export const partnership: KindFrames = {
  kind: 'partnership',
  nouns: /\b(?:partnerships?|agreements?|deals?|contracts?|pacts?|alliances?|collaborations?)\b/gi,
  frames: [
    {
      id: 'partner-with',
      template: '{a} … <partner|team up|join forces|ally|collaborate> with [desc] {b}',
      parties: ['a', 'b'],
    },
    { id: 'partners-transitive', template: '{a} <partner> [desc] {b+}', parties: ['a', 'b'] },
    { id: 'act-with', template: `{a} … <${ACT}> … ${AGREEMENT} with [desc] {b}`, parties: ['a', 'b'] },
    { id: 'pair-act', template: `{a+} … <${ACT}> (?:a|an|their|the) … ${AGREEMENT}`, parties: ['a'] },
    { id: 'between', template: `${AGREEMENT} (?:between|among) {a+}`, parties: ['a'] },
    { id: 'possessive', template: `{a} 's … ${AGREEMENT} with [desc] {b}`, parties: ['a', 'b'] },
    { id: 'compound', template: `{a}–{b} ${AGREEMENT}`, parties: ['a', 'b'] },
  ],
};
