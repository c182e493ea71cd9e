/**
 * Equity stakes: a minority share of a company (holder → company), warrants to buy its shares.
 * A controlling or majority stake is an acquisition (acquisition.ts).
 */
import type { KindFrames } from './frame';

const TAKE = 'take|acquire|buy|purchase|hold|own|receive|get|retain|keep|build|amass|pick up|secure|gain|have';
/**
 * Not a stake in a thing ("a 20% stake in the facility", "in the joint venture", "in the project"):
 * a share of an asset or a venture is a term of the deal that made it, not a stake in a company.
 */
const NOT_IN_THING =
  '~(?!\\s+(?:in|of)\\s+(?:the|a|an|its|their|this|that)\\s+(?:new\\s+)?(?!(?:company|firm|startup|start-up|business|group|maker|lab|carrier|operator|developer|bank|lender|insurer|chipmaker)\\b)[a-z])';

export const equityStake: KindFrames = {
  kind: 'equity-stake',
  nouns: /\b(?:equity stakes?|stakes?|warrants?)\b/gi,
  frames: [
    {
      id: 'take-stake-in',
      template: `{holder*} … <${TAKE}> … (?:stake|stakes|shareholding|equity|holding|interest) (?:in|of) [desc] {company}`,
      parties: ['holder', 'company'],
    },
    {
      id: 'buy-company-stake',
      template: `{holder*} … <${TAKE}> [desc] {company} 's … (?:stake|stakes|shares|shareholding)`,
      parties: ['holder', 'company'],
    },
    // "The round gives ASML an 11% stake": the company is the round's (context)
    {
      id: 'give-stake',
      template: '<give|grant|hand|offer|issue|sell> [desc] {holder*} (?:a|an) … (?:stake|shareholding|equity)',
      parties: ['holder', 'company'],
    },
    {
      id: 'possessive-stake',
      template: "{holder*} 's … (?:stake|shareholding|holding) (?:in|of) [desc] {company}",
      parties: ['holder', 'company'],
    },
    // "sold a 9% stake in Beta to Acme"
    {
      id: 'stake-sold-to',
      template: '<sell|transfer> … (?:stake|shareholding) (?:in|of) [desc] {company} to [desc] {holder*}',
      parties: ['holder', 'company'],
    },
    {
      id: 'take-stake',
      template: `{holder*} … <${TAKE}> (?:a|an) … (?:minority\\s)?stake ${NOT_IN_THING}`,
      parties: ['holder', 'company'],
    },
    {
      id: 'warrants-granted',
      template: '{company} … <grant|issue|give> [desc] {holder*} … warrants?',
      parties: ['holder', 'company'],
    },
    {
      id: 'warrants-received',
      template: '{holder*} … <receive|get|obtain|secure|win> … warrants? … (?:of|in|for) … {company}',
      parties: ['holder', 'company'],
    },
    {
      id: 'warrants-company-shares',
      template: '{holder*} … warrants? … {company} (?:shares|stock)',
      parties: ['holder', 'company'],
    },
  ],
};
