import * as assert from 'node:assert/strict';
import cues from '../../../../src/core/extract/entities/nameCues.json';

type ListKey =
  | 'givenNames'
  | 'roleWords'
  | 'speechVerbs'
  | 'companySuffixes'
  | 'placeCues'
  | 'orgCues'
  | 'productCues'
  | 'initiativeCues'
  | 'placeWords'
  | 'governmentWords'
  | 'governmentHeads'
  | 'possessedByOrg'
  | 'dealObjectCues';

const LISTS: readonly ListKey[] = [
  'givenNames',
  'roleWords',
  'speechVerbs',
  'companySuffixes',
  'placeCues',
  'orgCues',
  'productCues',
  'initiativeCues',
  'placeWords',
  'governmentWords',
  'governmentHeads',
  'possessedByOrg',
  'dealObjectCues',
];

const LOWER_CASE_LISTS: readonly ListKey[] = [
  'roleWords',
  'speechVerbs',
  'placeCues',
  'orgCues',
  'productCues',
  'initiativeCues',
  'possessedByOrg',
  'dealObjectCues',
];
const CAPITALISED_LISTS: readonly ListKey[] = ['placeWords', 'governmentWords', 'governmentHeads'];

// Plain code-unit order, i.e. what Array.prototype.sort() does with no comparator.
function byCodeUnit(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

// One capitalised word; hyphenated parts allowed ("Jean-Pierre", "Kai-Fu", "Jae-yong").
const GIVEN_NAME = /^\p{Lu}\p{Ll}*(?:-\p{L}\p{Ll}*)*$/u;

suite('nameCues.json data', () => {
  test('has version 1 and every list', () => {
    assert.equal(cues.version, 1);
    for (const key of LISTS) {
      assert.ok(Array.isArray(cues[key]), `${key} is an array`);
      assert.ok(cues[key].length > 0, `${key} is non-empty`);
    }
  });

  for (const key of LISTS) {
    test(`${key} entries are trimmed, non-empty strings`, () => {
      for (const entry of cues[key]) {
        assert.equal(typeof entry, 'string', `${key}: ${String(entry)}`);
        assert.ok(entry.length > 0, `${key} has an empty entry`);
        assert.equal(entry, entry.trim(), `${key}: "${entry}" has outer whitespace`);
        assert.ok(!/\s{2,}/.test(entry), `${key}: "${entry}" has repeated whitespace`);
      }
    });

    test(`${key} is sorted and has no duplicates`, () => {
      const list: string[] = cues[key];
      assert.deepEqual(list, [...list].sort(byCodeUnit), `${key} is not sorted`);
      const seen = new Set<string>();
      const dupes = list.filter((entry) => (seen.has(entry) ? true : (seen.add(entry), false)));
      assert.deepEqual(dupes, [], `${key} has duplicates`);
    });
  }

  test('givenNames are capitalised single words (hyphens allowed)', () => {
    const bad = cues.givenNames.filter((name) => !GIVEN_NAME.test(name));
    assert.deepEqual(bad, []);
  });

  test('givenNames leave out names that are common words, places, products or surnames', () => {
    const names = new Set(cues.givenNames);
    for (const excluded of [
      'Will',
      'May',
      'June',
      'April',
      'Summer',
      'Hope',
      'Joy',
      'Art',
      'Rose',
      'Sue',
      'Grant',
      'Claude',
      'Alexa',
      'Gemma',
      'Jordan',
      'Austin',
      'Morgan',
      'Xi',
      'Li',
      'Wang',
    ]) {
      assert.ok(!names.has(excluded), `${excluded} should not be a given-name cue`);
    }
    for (const kept of [
      'Mark',
      'Bill',
      'Grace',
      'Satya',
      'Sundar',
      'Wei',
      'Jun',
      'Masayoshi',
      'Jae-yong',
      'Fei-Fei',
      'José',
      'Jose',
      'Mohammed',
      'Ngozi',
    ]) {
      assert.ok(names.has(kept), `${kept} should be a given-name cue`);
    }
  });

  for (const key of LOWER_CASE_LISTS) {
    test(`${key} are lower-case`, () => {
      const bad = cues[key].filter((entry) => entry !== entry.toLowerCase());
      assert.deepEqual(bad, []);
    });
  }

  for (const key of CAPITALISED_LISTS) {
    test(`${key} are capitalised single words`, () => {
      const bad = cues[key].filter((entry) => !/^\p{Lu}[\p{L}]+$/u.test(entry));
      assert.deepEqual(bad, []);
    });
  }

  test('a cue noun says one type: no word is both an organisation cue and a product or project cue', () => {
    const org = new Set(cues.orgCues);
    const both = [...cues.productCues, ...cues.initiativeCues].filter((cue) => org.has(cue));
    assert.deepEqual(both, []);
  });

  test('companySuffixes are single tokens', () => {
    assert.ok(cues.companySuffixes.length > 0);
    const bad = cues.companySuffixes.filter((suffix) => /\s/.test(suffix));
    assert.deepEqual(bad, []);
    for (const suffix of ['Inc', 'Inc.', 'Corp', 'Ltd', 'LLC', 'PLC', 'plc', 'GmbH', 'Labs', 'AI']) {
      assert.ok(cues.companySuffixes.includes(suffix), `${suffix} is a company suffix`);
    }
  });

  test('roleWords and speechVerbs include the core attribution cues', () => {
    for (const role of ['ceo', 'chief executive', 'founder', 'co-founder', 'analyst', 'spokesperson']) {
      assert.ok(cues.roleWords.includes(role), `${role} is a role word`);
    }
    for (const verb of ['said', 'says', 'told', 'wrote', 'added', 'according to']) {
      assert.ok(cues.speechVerbs.includes(verb), `${verb} is a speech verb`);
    }
  });
});
