import * as assert from 'node:assert/strict';
import { crc32 as zlibCrc32 } from 'node:zlib';
import * as fc from 'fast-check';
import { crc32 } from '../../../src/core/store/crc32';

suite('store: CRC-32 of a persisted entry', () => {
  test('should give the check value of the standard ("123456789" → cbf43926) and 0 for nothing', () => {
    assert.equal(crc32(new TextEncoder().encode('123456789')), 0xcbf43926);
    assert.equal(crc32(new Uint8Array(0)), 0);
  });

  test("should agree with zlib's CRC-32 on any bytes, of any length and offset in their buffer", () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(7), (bytes, offset) => {
        const inside = new Uint8Array(bytes.length + offset);
        inside.set(bytes, offset);
        const view = inside.subarray(offset);
        assert.equal(crc32(view), zlibCrc32(view));
      }),
      { numRuns: 500 },
    );
  });
});
