/**
 * Synthetic articles for the size tests: about 5 KB each, in the style of the fixtures —
 * fictional companies, investments, stakes, contracts, revenue and valuations, with filler
 * sentences in between — deterministic for a given index.
 */
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { seededRandom as random } from '../seededRandom';

const NAMES = [
  'Aldera Systems',
  'Borealis Compute',
  'Cindral Labs',
  'Dunmore Capital',
  'Estrel Networks',
  'Falkirk Robotics',
  'Glenmar Energy',
  'Halvern Cloud',
  'Iverly Partners',
  'Jastro Semiconductors',
  'Kellan Bio',
  'Lorrow Ventures',
  'Maravel Data',
  'Norvane Motors',
  'Orrin Analytics',
  'Pellam Power',
  'Quenby Software',
  'Ravella Health',
  'Selwyn Holdings',
  'Tarrow Logistics',
];

export const syntheticLexicon = Lexicon.withAdditions({
  entities: NAMES.map((name) => ({ name, type: 'org' as const })),
});

const FILLER = [
  'Executives described the quarter as busy, citing demand from customers in several regions.',
  'The companies did not comment on the timing of the next phase of the project.',
  'Analysts said the move reflects a broader shift in how the industry buys computing capacity.',
  'People familiar with the talks said negotiations had lasted several months before the signing.',
  'The announcement follows a period of rapid hiring and a reorganisation of the product teams.',
];

export function syntheticArticle(index: number): string {
  const next = random(index + 1);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const amount = (max: number) => (Math.round(next() * max * 10) / 10 + 0.5).toFixed(1);
  const year = () => 2019 + Math.floor(next() * 7);
  const lines = [`# Market report ${index}`, '', `March ${1 + (index % 28)}, 2025`, ''];
  while (lines.join('\n').length < 5000) {
    const [a, b] = [pick(NAMES), pick(NAMES)];
    const claim = pick([
      `${a} has invested a total of $${amount(20)} billion in ${b}.`,
      `${a} holds a ${Math.floor(next() * 60) + 1}% stake in ${b}.`,
      `${a} signed a $${amount(40)} billion cloud contract with ${b}.`,
      `${a} reported revenue of $${Math.floor(next() * 900) + 100} million in ${year()}.`,
      `${a} is valued at $${amount(90)} billion after its latest round.`,
      `${a} will supply ${amount(5)} GW of capacity to ${b} under the agreement.`,
      `${a} opened ${Math.floor(next() * 9) + 2} offices in ${year()}.`,
    ]);
    lines.push(`${claim} ${pick(FILLER)} ${pick(FILLER)}`, '');
  }
  return lines.join('\n');
}
