// The entity rules on adversarial texts: quadratic work on these would take minutes, linear work
// takes a few seconds at most (the bench measures speed; this only catches a blow-up).
import * as assert from 'node:assert/strict';
import { analyse } from '../../../../src/core/analysis';
import { Lexicon } from '../../../../src/core/extract/entities/lexicon';

const lexicon = Lexicon.withAdditions();
const BUDGET_MS = 15_000;
const words = (n: number, make: (i: number) => string) => Array.from({ length: n }, (_, i) => make(i)).join(' ');
/** Paragraphs of ten: the sentence splitter's cost on one long line is not the entities' to measure. */
const paragraphs = (n: number, make: (i: number) => string) =>
  Array.from({ length: n / 10 }, (_, p) => words(10, (i) => make(p * 10 + i))).join('\n\n');
const name = (i: number) => `Q${(i * 7919).toString(36).replace(/\d/g, 'x')}ra`;

suite('entities: cost on adversarial texts', function () {
  this.timeout(60_000);
  const cases: ReadonlyArray<[what: string, text: string]> = [
    ['one sentence of 40,000 capitalised words', `${words(40_000, (i) => name(i))}.`],
    [
      'a government name joined by 20,000 "and"s',
      `The Ministry of ${words(20_000, (i) => `${name(i)} and`)} Finance said so.`,
    ],
    [
      'a list of 20,000 names between known companies',
      `Backers including Nvidia, ${words(20_000, (i) => `${name(i)},`)} and Accel joined.`,
    ],
    ['20,000 defined acronyms in one sentence', words(20_000, (i) => `the Aqua Bqua (AB) of ${name(i)}`)],
    [
      '20,000 tickers and possessives',
      paragraphs(20_000, (i) => `${name(i)} Labs (QR) said ${name(i)}'s parent company grew.`),
    ],
    [
      '20,000 role appositions',
      paragraphs(20_000, (i) => `chief executive Ana ${name(i)}, CEO of ${name(i)} Group, said.`),
    ],
  ];
  for (const [what, text] of cases) {
    test(`should stay within budget: ${what}`, () => {
      const started = performance.now();
      const analysis = analyse({ path: 'big.txt', text }, { lexicon });
      const ms = performance.now() - started;
      assert.ok(analysis.entities.length >= 0);
      assert.ok(ms < BUDGET_MS, `${Math.round(ms)} ms for ${text.length} characters`);
      console.log(`      ${what}: ${text.length} characters, ${Math.round(ms)} ms`);
    });
  }
});
