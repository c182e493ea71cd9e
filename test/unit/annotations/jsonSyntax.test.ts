import * as assert from 'node:assert/strict';
import { findJsonSyntaxError } from '../../../src/core/annotations/jsonSyntax';

const CASES: ReadonlyArray<{ text: string; line: number; column: number; expected: RegExp }> = [
  { text: '{"a": 1,}', line: 1, column: 9, expected: /trailing comma/ },
  { text: '[1, 2,]', line: 1, column: 7, expected: /trailing comma/ },
  { text: '{\n  "a" 1\n}', line: 2, column: 7, expected: /':'/ },
  { text: "{'a': 1}", line: 1, column: 2, expected: /double quotes/ },
  { text: '{"a": tru}', line: 1, column: 7, expected: /a value/ },
  { text: '{"a": "x\ny"}', line: 1, column: 9, expected: /line break/ },
  { text: '{"a": "\\q"}', line: 1, column: 8, expected: /escape/ },
  { text: '{"a": 1} x', line: 1, column: 10, expected: /end of the file/ },
  { text: '{"a": [1, 2', line: 1, column: 12, expected: /',' or '\]'/ },
  { text: '[01]', line: 1, column: 3, expected: /',' or '\]'/ },
  { text: '["😀", x]', line: 1, column: 8, expected: /a value/ },
];

suite('JSON syntax errors: where and what', () => {
  for (const c of CASES) {
    test(`should place the error in ${JSON.stringify(c.text)} at line ${c.line}, column ${c.column}`, () => {
      const error = findJsonSyntaxError(c.text);
      assert.ok(error);
      assert.deepEqual({ line: error.line, column: error.column }, { line: c.line, column: c.column });
      assert.match(error.expected, c.expected);
    });
  }

  test('should find no error in valid JSON', () => {
    for (const text of ['{}', '[]', '{"a": [1, -2.5e3, "\\u00e9\\n", true, false, null, {"b": {}}]}', ' 42 ', '"x"']) {
      assert.equal(findJsonSyntaxError(text), null, text);
      assert.doesNotThrow(() => JSON.parse(text));
    }
  });

  test('should report very deep nesting instead of overflowing the stack', () => {
    const error = findJsonSyntaxError('['.repeat(100_000));
    assert.ok(error && /nesting/.test(error.expected));
  });
});
