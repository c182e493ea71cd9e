/** A source's entities as columns: the objects made from them are the objects they were made from. */
import * as assert from 'node:assert/strict';
import { entityCount, findEntity, fromEntityColumns, toEntityColumns } from '../../../src/core/store/entityColumns';
import type { SourceEntity } from '../../../src/core/store/sourceFacts';
import { StringPool } from '../../../src/core/store/stringPool';

const ENTITIES: SourceEntity[] = [
  { id: 'entity:openai', name: 'OpenAI', type: 'org', aliases: [], first: 0, count: 3 },
  { id: 'entity:amazon-web-services', name: 'Amazon Web Services', type: 'org', aliases: ['AWS'], first: 3, count: 2 },
  { id: 'entity:sam-altman', name: 'Sam Altman', type: 'person', aliases: [], first: 5, count: 1 },
  {
    id: 'entity:stargate',
    name: 'Stargate',
    type: 'initiative',
    aliases: ['Stargate UAE', 'Project Stargate'],
    first: 6,
    count: 4,
  },
  { id: 'entity:abilene', name: 'Abilene, Texas', type: 'place', aliases: [], first: 10, count: 1 },
  { id: 'entity:gpt-5', name: 'GPT-5', type: 'product', aliases: [], first: 11, count: 2 },
  { id: 'entity:devday', name: 'DevDay', type: 'event', aliases: [], first: 13, count: 1 },
];

suite('entity columns (a source’s entities as the corpus keeps them)', () => {
  test('should give back every entity field for field, in order', () => {
    const columns = toEntityColumns(ENTITIES);
    assert.equal(entityCount(columns), ENTITIES.length);
    assert.deepEqual(fromEntityColumns(columns), ENTITIES);
    assert.deepEqual(findEntity(columns, 'entity:stargate'), ENTITIES[3]);
    assert.equal(findEntity(columns, 'entity:nobody'), undefined);
    assert.deepEqual(fromEntityColumns(toEntityColumns([])), []);
  });

  test('should keep aliases only for the entities that have them', () => {
    const columns = toEntityColumns(ENTITIES);
    assert.deepEqual([...columns.aliases!.keys()], [1, 3]);
    assert.equal(toEntityColumns([ENTITIES[0]!]).aliases, null);
  });

  test('should refuse a type it cannot store rather than store another', () => {
    const odd = { ...ENTITIES[0]!, type: 'planet' } as unknown as SourceEntity;
    assert.throws(() => toEntityColumns([odd]), /unknown entity type "planet"/);
  });
});

suite('string pool: parties shared by fact keys', () => {
  test('should share one party object per id and name, and give back its strings with the last', () => {
    const pool = new StringPool();
    const a = pool.internParty({ id: 'entity:openai', name: 'OpenAI' });
    const b = pool.internParty({ id: 'entity:openai', name: 'OpenAI' });
    const c = pool.internParty({ id: 'entity:openai', name: 'Open AI' });
    assert.equal(a, b);
    assert.notEqual(a, c);
    assert.equal(pool.partyCount, 2);
    assert.equal(pool.size, 3, 'the id once, two names');
    pool.releaseParty(a);
    assert.equal(pool.partyCount, 2, 'b still holds it');
    pool.releaseParty(b);
    pool.releaseParty(c);
    pool.releaseParty(c); // once too often: nothing happens
    assert.deepEqual([pool.partyCount, pool.size], [0, 0]);
  });
});
