import * as assert from 'node:assert/strict';
import { Lexicon, type LexiconEntry } from '../../../../src/core/extract/entities/lexicon';
import { formTokens, nameTokens, type NameToken } from '../../../../src/core/extract/entities/nameTokens';
import { assertAgreeOnWordTexts } from '../../helpers';

/** Forms that share first and second words, separators that differ, an ambiguous word, a product in the plural. */
const ENTRIES: LexiconEntry[] = [
  { name: 'Google', type: 'org', aliases: ['Alphabet'] },
  { name: 'Google Cloud', type: 'org', aliases: ['Google Cloud Platform', 'GCP'] },
  { name: 'Google DeepMind', type: 'org' },
  { name: 'New York', type: 'place', aliases: ['NYC'] },
  { name: 'New York Times', type: 'org', aliases: ['The New York Times'] },
  { name: 'GPT-4o', type: 'product', aliases: ['GPT 4o'] },
  { name: 'GPT-4', type: 'product' },
  { name: 'Pixel', type: 'product' },
  { name: 'Apple', type: 'org', ambiguous: true },
  { name: 'Cloud', type: 'product', ambiguous: true },
];

/** The definition: every form (and its capitals copy) with the word's first token, longest first, the first whose words and separators follow. */
function matchPlainly(tokens: readonly NameToken[], i: number) {
  const forms: Array<{ tokens: string[]; separators: string[]; entry: number; isAmbiguous: boolean }> = [];
  ENTRIES.forEach((entry, index) => {
    for (const form of new Set([entry.name, ...(entry.aliases ?? []), ...(entry.tickers ?? [])])) {
      forms.push({ ...formTokens(form), entry: index, isAmbiguous: !!entry.ambiguous && !form.includes(' ') });
      const upper = form.toUpperCase();
      if (upper !== form && form.length >= 4 && /\p{Ll}/u.test(form))
        forms.push({ ...formTokens(upper), entry: index, isAmbiguous: entry.type !== 'place' && !form.includes(' ') });
    }
  });
  const word = tokens[i]!.text;
  const own = forms.filter((f) => f.tokens[0] === word).sort((a, b) => b.tokens.length - a.tokens.length);
  if (own.length === 0) {
    const singular = word.length > 3 && word.endsWith('s') ? word.slice(0, -1) : undefined;
    const plural = forms.find(
      (f) =>
        f.tokens.length === 1 && f.tokens[0] === singular && ENTRIES[f.entry]!.type === 'product' && !f.isAmbiguous,
    );
    return plural && { name: ENTRIES[plural.entry]!.name, first: i, last: i, isAmbiguous: false };
  }
  const form = own.find((f) =>
    f.tokens.every((t, k) => k === 0 || (tokens[i + k]?.text === t && tokens[i + k]!.before === f.separators[k])),
  );
  return (
    form && {
      name: ENTRIES[form.entry]!.name,
      first: i,
      last: i + form.tokens.length - 1,
      isAmbiguous: form.isAmbiguous,
    }
  );
}

suite('entities: lexicon matching', () => {
  const lexicon = new Lexicon(ENTRIES);
  const matches = (text: string) => {
    const tokens = nameTokens(text);
    return tokens.map((_, i) => {
      const match = lexicon.matchAt(tokens, i);
      return match && { name: match.entry.name, first: match.first, last: match.last, isAmbiguous: match.isAmbiguous };
    });
  };
  const plainly = (text: string) => {
    const tokens = nameTokens(text);
    return tokens.map((_, i) => matchPlainly(tokens, i));
  };

  test('should take the longest form at each word', () => {
    assert.deepEqual(matches('Google Cloud Platform and GPT 4o, Pixels')[0], {
      name: 'Google Cloud',
      first: 0,
      last: 2,
      isAmbiguous: false,
    });
    assert.equal(matches('GPT 4o')[0]?.name, 'GPT-4o');
    assert.equal(matches('GPT-4 Turbo')[0]?.name, 'GPT-4');
    assert.equal(matches('Pixels sold')[0]?.name, 'Pixel');
    assert.equal(matches('Apples')[0], undefined); // an ambiguous word has no plural
  });

  test('should match as the plain definition does, for any run of words', () => {
    const words = [
      'Google',
      'GOOGLE',
      'Cloud',
      'CLOUD',
      'Platform',
      'DeepMind',
      'New',
      'York',
      'Times',
      'The',
      'GPT',
      '4o',
      '4',
      'Pixels',
      'Apple',
      'NYC',
      'of',
    ];
    assertAgreeOnWordTexts(words, [' ', '-', ', ', '  ', ''], 3000, matches, plainly);
  });
});
