// Row 8: map and reduce (issue 14 §4). A generated corpus (bench/lib/corpus.mjs) is indexed by
// one run of `newsmark merge <folder>`, then split into 8 shards, each written by
// `newsmark extract --jsonl --jobs 1` (the map step), and the shards merged by `newsmark merge`
// (the reduce step). The row reports each step's time and peak RSS, whether the merge's bytes
// equal the one run's, and the JSON lines' size per input byte (and the share of `facts`).
// The one run is timed before and after the map and reduce, and the ratio is to their mean, so
// that both sides see the same machine load.
import { createHash } from 'node:crypto';
import { closeSync, mkdtempSync, openSync, readFileSync, readSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { articleFiles, writeCorpus } from './corpus.mjs';
import { onInterrupt, runNode } from './spawn.mjs';

export const SHARDS = 8;

/** Bytes of the file, and of the `facts` part of its source lines (read in chunks: a shard can pass 512 MB). */
function jsonlSizes(file) {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 22);
  let factsBytes = 0;
  let rest = '';
  try {
    for (let read; (read = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      const lines = (rest + chunk.toString('latin1', 0, read)).split('\n');
      rest = lines.pop();
      for (const line of lines) {
        const at = line.lastIndexOf(',"facts":{"engine":');
        if (at >= 0) factsBytes += line.length - at;
      }
    }
  } finally {
    closeSync(fd);
  }
  return { bytes: statSync(file).size, factsBytes };
}

const sha256 = (file) => createHash('sha256').update(readFileSync(file)).digest('hex');

export async function mergeRow({ bundles, count, log }) {
  const root = mkdtempSync(join(tmpdir(), 'newsmark-bench-merge-'));
  const forget = onInterrupt(() => rmSync(root, { recursive: true, force: true }));
  try {
    log(`row 8: writing ${count} articles`);
    const corpus = writeCorpus(join(root, 'corpus'), { count });
    const files = articleFiles(join(root, 'corpus')).map((f) => relative(root, f));
    const cli = (args, out) => runNode([bundles.cli, ...args, '--out', out], { cwd: root, measureRss: true });
    const step = (run) => {
      if (run.code !== 0) throw new Error(`exit ${run.code}: ${run.stderr.split('\n')[0]}`);
      return { wallMs: run.wallMs, peakRss: run.maxRssBytes };
    };
    log('row 8: one run (newsmark merge corpus --jobs 1)');
    const before = step(await cli(['merge', 'corpus', '--jobs', '1'], 'one.json'));
    log(`row 8: map, ${SHARDS} × newsmark extract --jsonl --jobs 1`);
    const map = [];
    for (let k = 0; k < SHARDS; k++) {
      const part = files.slice(Math.floor((k * files.length) / SHARDS), Math.floor(((k + 1) * files.length) / SHARDS));
      map.push({
        ...step(await cli(['extract', ...part, '--jsonl', '--jobs', '1'], `shard-${k}.jsonl`)),
        ...jsonlSizes(join(root, `shard-${k}.jsonl`)),
      });
    }
    log(`row 8: reduce, newsmark merge of ${SHARDS} shards`);
    const reduce = step(await cli(['merge', ...map.map((_, k) => `shard-${k}.jsonl`)], 'merged.json'));
    log('row 8: one run again');
    const after = step(await cli(['merge', 'corpus', '--jobs', '1'], 'one-again.json'));
    const oneMs = (before.wallMs + after.wallMs) / 2;
    const shardBytes = map.reduce((n, m) => n + m.bytes, 0);
    return {
      corpus,
      shards: SHARDS,
      one: { before, after, wallMs: oneMs, peakRss: Math.max(before.peakRss ?? 0, after.peakRss ?? 0) || null },
      map: {
        wallMs: map.reduce((n, m) => n + m.wallMs, 0),
        peakRss: Math.max(...map.map((m) => m.peakRss ?? 0)) || null,
        runs: map,
      },
      reduce,
      isEqual: sha256(join(root, 'merged.json')) === sha256(join(root, 'one.json')),
      outputBytes: statSync(join(root, 'one.json')).size,
      jsonl: {
        bytes: shardBytes,
        factsBytes: map.reduce((n, m) => n + m.factsBytes, 0),
        perInputByte: shardBytes / corpus.bytes,
      },
    };
  } finally {
    rmSync(root, { recursive: true, force: true });
    forget();
  }
}
