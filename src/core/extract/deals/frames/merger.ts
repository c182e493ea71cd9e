/** Mergers: companies combine as equals ("Orange and MásMóvil agreed to merge"). Parties in text order. */
import type { KindFrames } from './frame';

const NOUN = '(?:merger|combination|tie-up|amalgamation)';

export const merger: KindFrames = {
  kind: 'merger',
  nouns: /\bmergers?\b/gi,
  frames: [
    { id: 'merge-with', template: '{a} … <merge|combine> (?:\\w+\\s+)?with [desc] {b}', parties: ['a', 'b'] },
    { id: 'agree-to-merge', template: '{a+} … <merge|combine>', parties: ['a'] },
    { id: 'nominal-between', template: `${NOUN} (?:of|between|with) {a+}`, parties: ['a'] },
    { id: 'nominal-possessive', template: `{a} 's … ${NOUN} with [desc] {b}`, parties: ['a', 'b'] },
    { id: 'compound', template: `{a}–{b} ${NOUN}`, parties: ['a', 'b'] },
  ],
};
