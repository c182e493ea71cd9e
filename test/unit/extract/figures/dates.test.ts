import * as assert from 'node:assert/strict';
import { figuresOf } from '../../helpers';

suite('figures: dates', () => {
  const cases: Array<[string, string, unknown]> = [
    ['On November 3, 2025, OpenAI', 'November 3, 2025', '2025-11-03'],
    ['Turning Point in January 2025', 'January 2025', '2025-01'],
    ['Date: Shanghai, 2025‑11‑01 10:20', '2025‑11‑01 10:20', '2025-11-01T10:20'],
    ['Dates: Dec 19–20, Beijing', 'Dec 19–20', ['--12-19', '--12-20']],
    ['SAN FRANCISCO, Sept 25 (Reuters)', 'Sept 25', '--09-25'],
    ['Paris, 2 February 2026 — Schneider', '2 February 2026', '2026-02-02'],
    ['slipped to mid‑2026', 'mid‑2026', '2026'],
    ['FY2025 revenue: $75 B', 'FY2025', 'FY2025'],
    ['in fiscal 2026', 'fiscal 2026', 'FY2026'],
    ['revenue in Q3 2025 rose', 'Q3 2025', '2025-Q3'],
    ['the third quarter of fiscal 2025', 'third quarter of fiscal 2025', '2025-Q3'],
    ['IPO planned for the second half of 2026', 'second half of 2026', '2026-H2'],
    ['Key highlights of the October agreement', 'October', '--10'],
    ['Mar: OpenAI proposed Texas data center.', 'Mar', '--03'],
    ['Summer 2024: Altman stated', '2024', '2024'],
    ['completion by end of 2026', '2026', '2026'],
    ['Microsoft’s 2019 $1 billion investment', '2019', '2019'],
    ['over 2025–2026', '2025–2026', ['2025', '2026']],
  ];
  for (const [sentence, text, value] of cases) {
    test(`should date "${text}" as ${JSON.stringify(value)}`, () => {
      const found = figuresOf(sentence).find((f) => f.kind === 'date');
      assert.deepEqual([found?.text, found?.value], [text, value]);
    });
  }
});

suite('figures: not figures', () => {
  const cases: Array<[string, string]> = [
    ['numbers inside model names', 'GPT-5 and GPT‑4o beat o3-mini on MI450 and GB200 chips'],
    ['a product with a version', 'Microsoft 365 Copilot and Unit 8200 alumni'],
    ['a funding series letter', 'a Series E round'],
    ['a rule named by numbers', 'the 12/6 fundraising rule'],
    ['vague amounts', 'tens of billions, billions of dollars, hundreds of thousands of GPUs and millions of CPUs'],
    ['weekdays and relative dates', 'on Monday, last year and next summer'],
    ['word multipliers', 'profits could double or triple'],
    ['discourse counts', 'for two reasons: there are three immediate implications'],
    ['referential counts', 'the two companies agreed'],
    ['a keycap list marker', '1️⃣ The Financial Firewall'],
    ['a phone number', 'call +1 713-555-0142 today'],
    ['a law named by its year', 'under the Securities Act of 1933'],
    ['an idiom', 'One day, consumer devices will run models locally'],
    ['a handle with digits', 'follow a16z and T3 Chat'],
    ['May as a verb', 'The company May want to hedge'],
  ];
  for (const [what, sentence] of cases) {
    test(`should find no figure in ${what}: "${sentence}"`, () => {
      assert.deepEqual(
        figuresOf(sentence).map((f) => f.text),
        [],
      );
    });
  }
});

suite('figures: qualifiers', () => {
  const cases: Array<[string, string | null]> = [
    ['up to $100 billion', 'up-to'],
    ['about $6.7 trillion', 'about'],
    ['roughly 140,000 GPUs', 'about'],
    ['nearly 40% of revenue', 'nearly'],
    ['more than 5,000 employees', 'more-than'],
    ['at least $2 billion', 'at-least'],
    ['less than 1% of sales', 'less-than'],
    ['Over six years, they built', null],
    ['$38 billion', null],
  ];
  for (const [phrase, qualifier] of cases) {
    test(`should qualify "${phrase}" as ${qualifier}`, () => {
      assert.equal(figuresOf(phrase)[0]?.qualifier, qualifier);
    });
  }
});

suite('figures: words that are names of object properties', () => {
  test('should not read "constructor" or "toString" as numbers, months or currencies', () => {
    assert.deepEqual(
      figuresOf('OpenAI signed constructor deals worth $5 billion, toString hasOwnProperty valueOf.').map((f) => [
        f.text,
        f.kind,
      ]),
      [['$5 billion', 'money']],
    );
  });
});
