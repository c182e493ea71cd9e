/**
 * The core's CRC-32 (src/core/store/crc32.ts) done by zlib where this Node has it (20.15 and
 * 22.2 on; an older one, or an editor's runtime without it, keeps the script's). Called by the
 * modules that read persisted facts, before their first read.
 */
import * as zlib from 'node:zlib';
import { useCrc32 } from '../core/store/crc32';

let isDone = false;

export function useNativeCrc32(): void {
  if (isDone) return;
  isDone = true;
  const native = (zlib as { crc32?: (data: Uint8Array, value?: number) => number }).crc32;
  if (typeof native === 'function') useCrc32((bytes) => native(bytes, 0));
}
