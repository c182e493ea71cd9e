/**
 * Equity stakes: a minority share of a company (holder → company), warrants to buy its shares.
 * A controlling or majority stake is an acquisition (acquisition.ts).
 */
import type { KindFrames } from './frame';

const TAKE = 'take|acquire|buy|purchase|hold|own|receive|get|retain|keep|build|amass|pick up|secure|gain|have';

export const equityStake: KindFrames = {
  kind: 'equity-stake',
  nouns: /\b(?:equity stakes?|stakes?|warrants?)\b/gi,
  frames: [
    { id: 'take-stake-in', template: `{holder*} … <${TAKE}> … (?:stake|stakes|shareholding|equity|holding|interest) (?:in|of) [desc] {company}`, parties: ['holder', 'company'] },
    { id: 'buy-company-stake', template: `{holder*} … <${TAKE}> [desc] {company} 's … (?:stake|stakes|shares|shareholding)`, parties: ['holder', 'company'] },
    // "The round gives ASML an 11% stake": the company is the round's (context)
    { id: 'give-stake', template: '<give|grant|hand|offer|issue|sell> [desc] {holder*} (?:a|an) … (?:stake|shareholding|equity)', parties: ['holder', 'company'] },
    { id: 'possessive-stake', template: "{holder*} 's … (?:stake|shareholding|holding) (?:in|of) [desc] {company}", parties: ['holder', 'company'] },
    // "sold a 9% stake in Beta to Acme"
    { id: 'stake-sold-to', template: '<sell|transfer> … (?:stake|shareholding) (?:in|of) [desc] {company} to [desc] {holder*}', parties: ['holder', 'company'] },
    { id: 'take-stake', template: `{holder*} … <${TAKE}> (?:a|an) … (?:minority\\s)?stake`, parties: ['holder', 'company'] },
    { id: 'warrants-granted', template: '{company} … <grant|issue|give> [desc] {holder*} … warrants?', parties: ['holder', 'company'] },
    { id: 'warrants-received', template: '{holder*} … <receive|get|obtain|secure|win> … warrants? … (?:of|in|for) … {company}', parties: ['holder', 'company'] },
    { id: 'warrants-company-shares', template: '{holder*} … warrants? … {company} (?:shares|stock)', parties: ['holder', 'company'] },
  ],
};
