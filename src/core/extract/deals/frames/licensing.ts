/**
 * Licensing: rights to use technology, content or a brand (licensee → licensor): "Arm had
 * licensed its designs to Nuvia", royalties paid, a licensing or reseller deal. A reseller
 * agreement is a licence to resell.
 */
import type { KindFrames } from './frame';

const RIGHTS_DEAL =
  '(?:licen[cs]ing|licen[cs]e|royalty|patent|IP|content|distribution|reseller|resale|streaming|technology|brand|trademark)\\s(?:agreements?|deals?|pacts?|arrangements?|rights|contracts?)';

export const licensing: KindFrames = {
  kind: 'licensing',
  // a regulator's licence (to broadcast, bank, use spectrum, operate) is no licensing deal between companies
  nouns:
    /\b(?<!\b(?:broadcast(?:ing)?|banking|bank|operating|spectrum|telecom(?:s|munications)?|gaming|gambling|driving|export|import|business|trading|mining|payments?|e-money|lending|insurance|radio|TV|television|wireless|5G|mobile)\s)(?:licen[cs]\w*|royalt(?:y|ies)|reseller)\b/gi,
  frames: [
    // the verb, not the noun: "licenses its codecs to", "had licensed to" ("pays licence fees to" is a payment)
    {
      id: 'license-to',
      template: '{licensor} … <license|licence:verb> … to [desc] {licensee}',
      parties: ['licensee', 'licensor'],
    },
    {
      id: 'license-from',
      template: '{licensee} … <license|licence:verb> … from [desc] {licensor}',
      parties: ['licensee', 'licensor'],
    },
    {
      id: 'pay-royalties',
      template: '{licensee} … <pay|owe|remit> … (?:royalt(?:y|ies)|licen[cs]e|licen[cs]ing) … to [desc] {licensor}',
      parties: ['licensee', 'licensor'],
    },
    {
      id: 'grant-license',
      template: '{licensor} … <grant|give|award> [desc] {licensee} (?:a|an|the)? … licen[cs]e',
      parties: ['licensee', 'licensor'],
    },
    {
      id: 'rights-deal-with',
      template: `{licensee} … ${RIGHTS_DEAL} (?:with|from) [desc] {licensor}`,
      parties: ['licensee', 'licensor'],
    },
    {
      id: 'rights-to',
      template:
        "(?:royalty-free|exclusive|non-exclusive|perpetual)\\s(?:access|licen[cs]e|rights|use) to [desc] {licensor} 's",
      parties: ['licensee', 'licensor'],
    },
    {
      id: 'possessive-license',
      template:
        "{licensee} 's … (?:licen[cs]e|licen[cs]ing\\s(?:agreement|deal)|royalty\\s(?:agreement|deal)) (?:with|from|to) [desc] {licensor}",
      parties: ['licensee', 'licensor'],
    },
  ],
};
