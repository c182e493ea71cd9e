/**
 * Investments: money put into a company (investor → investee), and government grants, loans
 * and subsidies (the government body first). A funding round with its investors is its own
 * kind (fundingRound.ts); an individual investor's part in a round joins the round.
 */
import type { KindFrames } from './frame';

const INVEST = 'invest|pour|pump|inject|sink|plough|plow';
const GRANT = '(?:grants?|subsid(?:y|ies)|loans?|funding|financing|incentives|tax credits|support|state aid|award)';
/** A government body: a country or region, or a name that says it is one ("the Commerce Department"). */
const GOVERNMENT: readonly string[] = ['place', 'government'];

export const investment: KindFrames = {
  kind: 'investment',
  nouns: /\b(?:investments?|grants?|subsid(?:y|ies)|loans?)\b/gi,
  frames: [
    {
      id: 'active',
      template: `{investor+*} … <${INVEST}> … (?:in|into) [desc] {investee}`,
      parties: ['investor', 'investee'],
      splitBy: 'investor',
    },
    // "Microsoft is investing $95 million": the investee is the round or company the text is about
    {
      id: 'amount-only',
      template: `{investor+*} … <${INVEST}|pour in|pump in|plough in|put in|commit|contribute|provide> (?:each)? {$}`,
      parties: ['investor', 'investee'],
      splitBy: 'investor',
    },
    // "Apple, Google and Nvidia said they would invest in the IPO": the company listing is the article's
    {
      id: 'in-offering',
      template: `{investor+*} … <${INVEST}|buy|subscribe> … in (?:the|its|an?) … (?:IPO|initial\\spublic\\soffering|listing|share\\ssale|offering)`,
      parties: ['investor', 'investee'],
      fillFrom: 'subject',
    },
    {
      id: 'possessive',
      template: "{investor*} 's … investment (?:in|into) [desc] {investee}",
      parties: ['investor', 'investee'],
    },
    {
      id: 'investment-by',
      template: 'investment (?:in|into) [desc] {investee} (?:by|from) [desc] {investor+*}',
      parties: ['investor', 'investee'],
      splitBy: 'investor',
    },
    {
      id: 'receive-from',
      template:
        '{investee} … <receive|secure|win|get|land|attract> … (?:investment|backing|capital) from [desc] {investor+*}',
      parties: ['investor', 'investee'],
      splitBy: 'investor',
    },
    // "Skydance, backed by RedBird Capital", "SoftBank-backed Acme"
    {
      id: 'backed-by',
      template: '{investee} , (?:which\\sis\\s|is\\s)?backed by [desc] {investor+*}',
      parties: ['investor', 'investee'],
      splitBy: 'investor',
    },
    {
      id: 'x-backed',
      template: '{investor} ~-backed [desc] {investee}',
      parties: ['investor', 'investee'],
      // a glued word is no anchor of its own: what the sentence must hold for the pattern to run
      requires: /-backed\s/i,
    },
    // "Microsoft has been OpenAI's largest backer"
    {
      id: 'backer-of',
      template: "{investor*} … {investee} 's … (?:backer|investor|shareholder|funder)",
      parties: ['investor', 'investee'],
    },
    {
      id: 'backer-in',
      template: '{investor*} … (?:backer|investor|shareholder) (?:of|in) [desc] {investee}',
      parties: ['investor', 'investee'],
    },
    // government grants, loans and subsidies: "the Commerce Department awarded Acme up to $1.5 billion"
    {
      id: 'grant-award',
      template: '{government*} … <award|grant|give|offer|extend|approve|pledge> [desc] {recipient} {$}',
      parties: ['government', 'recipient'],
      types: { government: GOVERNMENT },
    },
    {
      id: 'grant-receive',
      template: `{recipient} … <receive|win|secure|get|land|obtain|clinch> … {$} … ${GRANT} (?:from|by) [desc] {government*}`,
      parties: ['government', 'recipient'],
      types: { government: GOVERNMENT },
    },
    {
      id: 'grant-contribute',
      template: `{government*} … <contribute|provide|commit|pledge|give|offer> … {$} (?:in|of|as) ${GRANT} (?:to|for) [desc] {recipient}`,
      parties: ['government', 'recipient'],
      types: { government: GOVERNMENT },
    },
    {
      id: 'grant-nominal',
      template: `{$} … ${GRANT} (?:from|by) [desc] {government*} (?:to|for) [desc] {recipient}`,
      parties: ['government', 'recipient'],
      types: { government: GOVERNMENT },
    },
  ],
};
