import * as assert from 'node:assert/strict';
import { anchor, describe } from '../../../src/core/anchor/index';
import type { AnchorResult } from '../../../src/core/annotations/model';
import { marked } from './spanMarker';

interface AnchorCase {
  readonly name: string;
  /** The text when the annotation was made, its range marked ⟦…⟧. */
  readonly before: string;
  /** The edited text with the range expected now marked, or null when it must be an orphan. */
  readonly after: string | null;
  readonly afterText?: string;
  readonly method?: 'position' | 'exact' | 'fuzzy';
}

const LEAD = 'On November 3, 2025, OpenAI and Amazon Web Services unveiled a multi-year partnership. ';
const DEAL = 'OpenAI agreed to pay Amazon $38 billion over seven years for compute.';
const TAIL = ' Analysts at Bernstein called it the largest cloud contract so far.';

function twiceMoved(): { before: string; after: string } {
  const before = 'Amazon said $38 billion was spent. Microsoft said ⟦$38 billion⟧ was not spent at all.';
  const first = before.indexOf('$38');
  const second = before.indexOf('⟦');
  const padding = 'x'.repeat(second - first);
  const shifted = `${padding}${before.replace('⟦', '').replace('⟧', '')}`;
  const expectedStart = second + padding.length;
  return {
    before,
    after: `${shifted.slice(0, expectedStart)}⟦$38 billion⟧${shifted.slice(expectedStart + '$38 billion'.length)}`,
  };
}

const CASES: readonly AnchorCase[] = [
  {
    name: 'unchanged text: found at its position',
    before: `${LEAD}⟦${DEAL}⟧${TAIL}`,
    after: `${LEAD}⟦${DEAL}⟧${TAIL}`,
    method: 'position',
  },
  {
    name: 'text inserted before: found by exact search, shifted',
    before: `${LEAD}⟦${DEAL}⟧${TAIL}`,
    after: `Breaking news. ${LEAD}⟦${DEAL}⟧${TAIL}`,
    method: 'exact',
  },
  {
    name: 'text deleted before: found by exact search',
    before: `${LEAD}⟦${DEAL}⟧${TAIL}`,
    after: `⟦${DEAL}⟧${TAIL}`,
    method: 'exact',
  },
  {
    name: 'the quote moved to another paragraph',
    before: `${LEAD}⟦${DEAL}⟧${TAIL}\n\nSecond paragraph.`,
    after: `${LEAD}${TAIL}\n\nSecond paragraph. ⟦${DEAL}⟧`,
    method: 'exact',
  },
  {
    name: 'a quote that appears twice: the copy whose context fits',
    before: 'Microsoft said ⟦$38 billion⟧ would be spent. Later, Amazon said $38 billion would not be spent.',
    after: 'In short: Microsoft said ⟦$38 billion⟧ would be spent. Later, Amazon said $38 billion would not be spent.',
    method: 'exact',
  },
  {
    name: 'a quote that appears twice in the same context: the copy nearest its old position',
    before: 'It costs $5. It costs $5. It costs ⟦$5⟧. It costs $5.',
    after: 'Yes. It costs $5. It costs $5. It costs ⟦$5⟧. It costs $5.',
    method: 'exact',
  },
  { name: 'another copy moved onto the old position: the context decides', ...twiceMoved(), method: 'exact' },
  {
    name: 'a small edit inside the quote: found by fuzzy search, the new text covered',
    before: `${LEAD}⟦${DEAL}⟧${TAIL}`,
    after: `${LEAD}⟦${DEAL.replace('$38 billion', '$38bn')}⟧${TAIL}`,
    method: 'fuzzy',
  },
  {
    name: 'a small edit inside the quote and text inserted before',
    before: `${LEAD}⟦${DEAL}⟧${TAIL}`,
    after: `Update: ${LEAD}⟦${DEAL.replace('seven', 'eight')}⟧${TAIL}`,
    method: 'fuzzy',
  },
  {
    name: 'the context edited, the quote intact',
    before: `${LEAD}⟦${DEAL}⟧${TAIL}`,
    after: `Completely different opening words here! ⟦${DEAL}⟧ And a different ending too.`,
    method: 'exact',
  },
  { name: 'the quote deleted: an orphan', before: `${LEAD}⟦${DEAL}⟧${TAIL}`, after: null, afterText: `${LEAD}${TAIL}` },
  {
    name: 'the quote rewritten beyond recognition: an orphan',
    before: `${LEAD}⟦${DEAL}⟧${TAIL}`,
    after: null,
    afterText: `${LEAD}The terms were not disclosed by either side.${TAIL}`,
  },
  {
    name: 'CRLF text with a line inserted before',
    before: 'Title\r\n\r\n⟦Nvidia shipped 3.5 million GPUs\r\nin the quarter⟧, it said.\r\n',
    after: 'Title\r\nSubtitle\r\n\r\n⟦Nvidia shipped 3.5 million GPUs\r\nin the quarter⟧, it said.\r\n',
    method: 'exact',
  },
  {
    name: 'LF text saved again with CRLF line ends: the quote across a line break still found',
    before: 'Title\n\n⟦Nvidia shipped 3.5 million GPUs\nin the quarter⟧, it said.\n',
    after: 'Title\r\n\r\n⟦Nvidia shipped 3.5 million GPUs\r\nin the quarter⟧, it said.\r\n',
    method: 'fuzzy',
  },
  {
    name: 'emoji and CJK around the quote, text inserted before',
    before: '🚀 发布：⟦字节跳动 raised $2 billion 🎉⟧ today 👍 据报道',
    after: '🔥🔥 新闻 🚀 发布：⟦字节跳动 raised $2 billion 🎉⟧ today 👍 据报道',
    method: 'exact',
  },
  {
    name: 'emoji in an edited quote: the range never splits a surrogate pair',
    before: '🚀 发布：⟦字节跳动 raised $2 billion 🎉⟧ today 👍 据报道',
    after: '🚀 发布：⟦字节跳动 raised $3 billion 🎉⟧ today 👍 据报道',
    method: 'fuzzy',
  },
  { name: 'an empty text: an orphan', before: `⟦${DEAL}⟧`, after: null, afterText: '' },
];

/** No lone surrogate: every emoji whole (String.prototype.isWellFormed is not in the ES2023 lib). */
function isWellFormed(text: string): boolean {
  return !/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/.test(text);
}

function summary(result: AnchorResult): unknown {
  return result.status === 'anchored'
    ? { status: result.status, start: result.start, end: result.end, method: result.method }
    : { status: result.status };
}

suite('anchor: re-anchoring after edits', () => {
  for (const c of CASES) {
    test(c.name, () => {
      const before = marked(c.before);
      const result = anchor(
        c.after === null ? (c.afterText ?? '') : marked(c.after).text,
        describe(before.text, before.start, before.end),
      );
      if (c.after === null) {
        assert.equal(result.status, 'orphan');
        assert.ok(result.status === 'orphan' && result.reason.length > 0, 'an orphan says why');
        return;
      }
      const after = marked(c.after);
      assert.deepEqual(summary(result), { status: 'anchored', start: after.start, end: after.end, method: c.method });
    });
  }

  test('should score an unchanged text 1 and an edited quote less', () => {
    const { text, start, end } = marked(`${LEAD}⟦${DEAL}⟧${TAIL}`);
    const stored = describe(text, start, end);
    const same = anchor(text, stored);
    const edited = anchor(text.replace('seven', 'eight'), stored);
    assert.ok(same.status === 'anchored' && same.score === 1);
    assert.ok(edited.status === 'anchored' && edited.score < 1 && edited.score > 0.6);
  });

  test('should never split a surrogate pair when an emoji inside the quote was replaced', () => {
    const { text, start, end } = marked('Launch day ⟦🚀 rockets 🚀 and more rockets⟧ for everyone.');
    const result = anchor(text.replace('🚀 and', '🛸 and'), describe(text, start, end));
    assert.equal(result.status, 'anchored');
    if (result.status !== 'anchored') return;
    const found = text.replace('🚀 and', '🛸 and').slice(result.start, result.end);
    assert.ok(isWellFormed(found), `well-formed: ${JSON.stringify(found)}`);
    assert.ok(found.startsWith('🚀') && found.endsWith('rockets'));
  });

  test('should be an orphan, not an error, when the anchor quotes nothing', () => {
    assert.equal(anchor('Some text.', describe('Some text.', 4, 4)).status, 'orphan');
  });

  test('should not throw on positions outside the text, negative or not numbers', () => {
    const quote = { exact: 'text', prefix: 'Some ', suffix: '.' };
    for (const position of [
      { start: -5, end: -1 },
      { start: 900, end: 904 },
      { start: Number.NaN, end: Number.NaN },
      { start: 8, end: 2 },
    ]) {
      const result = anchor('Some text.', { quote, position });
      assert.deepEqual(summary(result), { status: 'anchored', start: 5, end: 9, method: 'exact' });
    }
  });

  test('should re-anchor every range of an unchanged text at its position (round trip)', () => {
    const text = `${LEAD}${DEAL}${TAIL} ${LEAD}${DEAL}${TAIL}`;
    for (let start = 0; start < text.length; start += 7) {
      for (const length of [1, 5, 30, 120]) {
        const end = Math.min(text.length, start + length);
        const result = anchor(text, describe(text, start, end));
        assert.deepEqual(summary(result), { status: 'anchored', start, end, method: 'position' }, `[${start}, ${end})`);
      }
    }
  });

  test('should find an edited short quote among thousands of near-misses, by its old position and context', () => {
    const filler = 'Segment Q2 rev rose; '.repeat(2_000);
    const { text, start, end } = marked(`${filler}Our unique lead-in: ⟦Q3 rev⟧ fell sharply today. ${filler}`);
    const edited = text.replace('Q3 rev', 'Q4 rev');
    const result = anchor(edited, describe(text, start, end));
    assert.deepEqual(summary(result), { status: 'anchored', start, end, method: 'fuzzy' });
  });

  test('should find a long quote (a whole article) after an edit in its middle', () => {
    const article = Array.from({ length: 40 }, (_, i) => `Paragraph ${i}: ${DEAL} ${TAIL} (${i * 37})\n`).join('');
    const text = `Header\n${article}Footer\n`;
    const edited = text.replace('Paragraph 20:', 'Paragraph twenty:');
    const result = anchor(edited, describe(text, 7, 7 + article.length));
    assert.deepEqual(summary(result), {
      status: 'anchored',
      start: 7,
      end: 7 + article.length + 'twenty'.length - '20'.length,
      method: 'fuzzy',
    });
  });
});

const LIST = [
  '- Microsoft invested $10 billion in OpenAI in January 2023.',
  '- Microsoft invested $13 billion in OpenAI by the end of 2024.',
  '- Microsoft invested $2 billion in OpenAI in 2021.',
];

suite('anchor: never onto a look-alike neighbour', () => {
  const list = (items: readonly string[]) => `Funding history:\n\n${items.join('\n')}\n\nMore below.\n`;

  for (const [index, name] of [
    [0, 'the first'],
    [1, 'a middle'],
    [2, 'the last'],
  ] as const) {
    test(`should orphan ${name} list item deleted while a similar item remains, not move onto it`, () => {
      const text = list(LIST);
      const start = text.indexOf(LIST[index]!);
      const stored = describe(text, start, start + LIST[index]!.length);
      const after = list(LIST.filter((_, i) => i !== index));
      const result = anchor(after, stored);
      assert.equal(result.status, 'orphan', JSON.stringify(summary(result)));
    });
  }

  test('should follow a list item moved elsewhere (an exact quote outranks a fuzzy neighbour in its old place)', () => {
    const text = list(LIST);
    const start = text.indexOf(LIST[1]!);
    const stored = describe(text, start, start + LIST[1]!.length);
    const after = list([LIST[0]!, LIST[2]!, LIST[1]!]);
    assert.deepEqual(summary(anchor(after, stored)), {
      status: 'anchored',
      start: after.indexOf(LIST[1]!),
      end: after.indexOf(LIST[1]!) + LIST[1]!.length,
      method: 'exact',
    });
  });

  test('should still follow an edit inside the item while both neighbours stay', () => {
    const text = list(LIST);
    const start = text.indexOf(LIST[1]!);
    const edited = LIST[1]!.replace('$13 billion', '$13.5 billion');
    const after = list([LIST[0]!, edited, LIST[2]!]);
    assert.deepEqual(summary(anchor(after, describe(text, start, start + LIST[1]!.length))), {
      status: 'anchored',
      start: after.indexOf(edited),
      end: after.indexOf(edited) + edited.length,
      method: 'fuzzy',
    });
  });

  test('should follow edits made one after another through the last match, and keep the quote as first annotated', () => {
    let text = `Intro sentence here. ${DEAL} Closing words of the story.`;
    const first = describe(text, text.indexOf(DEAL), text.indexOf(DEAL) + DEAL.length);
    let previous: ReturnType<typeof describe>['quote'] | undefined;
    let position = first.position;
    const steps = ['$38 billion→$38bn', 'seven→eight', 'compute→computing power', 'OpenAI→Open AI', 'years→yrs'];
    for (const step of steps) {
      const [from, to] = step.split('→') as [string, string];
      text = text.replace(from, to);
      const result = anchor(text, { quote: first.quote, position }, { previous });
      assert.equal(result.status, 'anchored', `after ${step}`);
      if (result.status !== 'anchored') return;
      assert.equal(text.slice(result.start, result.end).startsWith('Open'), true);
      assert.ok(text.slice(result.end).startsWith(' Closing'), `ends at the sentence end after ${step}`);
      previous = describe(text, result.start, result.end).quote;
      position = { start: result.start, end: result.end };
    }
    assert.ok(!text.includes(DEAL), 'the original sentence is long gone; the quote was followed, step by step');
  });

  test('should orphan, not anchor, when a sentence is deleted and its look-alike is in another paragraph', () => {
    const other = DEAL.replace('$38 billion', '$28 billion').replace('Amazon', 'Oracle');
    const text = `${LEAD}${DEAL}${TAIL}\n\nElsewhere: ${other} Unrelated closing text.`;
    const start = text.indexOf(DEAL);
    const after = text.replace(DEAL, '');
    assert.equal(anchor(after, describe(text, start, start + DEAL.length)).status, 'orphan');
  });
});

suite('anchor: cost on large texts', function () {
  this.timeout(30_000);

  /** Quadratic work on 1 MB would take minutes; linear work takes well under a second. */
  const BUDGET_MS = 5_000;

  const cases: ReadonlyArray<[name: string, text: string, quote: string]> = [
    ['1 MB of one letter, the quote one letter off', 'a'.repeat(1_000_000), `${'a'.repeat(100)}b`],
    [
      '1 MB of a two-letter pattern, the quote edited in the middle',
      'ab'.repeat(500_000),
      `${'ab'.repeat(100)}x${'ab'.repeat(100)}`,
    ],
    ['1 MB of prose, a 3,000-character quote that is gone', `${LEAD}${DEAL}${TAIL}`.repeat(4_500), 'z'.repeat(3_000)],
  ];
  for (const [name, text, quote] of cases) {
    test(`should stay within budget: ${name}`, () => {
      const started = performance.now();
      const result = anchor(text, {
        quote: { exact: quote, prefix: 'prefix', suffix: 'suffix' },
        position: { start: 5, end: 5 + quote.length },
      });
      assert.ok(performance.now() - started < BUDGET_MS, `${Math.round(performance.now() - started)} ms`);
      assert.ok(result.status === 'anchored' || result.status === 'orphan');
    });
  }
});

suite('describe: the selectors of a range', () => {
  test('should tell a cut emoji from whole ones (the check the tests rely on)', () => {
    assert.ok(isWellFormed('a😀b') && !isWellFormed('a\uD83Db') && !isWellFormed('\uDE00b'));
  });

  test('should take the quote and 32 code units of context either side', () => {
    const text = `${'a'.repeat(40)}QUOTE${'b'.repeat(40)}`;
    assert.deepEqual(describe(text, 40, 45), {
      quote: { exact: 'QUOTE', prefix: 'a'.repeat(32), suffix: 'b'.repeat(32) },
      position: { start: 40, end: 45 },
    });
  });

  test('should take shorter context at the start and end of the text', () => {
    assert.deepEqual(describe('ab QUOTE cd', 3, 8), {
      quote: { exact: 'QUOTE', prefix: 'ab ', suffix: ' cd' },
      position: { start: 3, end: 8 },
    });
  });

  test('should not cut an emoji in half at the edge of the context', () => {
    const text = `${'😀'.repeat(20)}xQUOTEy${'😀'.repeat(20)}`;
    const { quote } = describe(text, 41, 46);
    assert.equal(quote.prefix, `${'😀'.repeat(15)}x`);
    assert.equal(quote.suffix, `y${'😀'.repeat(15)}`);
  });

  test('should clamp offsets outside the text', () => {
    assert.deepEqual(describe('short', -3, 99).position, { start: 0, end: 5 });
    assert.deepEqual(describe('short', 4, 2).position, { start: 4, end: 4 });
  });
});
