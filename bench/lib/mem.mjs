// Memory readings of the current process from /proc (Linux); process.memoryUsage() elsewhere.
import { readFileSync } from 'node:fs';

/** Peak resident set size (VmHWM) in bytes, or the current RSS when /proc is not there. */
export function peakRss() {
  try {
    const m = /VmHWM:\s+(\d+) kB/.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) * 1024;
  } catch {
    // not Linux
  }
  return process.memoryUsage().rss;
}

/** Heap used after a full collection (needs --expose-gc; otherwise without the collection). */
export function settledHeap() {
  if (globalThis.gc) {
    globalThis.gc();
    globalThis.gc();
  }
  return process.memoryUsage().heapUsed;
}
