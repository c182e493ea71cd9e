import * as assert from 'node:assert/strict';
import { crc32 as zlibCrc32 } from 'node:zlib';
import * as fc from 'fast-check';
import { crc32, crc32InScript, useCrc32 } from '../../../src/core/store/crc32';

suite('store: CRC-32 of a persisted entry', () => {
  test('should give the check value of the standard ("123456789" → cbf43926) and 0 for nothing', () => {
    assert.equal(crc32InScript(new TextEncoder().encode('123456789')), 0xcbf43926);
    assert.equal(crc32InScript(new Uint8Array(0)), 0);
  });

  test("should agree with zlib's CRC-32 on any bytes, of any length and offset in their buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), (bytes, offset) => {
        const inside = new Uint8Array(bytes.length + offset);
        inside.set(bytes, offset);
        const view = inside.subarray(offset);
        assert.equal(crc32InScript(view), zlibCrc32(view));
      }),
      { numRuns: 500 },
    );
  });

  test("should take the platform's CRC-32 only when it gives the same answers", () => {
    const bytes = Uint8Array.from({ length: 4099 }, (_, i) => (i * 7919) & 0xff);
    // one that drops the last byte: right on the short probes, wrong on the long one
    assert.equal(
      useCrc32((b) => crc32InScript(b.length > 100 ? b.subarray(0, -1) : b)),
      false,
    );
    assert.equal(
      useCrc32(() => 0),
      false,
    );
    assert.equal(crc32(bytes), crc32InScript(bytes), 'still the script');
    let calls = 0;
    assert.equal(
      useCrc32((b) => {
        calls++;
        return zlibCrc32(b);
      }),
      true,
    );
    calls = 0;
    assert.equal(crc32(bytes), crc32InScript(bytes));
    assert.equal(calls, 1, "zlib's is used");
    useCrc32(crc32InScript);
  });
});
