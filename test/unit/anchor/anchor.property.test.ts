// Properties of anchoring over random articles and random edits (fast-check, a fixed seed so a
// failure replays): an annotation is never moved onto other text.
//  - edits that leave the quote's own text alone keep it anchored, on exactly that text;
//  - deleting the quoted sentence orphans it, whatever else was edited — even when look-alike
//    sentences (same words, other figures) stay around it;
//  - an edit inside the quote that leaves its neighbours alone is followed, onto the edited text.
import * as assert from 'node:assert/strict';
import fc from 'fast-check';
import { anchor, describe } from '../../../src/core/anchor/index';

const SEED = 20261205;
const RUNS = 1000;

const COMPANIES = ['Microsoft', 'Amazon', 'Oracle', 'Nvidia', 'Alphabet', 'Meta'];
const VERBS = ['invested', 'committed', 'pledged', 'spent'];

/** A sentence from a small vocabulary, so that neighbours look alike; `n` makes each one unique. */
const sentence = (n: number, company: number, verb: number, separator: string) =>
  `${separator}${COMPANIES[company % COMPANIES.length]} ${VERBS[verb % VERBS.length]} $${n} billion in OpenAI in ${2000 + (n % 25)}.`;

interface Article {
  readonly sentences: string[];
  readonly quoted: number;
}

const article = fc
  .record({
    count: fc.integer({ min: 3, max: 12 }),
    listStyle: fc.constantFrom('\n- ', ' ', '\n\n'),
    picks: fc.array(fc.tuple(fc.nat(5), fc.nat(3)), { minLength: 12, maxLength: 12 }),
    quoted: fc.nat(),
  })
  .map(({ count, listStyle, picks, quoted }): Article => ({
    sentences: Array.from({ length: count }, (_, i) =>
      sentence(10 + i * 7, picks[i]![0], picks[i]![1], i === 0 ? '' : listStyle),
    ),
    quoted: quoted % count,
  }));

/** A random edit somewhere in `text` outside `[start, end)`: insert, delete or replace up to 20 characters. */
const editOutside = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  remove: fc.nat(20),
  insert: fc.string({ maxLength: 20 }),
});

function applyOutside(
  text: string,
  start: number,
  end: number,
  edit: { at: number; remove: number; insert: string },
): { text: string; start: number; end: number } {
  const before = start;
  const after = text.length - end;
  const pickBefore = before > 0 && (after === 0 || edit.at < before / (before + after));
  if (pickBefore) {
    const at = Math.floor(edit.at * before);
    const remove = Math.min(edit.remove, before - at);
    const shift = edit.insert.length - remove;
    return { text: text.slice(0, at) + edit.insert + text.slice(at + remove), start: start + shift, end: end + shift };
  }
  const at = end + Math.floor(((edit.at * (before + after) - before) / Math.max(1, after)) * after);
  const clamped = Math.min(Math.max(at, end), text.length);
  const remove = Math.min(edit.remove, text.length - clamped);
  return { text: text.slice(0, clamped) + edit.insert + text.slice(clamped + remove), start, end };
}

function join(a: Article): { text: string; start: number; end: number } {
  const text = a.sentences.join('');
  const quote = a.sentences[a.quoted]!.replace(/^\s+/, '');
  const start = a.sentences.slice(0, a.quoted).join('').length + (a.sentences[a.quoted]!.length - quote.length);
  return { text, start, end: start + quote.length };
}

suite('anchor: properties over random articles and edits', function () {
  this.timeout(60_000);

  test('should keep an annotation anchored on exactly its text through edits that leave that text alone', () => {
    fc.assert(
      fc.property(article, fc.array(editOutside, { maxLength: 8 }), (a, edits) => {
        const original = join(a);
        const stored = describe(original.text, original.start, original.end);
        let current = original;
        for (const edit of edits) current = applyOutside(current.text, current.start, current.end, edit);
        // an edit may have made a second copy of the quote, or the text may hold one already: skip those
        fc.pre(
          current.text.indexOf(stored.quote.exact) === current.start &&
            current.text.indexOf(stored.quote.exact, current.start + 1) < 0,
        );
        const result = anchor(current.text, stored);
        assert.equal(result.status, 'anchored');
        if (result.status === 'anchored') assert.deepEqual([result.start, result.end], [current.start, current.end]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('should orphan an annotation whose sentence was deleted, never anchor it on a look-alike', () => {
    fc.assert(
      fc.property(article, fc.array(editOutside, { maxLength: 4 }), (a, edits) => {
        const original = join(a);
        const stored = describe(original.text, original.start, original.end);
        const without = { ...a, sentences: a.sentences.filter((_, i) => i !== a.quoted) };
        let text = without.sentences.join('');
        for (const edit of edits) text = applyOutside(text, 0, 0, edit).text;
        fc.pre(!text.includes(stored.quote.exact));
        const result = anchor(text, stored);
        assert.equal(
          result.status,
          'orphan',
          `anchored on ${JSON.stringify(result.status === 'anchored' ? text.slice(result.start, result.end) : '')}`,
        );
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });

  test('should follow an edit inside the quote (a figure changed) while its neighbours stay', () => {
    fc.assert(
      fc.property(article, fc.integer({ min: 1, max: 9 }), (a, digit) => {
        const original = join(a);
        const stored = describe(original.text, original.start, original.end);
        const quote = stored.quote.exact;
        const edited = quote.replace(/\$(\d+)/, (_, n: string) => `$${n}${digit}`);
        fc.pre(edited !== quote);
        const text = original.text.slice(0, original.start) + edited + original.text.slice(original.end);
        fc.pre(text.indexOf(edited) === original.start && text.indexOf(edited, original.start + 1) < 0);
        const result = anchor(text, stored);
        assert.equal(result.status, 'anchored');
        if (result.status === 'anchored')
          assert.deepEqual([result.start, result.end], [original.start, original.start + edited.length]);
      }),
      { seed: SEED, numRuns: RUNS },
    );
  });
});
