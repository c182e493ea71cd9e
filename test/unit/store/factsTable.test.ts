import * as assert from 'node:assert/strict';
import * as path from 'node:path';
import fc from 'fast-check';
import { analyse } from '../../../src/core/analysis';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { summariseSource } from '../../../src/core/store/sourceFacts';
import { FactsTable, factsOf, readFactsTable, shapeProblem, tableOf } from '../../../src/core/store/factsTable';
import { articlesIn, REPO } from '../corpus/fixtures';
import { syntheticArticle, syntheticLexicon } from '../corpus/syntheticArticles';

type Json = null | boolean | number | string | Json[] | { [name: string]: Json };
type Step = string | number;

const seeds = articlesIn(path.join(REPO, 'seeds'));
const tables: Json[] = [
  ...seeds.map((seed) =>
    tableOf(
      summariseSource(seed.path, analyse({ path: seed.path, text: seed.text }, { lexicon: Lexicon.withAdditions() })),
    ),
  ),
  tableOf(
    summariseSource(
      'synthetic.md',
      analyse({ path: 'synthetic.md', text: syntheticArticle(3) }, { lexicon: syntheticLexicon }),
    ),
  ),
].map((table) => JSON.parse(JSON.stringify(table)) as Json);

/** Every place in a JSON value, as the steps that reach it (the root is []). */
function placesOf(value: Json, at: Step[] = [], into: Step[][] = []): Step[][] {
  into.push(at);
  if (Array.isArray(value)) value.forEach((item, i) => placesOf(item, [...at, i], into));
  else if (value !== null && typeof value === 'object')
    for (const [name, item] of Object.entries(value)) placesOf(item, [...at, name], into);
  return into;
}

type Mutation =
  | { readonly op: 'replace'; readonly value: Json }
  | { readonly op: 'remove' }
  | { readonly op: 'add'; readonly value: Json; readonly name: string };

/** `table` with the value at `place` replaced, removed, or given one more item or field. */
function mutated(table: Json, place: readonly Step[], mutation: Mutation): Json {
  const copy = structuredClone(table);
  if (place.length === 0) return mutation.op === 'replace' ? mutation.value : copy;
  let parent = copy as Record<Step, Json>;
  for (const step of place.slice(0, -1)) parent = parent[step] as Record<Step, Json>;
  const last = place[place.length - 1]!;
  const target = parent[last];
  if (mutation.op === 'replace') parent[last] = mutation.value;
  else if (mutation.op === 'remove') {
    if (Array.isArray(parent)) parent.splice(last as number, 1);
    else delete parent[last];
  } else if (Array.isArray(target)) target.push(mutation.value);
  else if (target !== null && typeof target === 'object') target[mutation.name] = mutation.value;
  else parent[last] = mutation.value;
  return copy;
}

/** Values a damaged or hand-edited table holds: the edges of each check, and any JSON. */
const oddValue: fc.Arbitrary<Json> = fc.oneof(
  fc.constantFrom<Json>(
    -1,
    0,
    -0,
    1,
    2,
    1.5,
    2 ** 53,
    2 ** 53 - 1,
    -(2 ** 53),
    1e300,
    null,
    true,
    false,
    '',
    '0',
    'NaN',
    'Infinity',
    '-Infinity',
    'nan',
    [],
    {},
    [0],
    [0, 0],
    ['NaN', 1],
    [0, 0, 0],
    [0, 0, 0, 0],
    { count: 0, numbers: [], strings: [] },
  ),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

const mutation: fc.Arbitrary<Mutation> = fc.oneof(
  fc.record({ op: fc.constant('replace' as const), value: oddValue }),
  fc.constant({ op: 'remove' as const }),
  fc.record({ op: fc.constant('add' as const), value: oddValue, name: fc.constantFrom('extra', 'path', 'count') }),
);

suite('store: a facts table read by hand', () => {
  test('should accept every table the engine writes, and give back the facts', () => {
    for (const table of tables) {
      assert.equal(shapeProblem(table), undefined);
      const read = readFactsTable(table);
      assert.notEqual(typeof read, 'string', String(read));
      assert.deepStrictEqual(read, factsOf(FactsTable.parse(table)));
    }
  });

  test('should judge the shape of any damaged table as the zod schema does', () => {
    fc.assert(
      fc.property(
        fc.nat(tables.length - 1),
        fc.nat(),
        fc.array(mutation, { minLength: 1, maxLength: 3 }),
        (which, at, mutations) => {
          let table: Json = tables[which]!;
          let i = at;
          for (const m of mutations) {
            const places = placesOf(table);
            table = mutated(table, places[i % places.length]!, m);
            i = Math.floor(i / 7) + 13;
          }
          const byZod = FactsTable.safeParse(table);
          const problem = shapeProblem(table);
          assert.equal(
            problem === undefined,
            byZod.success,
            `hand: ${problem ?? 'holds'}; zod: ${byZod.error?.message ?? 'holds'}`,
          );
          const read = readFactsTable(table);
          if (!byZod.success) assert.equal(typeof read, 'string');
          else {
            const facts = factsOf(byZod.data);
            if (facts === undefined) assert.equal(typeof read, 'string');
            else assert.deepStrictEqual(read, facts);
          }
        },
      ),
      { numRuns: 3000 },
    );
  });

  test('should say where a table does not hold', () => {
    const table = structuredClone(tables[0]) as { statements: Json[][]; deals: { numbers: Json[] } };
    table.statements[2]![9] = 2;
    assert.equal(shapeProblem(table), 'statements.2');
    assert.equal(readFactsTable(table), 'statements.2');
    const other = structuredClone(tables[0]) as { deals: { numbers: Json[] } };
    other.deals.numbers[0] = 'infinite';
    assert.equal(readFactsTable(other), 'deals');
    assert.equal(readFactsTable([]), 'root: not an object');
  });
});
