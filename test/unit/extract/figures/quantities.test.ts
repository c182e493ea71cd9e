import * as assert from 'node:assert/strict';
import { figuresOf } from '../../helpers';

type Case = [sentence: string, text: string, kind: string, value: unknown, unit: string | null];

const table = (name: string, cases: Case[]) =>
  suite(`figures: ${name}`, () => {
    for (const [sentence, text, kind, value, unit] of cases) {
      test(`should read "${text}" as ${kind} ${JSON.stringify(value)}${unit ? ` ${unit}` : ''}`, () => {
        const found = figuresOf(sentence).find((f) => f.text === text);
        assert.ok(found, `"${text}" not found in ${JSON.stringify(figuresOf(sentence).map((f) => f.text))}`);
        assert.deepEqual({ kind: found.kind, value: found.value, unit: found.unit }, { kind, value, unit });
      });
    }
  });

table('percent', [
  ['equity stake dropped to 27%.', '27%', 'percent', 27, '%'],
  ['AI drove 6–7% Azure growth', '6–7%', 'percent', [6, 7], '%'],
  ['a thirty percent cut', 'thirty percent', 'percent', 30, '%'],
  ['margins of 18.5 per cent', '18.5 per cent', 'percent', 18.5, '%'],
  ['up 120 basis points', '120 basis points', 'percent', 120, 'bp'],
  ['revenue (↑ 34% YoY)', '34%', 'percent', 34, '%'],
]);

table('power', [
  ['Oracle partnership for 4.5 GW GPU capacity', '4.5 GW', 'power', 4.5, 'GW'],
  ['2 gigawatts of Trainium capacity', '2 gigawatts', 'power', 2, 'GW'],
  ['a 33-gigawatt build-out', '33-gigawatt', 'power', 33, 'GW'],
  ['demand rose +83 TWh in 2025', '+83 TWh', 'power', 83, 'TWh'],
  ['a 300 MW campus', '300 MW', 'power', 300, 'MW'],
  ['one to six gigawatts of capacity', 'one to six gigawatts', 'power', [1, 6], 'GW'],
]);

table('rate', [
  ['dropped from 70–120+ tokens/sec', '70–120+ tokens/sec', 'rate', [70, 120], 'tokens/sec'],
  ['sometimes dropping to 2 tokens/sec', '2 tokens/sec', 'rate', 2, 'tokens/sec'],
  ['from 70–120+ tokens/sec to 2–20', '2–20', 'rate', [2, 20], 'tokens/sec'],
  ['serving 400 tokens per second', '400 tokens per second', 'rate', 400, 'tokens/sec'],
]);

table('duration', [
  ['The five-year honeymoon', 'five-year', 'duration', 5, 'years'],
  ['would take 12 to 18 months', '12 to 18 months', 'duration', [12, 18], 'months'],
  ['within five days of restructuring', 'five days', 'duration', 5, 'days'],
  ['Ilya’s 10‑hour questioning', '10‑hour', 'duration', 10, 'hours'],
  ['over two decades', 'two decades', 'duration', 20, 'years'],
]);

table('multiplier', [
  ['10× “Manhattan Project” scale', '10×', 'multiplier', 10, 'x'],
  ['consumes 100 times more compute', '100 times', 'multiplier', 100, 'x'],
  ['a 3x jump', '3x', 'multiplier', 3, 'x'],
]);

table('rank', [
  ['partner with both the #1 and #2 cloud providers', '#1', 'rank', 1, null],
  ['the 89th percentile in programming', '89th percentile', 'rank', 89, null],
  ['top-500 USAMO qualifier performance', 'top-500', 'rank', 500, null],
  ['the world’s third-largest chipmaker', 'third', 'rank', 3, null],
  ['ranked No. 2 in the market', 'No. 2', 'rank', 2, null],
]);

table('count', [
  ['30 million developers are worth', '30 million', 'count', 30e6, null],
  ['5 new Stargate sites added', '5', 'count', 5, null],
  ['four to five million users', 'four to five million', 'count', [4e6, 5e6], null],
  ['three new sites in Texas', 'three', 'count', 3, null],
  ['about 1,100 jobs', '1,100', 'count', 1100, null],
]);
