import * as assert from 'node:assert/strict';
import { literal, matchesOf, pattern, words } from '../../src/core/regexParts';

suite('regular expressions from named parts', () => {
  test('should join alternatives into one group that a quantifier applies to as a whole', () => {
    const verb = words(['says', 'said', 'reports?']);
    assert.equal(verb, '(?:says|said|reports?)');
    const re = pattern(['^', verb, '+$']);
    assert.ok(re.test('saidsays'));
    assert.ok(re.test('report'));
    assert.ok(!re.test('sayings'));
  });

  test('should keep the flags and match exactly what the parts say', () => {
    const re = pattern(['\\b', words(['rose', 'fell']), '\\s+', '(?<amount>\\d+%)'], 'i');
    assert.equal(re.flags, 'i');
    assert.equal(re.exec('Shares ROSE 4% on Monday')?.groups?.['amount'], '4%');
  });

  test('should escape literal text, so that "U.S." is not "U any S any"', () => {
    assert.ok(pattern(['^', literal('U.S. (NYSE)'), '$']).test('U.S. (NYSE)'));
    assert.ok(!pattern(['^', literal('U.S.'), '$']).test('UxSx'));
  });

  test('should give every match matchAll gives, empty ones included, and leave the pattern at 0', () => {
    for (const [re, text] of [
      [/\d+/g, 'a 1 b 22 c 333'],
      [/x*/g, 'axxb'],
      [/(?:)/gu, 'a😀b'],
      [/(?:)/g, 'a😀b'],
      [/(?<w>\p{L}+)/gu, 'Zürich 東京 😀 São'],
      [/\b(?:acquisitions?|takeovers?)\b/gi, 'Acquisitions and a takeover, no acquisitionist'],
    ] as const) {
      const expected = [...text.matchAll(re)].map((m) => [m.index, m[0], m.groups?.['w']]);
      assert.deepEqual(
        matchesOf(re, text).map((m) => [m.index, m[0], m.groups?.['w']]),
        expected,
        String(re),
      );
      assert.equal(re.lastIndex, 0);
    }
    assert.throws(() => matchesOf(/a/, 'a'), /global/);
  });
});
