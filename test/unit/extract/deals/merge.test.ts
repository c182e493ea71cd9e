import * as assert from 'node:assert/strict';
import { dealId, type Deal } from '../../../../src/core/extract/deals/deal';
import { mergeDeals } from '../../../../src/core/extract/deals/merge';

/** A deal as one source tells it, with one mention at `start`. */
function told(
  path: string,
  start: number,
  partyIds: readonly string[],
  fields: Partial<Pick<Deal, 'value' | 'date' | 'isDateInferred' | 'currency'>> = {},
): Deal {
  const value = fields.value ?? null;
  const currency = value === null ? null : (fields.currency ?? 'USD');
  const date = fields.date ?? null;
  return {
    id: dealId('investment', partyIds, value, currency, date),
    parties: partyIds.map((id) => id.replace('entity:', '')),
    partyIds,
    kind: 'investment',
    value,
    currency,
    date,
    isDateInferred: fields.isDateInferred ?? false,
    isPartyInferred: false,
    status: 'announced',
    mentions: [
      {
        path,
        sentenceIndex: 0,
        start,
        end: start + 10,
        sentence: 'a sentence',
        value,
        currency,
        date,
        status: 'announced',
      },
    ],
  };
}

suite('deals: merging the deals of several sources', () => {
  test('should name a deal by its parties in one order, whatever order a source gives them in', () => {
    assert.equal(
      dealId('investment', ['entity:nvidia', 'entity:anthropic'], 1e10, 'USD', '2025-11'),
      'deal:investment:anthropic+nvidia:10000000000USD:2025-11',
    );
    assert.equal(
      dealId('investment', ['entity:anthropic', 'entity:nvidia'], 1e10, 'USD', '2025-11'),
      dealId('investment', ['entity:nvidia', 'entity:anthropic'], 1e10, 'USD', '2025-11'),
    );
    // three parties, an id without the prefix, and "entity:" only at the start is taken off
    assert.equal(
      dealId('partnership', ['entity:zeta', 'acme', 'entity:b-entity:x'], null, null, null),
      'deal:partnership:acme+b-entity:x+zeta:na:na',
    );
    assert.equal(dealId('partnership', ['entity:solo'], null, null, null), 'deal:partnership:solo:na:na');
  });

  test('should join an unstated amount to the stated deal it belongs to, whichever source comes first', () => {
    const parties = ['entity:microsoft', 'entity:openai'];
    const unvalued = told('a.md', 5, parties);
    const valued = told('b.md', 7, [...parties].reverse(), { value: 1e10 });
    for (const input of [
      [unvalued, valued],
      [valued, unvalued],
    ]) {
      const merged = mergeDeals(input);
      assert.equal(merged.length, 1);
      assert.equal(merged[0]!.value, 1e10);
      assert.deepEqual(
        merged[0]!.mentions.map((m) => m.path),
        ['a.md', 'b.md'],
      );
    }
  });

  test('should keep apart amounts that differ, ordered by their first mentions', () => {
    const parties = ['entity:amazon', 'entity:anthropic'];
    const merged = mergeDeals([told('b.md', 1, parties, { value: 8e9 }), told('a.md', 9, parties, { value: 4e9 })]);
    assert.deepEqual(
      merged.map((d) => [d.value, d.mentions[0]!.path]),
      [
        [4e9, 'a.md'],
        [8e9, 'b.md'],
      ],
    );
    assert.deepEqual(mergeDeals([]), []);
    const one = told('a.md', 0, parties);
    assert.deepEqual(mergeDeals([one]), [one]);
  });

  test('should take the date a text states over the dateline, then the more precise, then the first', () => {
    const parties = ['entity:meta', 'entity:scale-ai'];
    const date = (...deals: Deal[]) => {
      const [merged] = mergeDeals(deals);
      return [merged!.date, merged!.isDateInferred];
    };
    const inferred = told('a.md', 0, parties, { value: 1e9, date: '2025-06-12', isDateInferred: true });
    const stated = told('b.md', 0, parties, { value: 1e9, date: '2025-06' });
    assert.deepEqual(date(inferred, stated), ['2025-06', false]);
    assert.deepEqual(date(stated, inferred), ['2025-06', false]);
    const precise = told('c.md', 0, parties, { value: 1e9, date: '2025-06-13' });
    assert.deepEqual(date(stated, precise), ['2025-06-13', false]);
    assert.deepEqual(date(precise, stated), ['2025-06-13', false]);
    // two datelines never contradict: on a tie, the first source's
    const later = told('d.md', 0, parties, { value: 1e9, date: '2025-06-14', isDateInferred: true });
    assert.deepEqual(date(inferred, later), ['2025-06-12', true]);
    assert.deepEqual(date(later, inferred), ['2025-06-14', true]);
    assert.deepEqual(date(told('e.md', 0, parties, { value: 1e9 }), precise), ['2025-06-13', false]);
  });
});
