import * as assert from 'node:assert/strict';
import { figuresOf } from '../../helpers';

suite('figures: money', () => {
  const cases: Array<[string, string, number | [number, number], string]> = [
    ['a partnership valued at $38 billion.', '$38 billion', 38e9, 'USD'],
    ['spend $500 B on data centers', '$500 B', 500e9, 'USD'],
    ['Apple spends $7B annually', '$7B', 7e9, 'USD'],
    ['expected to exceed US $60 billion by 2028', 'US $60 billion', 60e9, 'USD'],
    ['a deal worth US$1.2bn', 'US$1.2bn', 1.2e9, 'USD'],
    ['credits of $100,000 from AWS', '$100,000', 100000, 'USD'],
    ['priced at €4.2 billion', '€4.2 billion', 4.2e9, 'EUR'],
    ['assume EUR 350 million of debt', 'EUR 350 million', 350e6, 'EUR'],
    ['bought Thermasight for £120m', '£120m', 120e6, 'GBP'],
    ['a ¥2 trillion budget', '¥2 trillion', 2e12, 'JPY'],
    ['worth $3 Trillion', '$3 Trillion', 3e12, 'USD'],
    ['raised 30 billion dollars', '30 billion dollars', 30e9, 'USD'],
    ['earned $1.24 per share', '$1.24', 1.24, 'USD'],
    ['between $20–25 billion', '$20–25 billion', [20e9, 25e9], 'USD'],
    ['from $500,000 to $1 million in credits', '$500,000', 500000, 'USD'],
    ['credits of $500,000 to $1 million', '$500,000 to $1 million', [500000, 1e6], 'USD'],
    ['guidance of $4.1 billion to $4.3 billion', '$4.1 billion to $4.3 billion', [4.1e9, 4.3e9], 'USD'],
    // the Indian numbering system: a crore is ten million, a lakh a hundred thousand
    ['has raised ₹1,250 crore ($150 million)', '₹1,250 crore', 12.5e9, 'INR'],
    ['Zomato paid Rs 4,447 crores for Blinkit', 'Rs 4,447 crores', 44.47e9, 'INR'],
    ['a grant of ₹50 lakh for each startup', '₹50 lakh', 5e6, 'INR'],
    ['a cash burn of INR 2.5 crore a month', 'INR 2.5 crore', 25e6, 'INR'],
    ['revenue of 12 crore rupees', '12 crore rupees', 120e6, 'INR'],
  ];
  for (const [sentence, text, value, unit] of cases) {
    test(`should read "${text}" in "${sentence}" as ${JSON.stringify(value)} ${unit}`, () => {
      const money = figuresOf(sentence).find((f) => f.kind === 'money');
      assert.ok(money, `no money figure in "${sentence}"`);
      assert.deepEqual({ text: money.text, value: money.value, unit: money.unit }, { text, value, unit });
    });
  }

  test('should keep "~" in the text and mark the figure approximate', () => {
    const [figure] = figuresOf('Holds ~$130 billion in equity');
    assert.deepEqual([figure?.text, figure?.qualifier], ['~$130 billion', 'about']);
  });

  test('should read "$400 B+" as more than $400 billion', () => {
    const [figure] = figuresOf('5 sites added ($400 B+ total)').filter((f) => f.kind === 'money');
    assert.deepEqual([figure?.text, figure?.value, figure?.qualifier], ['$400 B+', 400e9, 'more-than']);
  });

  test('should leave "up to" out of the text and record it as the qualifier', () => {
    const [figure] = figuresOf('invest up to US $100 billion');
    assert.deepEqual([figure?.text, figure?.qualifier], ['US $100 billion', 'up-to']);
  });

  test('should not read a $Ticker$ cashtag or "$" without a number as money', () => {
    assert.deepEqual(figuresOf('$Microsoft(MSFT)$ is the largest shareholder'), []);
  });

  test('should not join a percentage and an amount into a range: "down 6.8% to $148.20"', () => {
    assert.deepEqual(
      figuresOf('shares fell 6.8% to $148.20').map((f) => [f.text, f.kind]),
      [
        ['6.8%', 'percent'],
        ['$148.20', 'money'],
      ],
    );
  });

  test('should read a parenthesised USD equivalent as a second figure', () => {
    assert.deepEqual(
      figuresOf('for €4.2 billion ($4.9 billion) including debt').map((f) => f.unit),
      ['EUR', 'USD'],
    );
  });
});
