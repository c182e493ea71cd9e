/**
 * Supply agreements: goods, power or services delivered under contract (customer → supplier),
 * power purchase agreements (the buyer first), and government contracts to build things
 * ("the Space Development Agency awarded Rocket Lab a $515 million contract to build …").
 */
import type { KindFrames } from './frame';

/** What is supplied: chips, satellites, power… (a cloud's capacity is a cloud contract). */
export const GOODS =
  '(?:chips?|GPUs?|processors?|accelerators?|memory|wafers?|satellites?|spacecraft|rockets?|launch(?:es)?|engines?|batter(?:y|ies)|cells|panels|modules|components|equipment|servers|systems|hardware|power|electricity|energy|gas|fuel|uranium|turbines|reactors?|units|vehicles|cars|trucks|vans|buses|aircraft|planes|jets|ships|trains|locomotives|robots|drones|phones|handsets|displays|sensors|lasers|optics|transceivers|cables|fib(?:er|re)|MW|GW|TWh|megawatts?|gigawatts?|terawatt-hours)';
const SUPPLY_NOUN = '(?:power\\spurchase|offtake|supply|procurement)';
const BUILD = '(?:build|supply|produce|manufacture|deliver|launch|provide|make|develop|design|operate|construct)';

export const supplyAgreement: KindFrames = {
  kind: 'supply-agreement',
  nouns:
    /\b(?:power purchase agreements?|PPAs?|supply (?:agreements?|deals?|contracts?|pacts?)|offtake agreements?)\b/gi,
  frames: [
    {
      id: 'supply-with',
      template: '{supplier} … <supply|provide|furnish|equip> [desc] {customer} with',
      parties: ['customer', 'supplier'],
    },
    {
      id: 'supply-to',
      template: `{supplier} … <supply|deliver|ship|provide|sell> … ${GOODS} … to [desc] {customer}`,
      parties: ['customer', 'supplier'],
    },
    {
      id: 'buy-from',
      template: `{customer} … <buy|purchase|order|source|procure|take> … ${GOODS} … from [desc] {supplier}`,
      parties: ['customer', 'supplier'],
    },
    {
      id: 'award-contract',
      template: '{customer*} … <award|give|hand|grant> [desc] {supplier} (?:a|an) … (?:contract|order|deal)',
      parties: ['customer', 'supplier'],
      types: { customer: ['org', 'name', 'place', 'product'] },
    },
    {
      id: 'win-contract',
      template:
        '{supplier} … <win|secure|land|receive|bag|clinch|book> (?:a|an|the) … (?:contract|order) (?:from|with|by) [desc] {customer*}',
      parties: ['customer', 'supplier'],
      types: { customer: ['org', 'name', 'place'] },
    },
    {
      id: 'select-to-build',
      template: `{customer*} … <select|pick|choose|tap|hire|contract|commission> [desc] {supplier} to ${BUILD}`,
      parties: ['customer', 'supplier'],
      types: { customer: ['org', 'name', 'place'] },
    },
    // "Lockheed Martin and Northrop Grumman were selected last year to produce 72 satellites"
    {
      id: 'selected-to-build',
      template: `{supplier+} … (?:was|were|been|being) (?:also|later|each|both|previously|already)? <select|pick|choose|tap|hire|contract|commission:pp> … to ${BUILD}`,
      parties: ['customer', 'supplier'],
      splitBy: 'supplier',
    },
    {
      id: 'agreement-with',
      template: `${SUPPLY_NOUN} (?:agreement|deal|contract|pact|order) with [desc] {supplier}`,
      parties: ['customer', 'supplier'],
    },
    {
      id: 'goods-deal-with',
      template: `${GOODS} (?:supply\\s)?(?:deal|agreement|contract|order|pact) with [desc] {supplier}`,
      parties: ['customer', 'supplier'],
    },
  ],
};
