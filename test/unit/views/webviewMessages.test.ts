import * as assert from 'node:assert/strict';
import { bounded, FromDealMap, FromTimeline, isInertSvg, Picture } from '../../../src/core/webviewMessages';

suite('webview messages: what a webview may post', () => {
  test('should accept a filter and fill in what it leaves out', () => {
    const message = FromDealMap.parse({ type: 'setFilter', filter: { kinds: ['cloud-contract'] } });
    assert.deepEqual(message, {
      type: 'setFilter',
      filter: { kinds: ['cloud-contract'], from: null, to: null, minValue: null, party: null },
    });
  });

  test('should refuse unknown message types, unknown kinds, bad dates, negative amounts and extra fields', () => {
    for (const bad of [
      { type: 'runCommand', command: 'workbench.action.terminal.new' },
      { type: 'setFilter', filter: { kinds: ['gift'] } },
      { type: 'setFilter', filter: { from: '2025-13' } },
      { type: 'setFilter', filter: { minValue: -1 } },
      { type: 'setFilter', filter: { minValue: Number.POSITIVE_INFINITY } },
      { type: 'setFilter', filter: {}, extra: true },
      { type: 'reveal', dealId: 'deal:x', index: -1 },
      { type: 'reveal', dealId: '', index: 0 },
    ])
      assert.equal(FromDealMap.safeParse(bad).success, false, JSON.stringify(bad));
    assert.equal(FromTimeline.safeParse({ type: 'reveal', path: 'a.md', start: 1.5, end: 2 }).success, false);
  });

  test('should take an SVG of text and shapes, and refuse one that could run or load anything', () => {
    const ok =
      '<svg xmlns="http://www.w3.org/2000/svg" width="10" height="10"><g><text>&lt;script&gt;alert(1)&lt;/script&gt; javascript:alert(1)</text><circle r="2" fill="#fff"/></g></svg>';
    assert.ok(isInertSvg(ok), 'article text is escaped: it is only text');
    for (const bad of [
      '<svg><script>alert(1)</script></svg>',
      '<svg><g onload="alert(1)"/></svg>',
      '<svg><a href="javascript:alert(1)"><text>x</text></a></svg>',
      '<svg><image href="https://example.com/x.png"/></svg>',
      '<svg><foreignObject><div>x</div></foreignObject></svg>',
      '<svg><rect style="fill:url(https://example.com/x)"/></svg>',
      '<svg><use xlink:href="other.svg#x"/></svg>',
      '<html><svg></svg></html>',
    ])
      assert.equal(isInertSvg(bad), false, bad);
    assert.equal(Picture.safeParse({ format: 'svg', data: ok }).success, true);
  });

  test('should take a PNG only as a base64 data URL', () => {
    assert.equal(Picture.safeParse({ format: 'png', data: 'data:image/png;base64,iVBORw0KGgo=' }).success, true);
    assert.equal(Picture.safeParse({ format: 'png', data: 'data:text/html;base64,PHNjcmlwdD4=' }).success, false);
    assert.equal(Picture.safeParse({ format: 'png', data: 'data:image/png;base64,<script>' }).success, false);
  });

  test('should cut long text without splitting a surrogate pair', () => {
    assert.equal(bounded('abc', 5), 'abc');
    assert.equal(bounded('abcdef', 4), 'abc…');
    assert.equal(bounded('ab😀cd', 4), 'ab…');
  });
});
