/**
 * How far the CLI's heap may grow between full collections.
 *
 * After each full collection, V8 lets the heap grow to a multiple of what survived before it
 * collects again. For most programs that multiple is about 2.7. A run over a corpus is not most
 * programs. It keeps each article's compact facts, a live set that grows with every article. It
 * also throws away everything else of each analysis (parse trees, tokens, candidates) at a high
 * rate. So its heap kept about 2.7 times its facts, the rest of it garbage waiting for the next
 * full collection. At 10,000 articles that was a 1 GB heap for 370 MB of facts.
 *
 * With the multiple bounded at 1 + HEAP_GROWING_PERCENT / 100, full collections come sooner and
 * more often. Each costs a few milliseconds of marking alongside the analysis. The run's peak is
 * then close to its facts. The bench measures the time this costs (bench/README.md, row 4).
 *
 * Worker threads share the process's flags. A user who sets the flag on node's command line
 * (`node --heap-growing-percent=N bin/newsmark.js …`) keeps their value.
 */
import { setFlagsFromString } from 'node:v8';

export const HEAP_GROWING_PERCENT = 40;
const FLAG = '--heap-growing-percent';

/** Bounds the heap's growth, unless node was started with the flag; true when this set it. */
export function boundHeapGrowth(execArgv: readonly string[] = process.execArgv): boolean {
  if (execArgv.some((a) => a === FLAG || a.startsWith(`${FLAG}=`) || a.startsWith('--heap_growing_percent')))
    return false;
  setFlagsFromString(`${FLAG}=${HEAP_GROWING_PERCENT}`);
  return true;
}
