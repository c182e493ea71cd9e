import * as assert from 'node:assert/strict';
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { writeAll } from '../../../src/cli/output';

/** `writeAll` as a full, non-blocking pipe answers it: a few bytes taken at a time, or EAGAIN. */
suite('cli: writeAll into a slow pipe', function () {
  this.timeout(60_000);
  let temp = '';
  setup(() => (temp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-write-'))));
  teardown(() => fs.rmSync(temp, { recursive: true, force: true }));

  /** What a reader that takes 16 KB every few milliseconds got of what `write` wrote into a FIFO opened non-blocking. */
  async function throughSlowPipe(write: (fd: number) => void): Promise<Buffer> {
    const fifo = path.join(temp, 'fifo');
    const got = path.join(temp, 'got');
    assert.equal(spawnSync('mkfifo', [fifo]).status, 0, 'mkfifo');
    const reader = spawn(process.execPath, [
      '-e',
      `const fs = require('fs'); const fd = fs.openSync(${JSON.stringify(fifo)}, 'r'); const out = fs.openSync(${JSON.stringify(got)}, 'w');
       const b = Buffer.alloc(16384); let n; const pause = new Int32Array(new SharedArrayBuffer(4));
       while ((n = fs.readSync(fd, b, 0, b.length, null)) > 0) { fs.writeSync(out, b, 0, n); Atomics.wait(pause, 0, 0, 3); }`,
    ]);
    const done = new Promise<number | null>((resolve) => reader.on('exit', resolve));
    // opening for writing blocks until the reader has opened its end; then a non-blocking one
    // beside it (the reader never sees the pipe without a writer, which would be its end)
    const blocking = fs.openSync(fifo, fs.constants.O_WRONLY);
    const nonBlocking = fs.openSync(fifo, fs.constants.O_WRONLY | fs.constants.O_NONBLOCK);
    fs.closeSync(blocking);
    try {
      write(nonBlocking);
    } finally {
      fs.closeSync(nonBlocking);
    }
    assert.equal(await done, 0);
    return fs.readFileSync(got);
  }

  test('should write every piece, in order, whatever the pipe takes at a time', async () => {
    const piece = (n: number, byte: number) => Buffer.alloc(n, byte);
    // large and small pieces, empty ones, a view into a larger buffer: as a cached line is given
    const whole = Buffer.from(Array.from({ length: 300_000 }, (_, i) => i % 251));
    const pieces = [
      piece(11, 0x7b),
      whole.subarray(1000, 250_000),
      piece(0, 0),
      piece(9, 0x2c),
      piece(400_000, 0x61),
      piece(2, 0x7d),
    ];
    const got = await throughSlowPipe((fd) => {
      writeAll(fd, pieces);
      writeAll(fd, 'and text after\n');
    });
    assert.ok(got.equals(Buffer.concat([...pieces, Buffer.from('and text after\n')])), `got ${got.length} bytes`);
  });
});
