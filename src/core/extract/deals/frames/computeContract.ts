/** Compute contracts: reserved compute or GPU capacity under a contract of its own (customer → provider). */
import type { KindFrames } from './frame';

export const computeContract: KindFrames = {
  kind: 'compute-contract',
  nouns: /\bcompute (?:deals?|contracts?|agreements?)\b/gi,
  frames: [
    {
      id: 'capacity-contract-with',
      template:
        '(?:compute|computing|reserved-capacity|capacity)\\s(?:contract|deal|agreement|reservation) (?:with|from) [desc] {provider}',
      parties: ['customer', 'provider'],
    },
  ],
};
