import * as assert from 'node:assert/strict';
import { Lexicon } from '../../../src/core/extract/entities/lexicon';
import { WorkspaceLexicon } from '../../../src/core/schema';
import {
  EMPTY_LEXICON,
  serialiseLexicon,
  withAlias,
  withEntity,
  withNotEntity,
} from '../../../src/editor/lexiconEdits';

const parse = (text: string) => WorkspaceLexicon.parse(JSON.parse(text));

suite('editor: workspace lexicon edits', () => {
  test('should write entities by name (case-insensitive), aliases sorted without duplicates, empty lists left out', () => {
    const text = serialiseLexicon({
      version: 1,
      entities: [
        { name: 'zeta Labs', type: 'org', aliases: ['ZL', 'Zeta', 'ZL', 'zeta Labs'], tickers: [] },
        { name: 'Acme', type: 'org', roles: ['investor', 'cloud'] },
        { name: 'Beta', type: 'product', aliases: [] },
      ],
      notEntities: ['Monday', 'the Board', 'monday'],
    });
    assert.equal(
      text,
      `${JSON.stringify(
        {
          version: 1,
          entities: [
            { name: 'Acme', type: 'org', roles: ['cloud', 'investor'] },
            { name: 'Beta', type: 'product' },
            { name: 'zeta Labs', type: 'org', aliases: ['Zeta', 'ZL'] },
          ],
          notEntities: ['Monday', 'the Board'],
        },
        null,
        2,
      )}\n`,
    );
  });

  test('should write the same text for the same lexicon, whatever order it was built in', () => {
    const a = withEntity(withEntity(EMPTY_LEXICON, 'Nimbrel AI', 'org'), 'Quarry Capital', 'org');
    const b = withEntity(withEntity(EMPTY_LEXICON, 'Quarry Capital', 'org'), 'Nimbrel AI', 'org');
    assert.equal(serialiseLexicon(a), serialiseLexicon(b));
    assert.equal(serialiseLexicon(parse(serialiseLexicon(a))), serialiseLexicon(a), 'a round trip changes nothing');
  });

  test('should re-type an entity the file has, and take a name back from the non-entities', () => {
    const file = withEntity(
      { ...EMPTY_LEXICON, entities: [{ name: 'Orion', type: 'product' }], notEntities: ['orion'] },
      'Orion',
      'initiative',
    );
    assert.deepEqual(file.entities, [{ name: 'Orion', type: 'initiative' }]);
    assert.deepEqual(file.notEntities, []);
  });

  test('should copy a built-in entry whole when adding an alias to it, so the workspace entry loses nothing', () => {
    const nvidia = Lexicon.withAdditions().entryNamed('Nvidia')!;
    const file = withAlias(withEntity(EMPTY_LEXICON, 'Team Green', 'org'), 'Team Green', nvidia);
    assert.deepEqual(
      file.entities.map((e) => e.name),
      ['Nvidia'],
      '"Team Green" is no longer an entity of its own',
    );
    const entry = parse(serialiseLexicon(file)).entities[0]!;
    assert.ok(entry.aliases!.includes('Team Green') && entry.aliases!.includes('NVIDIA'));
    assert.deepEqual(entry.tickers, [...nvidia.tickers!].sort());
    assert.deepEqual(entry.roles, nvidia.roles);
    const lexicon = Lexicon.withAdditions(file);
    assert.ok(
      lexicon.entryNamed('Nvidia')!.aliases!.includes('Team Green'),
      'the workspace entry wins over the built-in one',
    );
  });

  test('should add an alias to an entry the file already has, moving it from any other entry', () => {
    const start: WorkspaceLexicon = {
      version: 1,
      entities: [
        { name: 'Acme', type: 'org', aliases: ['AC'] },
        { name: 'Acme Cloud', type: 'product', aliases: ['AC'] },
      ],
      notEntities: [],
    };
    const file = withAlias(start, 'AC', { name: 'Acme Cloud', type: 'product' });
    assert.deepEqual(file.entities, [
      { name: 'Acme', type: 'org' },
      { name: 'Acme Cloud', type: 'product', aliases: ['AC'] },
    ]);
  });

  test('should mark a name as not an entity once, removing it as an entity and as an alias', () => {
    const start: WorkspaceLexicon = {
      version: 1,
      entities: [
        { name: 'Monday', type: 'event' },
        { name: 'Acme', type: 'org', aliases: ['Monday'] },
      ],
      notEntities: ['MONDAY'],
    };
    const file = withNotEntity(start, 'Monday');
    assert.deepEqual(file.entities, [{ name: 'Acme', type: 'org' }]);
    assert.deepEqual(file.notEntities, ['MONDAY']);
    assert.equal(Lexicon.withAdditions(file).isNotEntity('Monday'), true);
  });
});
