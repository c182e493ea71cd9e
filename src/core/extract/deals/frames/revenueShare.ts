/** Revenue shares: one company receives part of another's revenue (receiver → payer). */
import type { KindFrames } from './frame';

const REVENUE = '(?:revenues?|sales|profits?|earnings|income|turnover)';

export const revenueShare: KindFrames = {
  kind: 'revenue-share',
  nouns: /\b(?:revenue[- ]shar\w*|profit[- ]shar\w*)/gi,
  frames: [
    {
      id: 'cut-of',
      template: `{receiver} … <collect|receive|get|take|keep|earn|retain|be entitled to> (?:a|an|the)? … (?:cut|share|portion|slice|percentage|part) of [desc] {payer} 's … ${REVENUE}`,
      parties: ['receiver', 'payer'],
    },
    // "Northlight will also receive 12% of the advertising revenue Streamly earns"
    {
      id: 'share-of-revenue-earned',
      template: `{receiver} … <collect|receive|get|take|keep|earn|retain> … of (?:the|its|their|all) … ${REVENUE} (?:that|which)? {payer} <earn|make|generate|book|collect|bring in>`,
      parties: ['receiver', 'payer'],
    },
    {
      id: 'pay-share',
      template: `{payer} … <pay|give|hand|remit> [desc] {receiver} … of (?:its|their|the) … ${REVENUE}`,
      parties: ['receiver', 'payer'],
    },
    {
      id: 'share-with',
      template: `{payer} … <share> … ${REVENUE} with [desc] {receiver}`,
      parties: ['receiver', 'payer'],
    },
    {
      id: 'agreement-with',
      template:
        '(?:revenue|profit)[- ]shar\\w*\\s(?:agreement|deal|arrangement|pact|model) (?:with|between) [desc] {a+}',
      parties: ['receiver', 'a'],
    },
  ],
};
