import * as assert from 'node:assert/strict';
import { analyse } from '../../../../src/core/analysis';
import { Lexicon } from '../../../../src/core/extract/entities/lexicon';

const lexicon = Lexicon.withAdditions();
const entitiesOf = (text: string, path = 'a.txt', lex = lexicon) =>
  Object.fromEntries(
    analyse({ path, text }, { lexicon: lex }).entities.map((e) => [
      e.name,
      { type: e.type, mentions: e.mentions.map((m) => m.text) },
    ]),
  );

suite('entities', () => {
  test('should resolve "Amazon Web Services (AWS)" and later "AWS" to one organisation', () => {
    const found = entitiesOf('OpenAI and Amazon Web Services (AWS) signed a deal. AWS will supply GPUs.');
    assert.deepEqual(found['Amazon Web Services'], { type: 'org', mentions: ['Amazon Web Services', 'AWS', 'AWS'] });
    assert.equal(found.AWS, undefined);
  });

  test('should read a multi-word form of an ambiguous entry even opening a sentence ("Arm Holdings", not "Holdings")', () => {
    const found = entitiesOf('Arm Holdings set its IPO price on Wednesday. Arm will list in New York.');
    assert.deepEqual(found.Arm, { type: 'org', mentions: ['Arm Holdings', 'Arm'] });
    assert.equal(found.Holdings, undefined);
    // the one-word form, a common word, is still not taken at a sentence start alone
    assert.equal(entitiesOf('Arm yourself with facts.').Arm, undefined);
  });

  test('should resolve a surname to the person named in full earlier, and possessives to the name', () => {
    const found = entitiesOf('Sam Altman spoke first. Later Altman’s team replied and Altman said no.');
    assert.deepEqual(found['Sam Altman']?.mentions, ['Sam Altman', 'Altman', 'Altman']);
  });

  test('should find a person introduced by a role or a given name, and an organisation by its legal form', () => {
    const found = entitiesOf(
      'Corvanta Labs Inc. hired chief executive Priya Ramanathan. Ramanathan said Noelle Walsh agreed.',
    );
    assert.equal(found['Corvanta Labs']?.type, 'org');
    assert.equal(found['Priya Ramanathan']?.type, 'person');
    assert.deepEqual(found['Priya Ramanathan']?.mentions, ['Priya Ramanathan', 'Ramanathan']);
  });

  test('should take a ticker in parentheses as an alias: "Helionyx Energy, Inc. (NYSE: HLNX)"', () => {
    const found = entitiesOf('Helionyx Energy, Inc. (NYSE: HLNX) rose. HLNX shares rose again.');
    assert.deepEqual(found['Helionyx Energy']?.mentions, ['Helionyx Energy', 'HLNX', 'HLNX']);
  });

  test('should match case variants of the lexicon in datelines: "SAN FRANCISCO"', () => {
    assert.equal(entitiesOf('SAN FRANCISCO, March 18 (Reuters) - Snowflake said.')['San Francisco']?.type, 'place');
  });

  test('should not take capitalised generic words, headlines or handles for names', () => {
    const found = entitiesOf(
      '# The Big Shift In Cloud Computing Deals\n\nAI and GPUs matter. Follow @TigerStars for more.',
      'a.md',
    );
    assert.deepEqual(Object.keys(found), []);
  });

  test('should give a workspace lexicon the last word: new entities and not-entities', () => {
    const custom = Lexicon.withAdditions({
      entities: [{ name: 'Vexa Robotics', type: 'org', aliases: ['Vexa'] }],
      notEntities: ['Oracle'],
    });
    const found = entitiesOf('Vexa signed with Oracle.', 'a.txt', custom);
    assert.deepEqual(Object.keys(found), ['Vexa Robotics']);
  });

  test('should never throw, whatever the text', function () {
    this.timeout(30_000);
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    const alphabet = 'Aa Bb $1,.%–-—()[]*#>\n\r\t€£¥🙂中文\u00a0\ufffd:;"“”’';
    for (let n = 0; n < 200; n++) {
      const text = Array.from({ length: 300 }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
      assert.doesNotThrow(() => analyse({ path: n % 2 ? 'a.md' : 'a.txt', text }, { lexicon }));
    }
  });
});
