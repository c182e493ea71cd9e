/**
 * Paths by entity id (`pathLists.ts`): an array for a few sources, a set past that, the same
 * answers either way. Through `PartyUsers` (which sources to re-key) and through the corpus's
 * entity index (which sources name an entity).
 */
import * as assert from 'node:assert/strict';
import { Corpus } from '../../../src/core/corpus/corpus';
import { ARRAY_LIMIT } from '../../../src/core/corpus/pathLists';
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
    const users = new PartyUsers();
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
