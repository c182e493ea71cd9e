/**
 * Cloud contracts: a customer buys cloud services or capacity from a provider (customer →
 * provider): commitments to spend, workloads run on a cloud, capacity rented from it, a
 * provider's revenue from a customer, a provider that becomes a customer's cloud.
 */
import type { KindFrames } from './frame';

/** What a cloud sells. */
export const CLOUD_WORDS =
  /\b(?:cloud|compute|computing|capacity|workloads?|data cent(?:er|re)s?|GPUs?|servers?|server-\w+|infrastructure|hosting|hosted|instances|rent\w*|leas\w+|Azure|AWS|supercomputers?)\b/i;
const CAPACITY = '(?:capacity|compute|computing|GPUs?|servers|instances|cloud|supercomputers?|clusters?)';

export const cloudContract: KindFrames = {
  kind: 'cloud-contract',
  nouns:
    /\b(?:cloud (?:contracts?|deals?|agreements?|partners?|providers?|commitments?)|commitments?|leasing|hosting)\b/gi,
  frames: [
    {
      id: 'spend-on',
      template: '{customer} … <spend|commit|pay> … (?:on|for|with|to) [desc] {provider}',
      parties: ['customer', 'provider'],
      requires: /\b(?:cloud|compute|computing|capacity|servers?|infrastructure|services|Azure|AWS)\b/i,
    },
    {
      id: 'capacity-from',
      template: `{customer} … <rent|lease|reserve|buy|purchase|secure|spend|commit> … ${CAPACITY} … from [desc] {provider}`,
      parties: ['customer', 'provider'],
    },
    {
      id: 'rented-from',
      template: `${CAPACITY} <rent|lease|reserve:pp> from [desc] {provider}`,
      parties: ['customer', 'provider'],
    },
    {
      id: 'run-on',
      template:
        '{customer} … <run|host|train|deploy|move|migrate|shift> … (?:workloads?|models?|services|operations|infrastructure|applications|apps|platform) … (?:on|to|in|onto) [desc] {provider}',
      parties: ['customer', 'provider'],
      requires: /\b(?:deal|contract|agreement|commitment|partnership|pact|\$|€|£|billion|million)/i,
    },
    {
      id: 'revenue-from',
      template:
        '{provider} … <earn|receive|collect|book|generate|make|expect|get> … (?:revenue|sales|fees|payments|rent) from [desc] {customer}',
      parties: ['customer', 'provider'],
      requires: /\b(?:cloud|compute|capacity|servers?|server-\w+|rent\w*|hosting|infrastructure)\b/i,
    },
    {
      id: 'become-cloud',
      template:
        "{provider} … <become|remain|be> {customer} 's … (?:cloud|hosting|compute|infrastructure)\\s(?:provider|partner|platform|supplier|host)",
      parties: ['customer', 'provider'],
    },
    {
      id: 'customer-commitment',
      template: "{customer} 's … {provider} (?:commitment|contract|deal|spend|agreement)",
      parties: ['customer', 'provider'],
    },
    {
      id: 'cloud-deal-with',
      template:
        '(?:cloud|hosting|compute|computing|infrastructure|capacity)\\s(?:contract|deal|agreement|commitment|partnership|pact) (?:with|from) [desc] {provider}',
      parties: ['customer', 'provider'],
    },
    {
      id: 'commitment-to',
      template: '{customer} … (?:commitment|commit) (?:to|with) [desc] {provider}',
      parties: ['customer', 'provider'],
      requires: /\b(?:cloud|compute|computing|capacity|servers?|infrastructure|services|spend)\b/i,
    },
  ],
};
