import * as assert from 'node:assert/strict';
import type { Verdict } from '../../../src/core/facts/index';
import { HOVER_OTHER_SOURCES, leftWords, othersToShow } from '../../../src/core/views/otherSources';

const statement = (path: string, verdict: Verdict) => ({ path, verdict });

suite('the other sources a hover lists', () => {
  test('should list every other source when they fit, in the order given', () => {
    const others = ['a', 'b', 'c'].map((p, i) => statement(p, (['agree', 'conflict', 'incomparable'] as const)[i]!));
    const { shown, leftCount } = othersToShow(others, 3);
    assert.deepEqual(shown, others);
    assert.equal(leftCount, 0);
  });

  test('past the limit, should list conflicts first, then agreements, then the rest, in the order given, and count what it leaves out', () => {
    // 500 sources by path: every 100th conflicts, every 7th is not comparable, the rest agree
    const verdictOf = (i: number): Verdict => (i % 100 === 99 ? 'conflict' : i % 7 === 0 ? 'incomparable' : 'agree');
    const others = Array.from({ length: 500 }, (_, i) => statement(`s${String(i).padStart(3, '0')}`, verdictOf(i)));
    const { shown, left, leftCount } = othersToShow(others);
    assert.equal(shown.length, HOVER_OTHER_SOURCES);
    assert.deepEqual(
      shown.map((s) => s.path),
      ['s001', 's002', 's003', 's099', 's199', 's299', 's399', 's499'],
      'the five conflicts, and the first agreements for the room left, by path',
    );
    assert.equal(leftCount, 492);
    const counts = (verdict: Verdict) => others.filter((o) => o.verdict === verdict).length;
    assert.deepEqual(left, { conflict: 0, agree: counts('agree') - 3, incomparable: counts('incomparable') });
    assert.equal(
      leftWords(left),
      `${(counts('agree') - 3).toLocaleString('en-US')} agree, ${counts('incomparable')} not comparable`,
    );
  });

  test('should leave out conflicts too when they alone pass the limit, and name them first', () => {
    const others = Array.from({ length: 12 }, (_, i) => statement(`c${i}`, 'conflict'));
    others.push(statement('d', 'agree'));
    const { shown, left } = othersToShow(others, 4);
    assert.deepEqual(
      shown.map((s) => s.path),
      ['c0', 'c1', 'c2', 'c3'],
    );
    assert.deepEqual(left, { conflict: 8, agree: 1, incomparable: 0 });
    assert.equal(leftWords(left), '8 conflict, 1 agree');
  });
});
