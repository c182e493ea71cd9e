/**
 * Sources by entity id (`pathLists.ts`): each source by its slot, an array for a few sources, a
 * bitset past that, the same answers either way. Through `PartyUsers` (which sources to re-key),
 * through the corpus's entity index (which sources name an entity), and the slots themselves.
 */
import * as assert from 'node:assert/strict';
import { Corpus } from '../../../src/core/corpus/corpus';
import {
  ARRAY_LIMIT,
  SourceSlots,
  addSlot,
  removeSlot,
  slotsIn,
  type SlotList,
} from '../../../src/core/corpus/pathLists';
import { PartyUsers } from '../../../src/core/corpus/partyUsers';
import type { SourceEntity, SourceFacts } from '../../../src/core/store/sourceFacts';
import { NO_DEALS } from '../../../src/core/store/packedDeals';
import type { StoredStatement } from '../../../src/core/store/sourceFacts';
import { seededRandom } from '../seededRandom';

function source(path: string, ids: readonly string[]) {
  const statements = ids.map(
    (id) => ({ key: { subject: { shape: 'entity', parties: [{ id, name: id }] } } }) as unknown as StoredStatement,
  );
  return { path, statements, deals: NO_DEALS };
}

suite('party users (the sources to re-key when an id resolves differently)', () => {
  test('should answer the sources using each id through any history of adds and removes', () => {
    const next = seededRandom(14);
    const users = new PartyUsers(new SourceSlots());
    const expected = new Map<string, Set<string>>();
    const held = new Map<string, readonly string[]>();
    const ids = ['entity:openai', 'entity:microsoft', 'entity:oracle'];
    for (let step = 0; step < 2000; step++) {
      const path = `a/${Math.floor(next() * 120)}.md`;
      const previous = held.get(path);
      if (previous) {
        users.remove(source(path, previous));
        for (const id of previous) expected.get(id)!.delete(path);
        held.delete(path);
      } else {
        // OpenAI in nearly every source (past the array's limit), the others in a few
        const named = ids.filter((_, i) => next() < [0.95, 0.2, 0.05][i]!);
        users.add(source(path, named));
        for (const id of named) (expected.get(id) ?? expected.set(id, new Set()).get(id)!).add(path);
        held.set(path, named);
      }
      if (step % 97 === 0 || step === 1999)
        for (const id of ids)
          assert.deepEqual(new Set(users.pathsUsing(id)), expected.get(id) ?? new Set(), `${id} at step ${step}`);
    }
    for (const [path, named] of held) users.remove(source(path, named));
    for (const id of ids) assert.deepEqual([...users.pathsUsing(id)], []);
  });

  test('should name the sources of an entity past the array limit, through removals in any order', () => {
    const next = seededRandom(15);
    const corpus = new Corpus();
    const count = ARRAY_LIMIT + 9;
    const paths = Array.from({ length: count }, (_, i) => `n/${String(i).padStart(2, '0')}.md`);
    for (const path of paths) corpus.updateFacts(namingOpenAI(path));
    const held = new Set(paths);
    const expect = () => {
      assert.equal(corpus.entity('entity:openai')?.sourceCount, held.size || undefined);
      assert.deepEqual(
        corpus.entityMentions('entity:openai').map((m) => m.path),
        [...held].sort(),
      );
    };
    expect();
    for (const path of [...paths].sort(() => next() - 0.5)) {
      corpus.remove(path);
      held.delete(path);
      if (held.size % 5 === 0) expect();
    }
    assert.equal(corpus.entity('entity:openai'), undefined);
    assert.equal(corpus.retained().entityIds, 0);
  });
});

suite('source slots and slot lists', () => {
  test("should give a removed source's slot to the next one, and name each source by its own slot", () => {
    const slots = new SourceSlots();
    assert.equal(slots.take('a.md'), 0);
    assert.equal(slots.take('b.md'), 1);
    assert.equal(slots.take('a.md'), 0, 'a source keeps its slot');
    slots.release('a.md');
    assert.equal(slots.slotOf('a.md'), undefined);
    assert.equal(slots.take('c.md'), 0, 'the freed slot is given again');
    assert.equal(slots.pathAt(0), 'c.md');
    assert.equal(slots.size, 2);
  });

  test('should hold the same slots as a set through any history, past the array limit and across word bounds', () => {
    const next = seededRandom(31);
    const lists = new Map<string, SlotList>();
    const expected = new Set<number>();
    for (let step = 0; step < 5000; step++) {
      // slots up to 200: several 32-bit words, bit 31 of each among them
      const slot = Math.floor(next() * 200);
      const isNew = expected.size === 0;
      if (expected.has(slot)) {
        assert.equal(removeSlot(lists, 'k', slot), true);
        expected.delete(slot);
      } else if (next() < 0.1) {
        assert.equal(removeSlot(lists, 'k', slot), false, 'a slot not there is not removed');
      } else {
        assert.equal(addSlot(lists, 'k', slot), isNew);
        expected.add(slot);
      }
      assert.equal(lists.has('k'), expected.size > 0, `the key goes with its last slot (step ${step})`);
      assert.deepEqual(
        [...slotsIn(lists.get('k'))].sort((a, b) => a - b),
        [...expected].sort((a, b) => a - b),
      );
    }
    assert.ok(!Array.isArray(lists.get('k')), 'the list became a bitset');
  });
});

suite('the entity index through slots given again', () => {
  test("should name the sources of an entity when removed sources' slots go to new ones, renames among them", () => {
    const next = seededRandom(32);
    const corpus = new Corpus();
    const held = new Set<string>();
    let made = 0;
    for (let step = 0; step < 400; step++) {
      const roll = next();
      const present = [...held];
      if (present.length > 0 && roll < 0.3) {
        const path = present[Math.floor(next() * present.length)]!;
        corpus.remove(path);
        held.delete(path);
      } else if (present.length > 0 && roll < 0.4) {
        const from = present[Math.floor(next() * present.length)]!;
        const to = `r/${made++}.md`;
        corpus.rename(from, to);
        held.delete(from);
        held.add(to);
      } else {
        const path = `n/${made++}.md`;
        corpus.updateFacts(namingOpenAI(path));
        held.add(path);
      }
      assert.deepEqual(
        corpus.entityMentions('entity:openai').map((m) => m.path),
        [...held].sort(),
        `step ${step}`,
      );
    }
    assert.ok(held.size > ARRAY_LIMIT, `past the array limit at the end (${held.size})`);
  });
});

/** A source that names OpenAI once, under its own path. */
function namingOpenAI(path: string): SourceFacts {
  const entity: SourceEntity = { id: 'entity:openai', name: 'OpenAI', type: 'org', aliases: [], first: 0, count: 1 };
  return {
    path,
    dateline: null,
    statements: [],
    entities: [entity],
    mentions: Int32Array.from([0, 6, 0]),
    forms: ['OpenAI'],
    deals: NO_DEALS,
  };
}
