import * as assert from 'node:assert/strict';
import { prepare, type ComparableStatement } from '../../../src/core/facts/compare';
import { PAIRWISE_LIMIT, byExtremes, factVerdict, pairwise, type Judged } from '../../../src/core/facts/factVerdict';
import type { Qualifier } from '../../../src/core/extract/figures/figure';
import { seededRandom as random } from '../seededRandom';

/** A fact stated `count` times by a handful of sources: values near each other, some approximate, ranged, bounded, in another currency, or dated apart. */
function statements(seed: number, count: number): Judged[] {
  const next = random(seed);
  const pick = <T>(list: readonly T[]) => list[Math.floor(next() * list.length)]!;
  const spread = pick([0.005, 0.02, 0.2]);
  return Array.from({ length: count }, () => {
    const value = 100 * (1 + (next() - 0.5) * spread);
    const isRange = next() < 0.1;
    const statement: ComparableStatement = {
      text: `$${value.toFixed(1)} billion`,
      kind: 'money',
      value: isRange ? [value, value * 1.05] : value,
      unit: next() < 0.05 ? 'EUR' : 'USD',
      qualifier: pick<Qualifier | null>([null, null, null, null, 'about', 'up-to', 'more-than', 'nearly']),
      isApprox: false,
      precision: pick([0.1, 1, 10]),
      asOf: next() < 0.3 ? null : pick(['2024-01-10', '2024-05-02', '2024-11-20', '2025-06-01']),
      dealDate: next() < 0.8 ? null : pick(['2024', '2024-03', '2025']),
    };
    return { path: `source-${Math.floor(next() * 8)}.md`, prepared: prepare(statement) };
  });
}

suite('facts: a fact stated many times is judged without comparing every pair', () => {
  test('should judge every pair of a small fact', () => {
    const small = statements(1, PAIRWISE_LIMIT);
    assert.deepEqual(factVerdict(small, 0.01), pairwise(small, 0.01));
  });

  test('should reach the same verdict, on the same statements, as comparing every pair (600 random facts)', () => {
    const verdicts = new Map<string, number>();
    for (let seed = 1; seed <= 600; seed++) {
      const group = statements(seed, 20 + (seed % 60));
      const exact = pairwise(group, 0.01);
      const fast = byExtremes(group, 0.01);
      assert.equal(fast?.verdict ?? null, exact?.verdict ?? null, `seed ${seed}`);
      assert.deepEqual(
        [...(fast?.compared ?? [])].sort((a, b) => a - b),
        [...(exact?.compared ?? [])].sort((a, b) => a - b),
        `seed ${seed}: compared`,
      );
      verdicts.set(exact?.verdict ?? 'none', (verdicts.get(exact?.verdict ?? 'none') ?? 0) + 1);
    }
    assert.ok(
      (verdicts.get('agree') ?? 0) > 20 && (verdicts.get('conflict') ?? 0) > 20,
      `both verdicts exercised: ${JSON.stringify([...verdicts])}`,
    );
  });
});
