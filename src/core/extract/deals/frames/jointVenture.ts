/**
 * Joint ventures: companies create and own a venture together ("Orange and MásMóvil form a
 * 50/50 joint venture", "a joint venture 70% owned by TSMC, with Bosch, Infineon and NXP
 * holding 10% each"), including a named project launched with partners. Parties in text order.
 */
import type { KindFrames } from './frame';

const JV = '(?:joint\\sventure|joint-venture|JV|consortium)';

export const jointVenture: KindFrames = {
  kind: 'joint-venture',
  nouns: /\b(?:joint[- ]ventures?|JVs?)\b/gi,
  frames: [
    {
      id: 'sign-to-create',
      template: `{a} … <sign|enter|reach|strike|agree> … with [desc] {b+} to (?:create|form|set up|establish|launch|build) (?:a|an|the) … ${JV}`,
      parties: ['a', 'b'],
    },
    {
      id: 'form',
      template: `{a+} … <form|create|set up|establish|launch|announce|start|found> (?:a|an|the|new|their) … ${JV}`,
      parties: ['a'],
    },
    {
      id: 'form-with',
      template: `{a} … <form|create|set up|establish|launch|announce|start> (?:a|an|the|new) … ${JV} with [desc] {b+}`,
      parties: ['a', 'b'],
    },
    { id: 'between', template: `${JV} (?:between|of|with|by|among) {a+}`, parties: ['a'] },
    // "a joint venture 70% owned by TSMC, with Bosch, Infineon and NXP holding 10% each"
    {
      id: 'owned-by-with',
      template: `${JV} … (?:owned|held|controlled) by [desc] {a+} , with {b+} (?:holding|owning|taking|keeping|each)`,
      parties: ['a', 'b'],
    },
    { id: 'owned-by', template: `${JV} … (?:owned|held|controlled) by [desc] {a+}`, parties: ['a'] },
    { id: 'possessive', template: `{a} 's … ${JV} with [desc] {b+}`, parties: ['a', 'b'] },
    // "the Stargate project, launched with SoftBank & Oracle": the subject is the lead-in's
    {
      id: 'project-launched-with',
      template: '{venture*} … <launch|form|create|set up|found|start:pp> (?:with|by) [desc] {partners+}',
      parties: ['a', 'partners'],
      types: { venture: ['initiative'] },
      seenIn: ['seeds/000'],
    },
    // "SoftBank: partner in the $500 billion Stargate project"
    {
      id: 'partner-in-project',
      template: '(?:partners?|co-investors?|co-owners?) in (?:the|a)? … {venture*}',
      parties: ['a', 'b'],
      types: { venture: ['initiative'] },
      seenIn: ['seeds/002'],
    },
  ],
};
