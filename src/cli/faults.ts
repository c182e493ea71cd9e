/**
 * The hostile-input tests' stand-in for an engine failure that no real input causes any more.
 * Only in the tests' own build (esbuild `define: { NEWSMARK_FAULTS: 'true' }`); the shipped
 * bundle defines it false, and esbuild drops the code.
 */
import * as path from 'node:path';

declare const NEWSMARK_FAULTS: boolean;

export function isFaultInjection(): boolean {
  return typeof NEWSMARK_FAULTS !== 'undefined' && NEWSMARK_FAULTS;
}

/**
 * NEWSMARK_FAULT=throw:<name> throws while analysing the file of that name; oom:<name> fills the
 * heap until the thread dies.
 */
export function injectFault(filePath: string): void {
  if (!isFaultInjection()) return;
  const [kind, name] = (process.env['NEWSMARK_FAULT'] ?? '').split(':');
  if (!name || path.basename(filePath) !== name) return;
  if (kind === 'throw') throw new RangeError('injected by the test');
  if (kind === 'oom') {
    const hog: number[][] = [];
    for (;;) hog.push(new Array<number>(1 << 20).fill(hog.length));
  }
}
