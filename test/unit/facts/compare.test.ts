import * as assert from 'node:assert/strict';
import { compareStatements, writtenPrecision, type ComparableStatement } from '../../../src/core/facts/compare';
import type { Qualifier } from '../../../src/core/extract/figures/figure';

/** A statement as an article writes it: "~$13.5 billion" → about 13.5e9 USD, written to 0.1 billion. */
function money(
  text: string,
  value: number | [number, number],
  qualifier: Qualifier | null = null,
  currency = 'USD',
): ComparableStatement {
  const isApprox = qualifier === 'about';
  return {
    text,
    kind: 'money',
    value,
    unit: currency,
    qualifier,
    isApprox,
    precision: writtenPrecision(text, value),
    asOf: null,
    dealDate: null,
  };
}

function other(
  kind: ComparableStatement['kind'],
  text: string,
  value: number | [number, number],
  unit: string | null,
  qualifier: Qualifier | null = null,
): ComparableStatement {
  return {
    text,
    kind,
    value,
    unit,
    qualifier,
    isApprox: qualifier === 'about',
    precision: writtenPrecision(text, value),
    asOf: null,
    dealDate: null,
  };
}

suite('facts: verdicts between two statements of the same fact', () => {
  const CASES: ReadonlyArray<readonly [string, ComparableStatement, ComparableStatement, string]> = [
    ['equal figures agree', money('$38 billion', 38e9), money('$38 billion', 38e9), 'agree'],
    ['figures within 1% agree', money('$38 billion', 38e9), money('$38.2 billion', 38.2e9), 'agree'],
    ['figures 1.3% apart conflict', money('$38 billion', 38e9), money('$38.5 billion', 38.5e9), 'conflict'],
    [
      '"about 27%" agrees with 27%',
      other('percent', '27%', 27, '%'),
      other('percent', '~27%', 27, '%', 'about'),
      'agree',
    ],
    [
      '"about 27%" allows half a point: 27.4% agrees',
      other('percent', '~27%', 27, '%', 'about'),
      other('percent', '27.4%', 27.4, '%'),
      'agree',
    ],
    [
      '"about 27%" does not stretch to 28%',
      other('percent', '~27%', 27, '%', 'about'),
      other('percent', '28%', 28, '%'),
      'conflict',
    ],
    [
      '"~$13.5 billion", written to the tenth, does not cover $13 billion (the seeds)',
      money('~$13.5 billion', 13.5e9, 'about'),
      money('$13 billion', 13e9),
      'conflict',
    ],
    [
      '"about $13 billion", written to the unit, covers $13.4 billion',
      money('$13 billion', 13e9, 'about'),
      money('$13.4 billion', 13.4e9),
      'agree',
    ],
    [
      '"about $1 billion" stretches 5% at most',
      money('$1 billion', 1e9, 'about'),
      money('$1.2 billion', 1.2e9),
      'conflict',
    ],
    [
      '"about $130 billion" covers $135 billion (written to the ten)',
      money('$130 billion', 130e9, 'about'),
      money('$135 billion', 135e9),
      'agree',
    ],
    [
      '"nearly 10%" agrees with 9.6%',
      other('percent', '10%', 10, '%', 'nearly'),
      other('percent', '9.6%', 9.6, '%'),
      'agree',
    ],
    [
      '"nearly 10%" is not 10.5%',
      other('percent', '10%', 10, '%', 'nearly'),
      other('percent', '10.5%', 10.5, '%'),
      'conflict',
    ],
    [
      'a range agrees with a value inside it',
      other('power', '1–1.5 GW', [1, 1.5], 'GW'),
      other('power', '1.2 GW', 1.2, 'GW'),
      'agree',
    ],
    [
      'a range conflicts with a value outside it',
      other('power', '1–1.5 GW', [1, 1.5], 'GW'),
      other('power', '2 GW', 2, 'GW'),
      'conflict',
    ],
    ['overlapping ranges agree', money('$10–12 billion', [10e9, 12e9]), money('$11–14 billion', [11e9, 14e9]), 'agree'],
    ['"up to X" agrees with anything below X', money('$10 billion', 10e9, 'up-to'), money('$8 billion', 8e9), 'agree'],
    [
      '"up to X" conflicts with more than X',
      money('$10 billion', 10e9, 'up-to'),
      money('$12 billion', 12e9),
      'conflict',
    ],
    [
      '"more than X" agrees with anything above X',
      money('$400 billion', 400e9, 'more-than'),
      money('$450 billion', 450e9),
      'agree',
    ],
    [
      '"more than X" conflicts with less than X',
      money('$400 billion', 400e9, 'more-than'),
      money('$300 billion', 300e9),
      'conflict',
    ],
    [
      'money in two currencies is not compared',
      money('€500 million', 500e6, null, 'EUR'),
      money('$540 million', 540e6),
      'incomparable',
    ],
    ['MW and GW are converted', other('power', '1,200 MW', 1200, 'MW'), other('power', '1.2 GW', 1.2, 'GW'), 'agree'],
    [
      'power and energy are not compared',
      other('power', '2 GW', 2, 'GW'),
      other('power', '2 TWh', 2, 'TWh'),
      'incomparable',
    ],
    [
      'percent and percentage points are not compared',
      other('percent', '3%', 3, '%'),
      other('percent', '3 pp', 3, 'pp'),
      'incomparable',
    ],
  ];
  for (const [what, a, b, verdict] of CASES) {
    test(`should judge: ${what}`, () => {
      assert.equal(compareStatements(a, b).verdict, verdict);
      assert.equal(compareStatements(b, a).verdict, verdict, 'the same either way round');
    });
  }

  test('should explain a conflict with the difference and the allowance used', () => {
    assert.equal(
      compareStatements(money('~$13.5 billion', 13.5e9, 'about'), money('$13 billion', 13e9)).reason,
      '~$13.5 billion and $13 billion are 3.7% apart, beyond 1%; ~$13.5 billion allows ±0.05 billion as written',
    );
  });

  test('should explain an agreement by what allowed it', () => {
    assert.equal(
      compareStatements(money('$10 billion', 10e9, 'up-to'), money('$8 billion', 8e9)).reason,
      'consistent: up to $10 billion is a ceiling',
    );
    assert.equal(compareStatements(money('$38 billion', 38e9), money('$38 billion', 38e9)).reason, 'equal');
  });

  test('should take a wider tolerance when asked (5%: $13 billion and $13.5 billion agree)', () => {
    assert.equal(compareStatements(money('$13 billion', 13e9), money('$13.5 billion', 13.5e9), 0.05).verdict, 'agree');
  });

  test('should not compare statements of a changing quantity dated more than six months apart', () => {
    const early = { ...other('percent', '12%', 12, '%'), asOf: '2023-03-01' };
    const late = { ...other('percent', '31%', 31, '%'), asOf: '2025-04-02' };
    assert.deepEqual(compareStatements(early, late), {
      verdict: 'unrelated',
      reason: 'stated 25 months apart (2023-03-01, 2025-04-02)',
    });
    assert.equal(
      compareStatements({ ...early, asOf: '2025-01-10' }, late).verdict,
      'conflict',
      'three months apart: compared',
    );
  });

  test('should read an as-of month only from a date that starts with one (YYYY-MM)', () => {
    const early = { ...other('percent', '12%', 12, '%'), asOf: '2023-03-01' };
    const late = { ...other('percent', '31%', 31, '%'), asOf: '2025-04' };
    assert.equal(compareStatements(early, late).verdict, 'unrelated', 'both months read');
    // none of these names a month: the statements are compared as if undated
    for (const asOf of ['2025', '2025-4', '2025-0x-01', '２０２５-04', '2025/04/02', '20250-04'])
      assert.equal(compareStatements(early, { ...late, asOf }).verdict, 'conflict', asOf);
  });

  test('should take any unit of power a hand-edited fact names as its own dimension, even a name Object has', () => {
    // the units that convert are the table's own keys, never what an object inherits
    for (const unit of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      const a = other('power', '5 units', 5, unit);
      assert.equal(compareStatements(a, { ...a }).verdict, 'agree', unit);
      assert.equal(compareStatements(a, other('power', '5 GW', 5, 'GW')).verdict, 'incomparable', unit);
    }
    assert.equal(
      compareStatements(other('power', '1 GW', 1, 'GW'), other('power', '1,000 MW', 1000, 'MW')).verdict,
      'agree',
    );
  });

  test('should not compare the values of deals whose own dates contradict', () => {
    const a = { ...money('$1 billion', 1e9), dealDate: '2019' };
    const b = { ...money('$10 billion', 10e9), dealDate: '2023-01' };
    assert.equal(compareStatements(a, b).verdict, 'unrelated');
    assert.equal(
      compareStatements(a, { ...b, dealDate: '2019-07-22' }).verdict,
      'conflict',
      'the same year, less precise: the same deal',
    );
  });

  const PRECISION: ReadonlyArray<readonly [string, number, number | null]> = [
    ['$13.5 billion', 13.5e9, 1e8],
    ['~$13 billion', 13e9, 1e9],
    ['$130 billion', 130e9, 1e10],
    ['US $22.4 billion', 22.4e9, 1e8],
    ['$1,400', 1400, 100],
    ['27%', 27, 1],
    ['4.55 GW', 4.55, 0.01],
    ['five', 5, null],
  ];
  for (const [text, value, expected] of PRECISION) {
    test(`should read "${text}" as written to ${expected ?? 'an unknown place'}`, () => {
      const precision = writtenPrecision(text, value);
      if (expected === null) assert.equal(precision, null);
      else assert.ok(precision !== null && Math.abs(precision - expected) < expected * 1e-9, `got ${precision}`);
    });
  }
});
