/**
 * Shards are read a line at a time. The last line of `extract --jsonl` (the shard's own deals and
 * conflicts, 173 MB of JSON at 10,000 articles, more than MAX_LINE_BYTES past about 15,000) is
 * read past without being held: `merge` makes them again. Every other line is given whole, or
 * said to be too long.
 */
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { forEachLine } from '../../../src/cli/lines';

suite('cli: shards read line by line', () => {
  let temp = '';
  setup(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-lines-test-'));
  });
  teardown(() => fs.rmSync(temp, { recursive: true, force: true }));

  function read(text: string, options: Parameters<typeof forEachLine>[3]) {
    const file = path.join(temp, 'shard.jsonl');
    fs.writeFileSync(file, text);
    const lines: Array<[number, string]> = [];
    const tooLong: Array<[number, number]> = [];
    const fd = fs.openSync(file, 'r');
    try {
      forEachLine(
        fd,
        (line, n) => lines.push([n, line]),
        (n, bytes) => tooLong.push([n, bytes]),
        options,
      );
    } finally {
      fs.closeSync(fd);
    }
    return { lines, tooLong };
  }

  test('should read past the lines that start with passOver, whatever their length, and give every other line', () => {
    // the first line ends 4 bytes before the first chunk does (1 MB): the next line's start spans two chunks
    const first = `{"source":"${'a'.repeat((1 << 20) - 4 - 13)}"}`;
    const deals = `{"deals":[${'{"n":1},'.repeat(250_000)}{"n":2}],"conflicts":[]}`;
    const text = [first, deals, '{"de', '{"deals"', '', `{"source":"é"}\r`, deals, '{"source":"last"}'].join('\n');
    const { lines, tooLong } = read(text, { passOver: '{"deals":', maxLineBytes: 3 << 19 });
    assert.equal(Buffer.byteLength(`${first}\n`), (1 << 20) - 3);
    assert.deepEqual(
      lines.map(([n, line]) => [n, line.length > 40 ? `${line.slice(0, 10)}…` : line]),
      [
        [1, '{"source":…'],
        [3, '{"de'],
        [4, '{"deals"'],
        [5, ''],
        [6, '{"source":"é"}'],
        [8, '{"source":"last"}'],
      ],
    );
    assert.equal(lines[0]![1], first);
    assert.ok(deals.length > 3 << 19, 'the deals line is over the length limit, yet not said to be too long');
    assert.deepEqual(tooLong, []);
  });

  test('should say a line is too long, and hold none of it, unless it starts with passOver', () => {
    const long = `{"source":"${'x'.repeat(5000)}"}`;
    const deals = `{"deals":["${'x'.repeat(5000)}"]}`;
    const text = `${long}\n${deals}\n{"ok":1}\n`;
    assert.deepEqual(read(text, { passOver: '{"deals":', maxLineBytes: 1000 }), {
      lines: [[3, '{"ok":1}']],
      tooLong: [[1, long.length]],
    });
    assert.deepEqual(read(text, { maxLineBytes: 1000 }), {
      lines: [[3, '{"ok":1}']],
      tooLong: [
        [1, long.length],
        [2, deals.length],
      ],
    });
    assert.deepEqual(read(text, {}).lines.length, 3, 'without options, every line is given');
  });
});
