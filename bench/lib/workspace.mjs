// Row 4: workspace scale. A synthetic corpus (corpus.mjs) in a temp folder, analysed by the
// CLI (`newsmark extract <folder> --jsonl --out <file>`, the production bundle), single
// thread (--jobs 1) and in two worker threads (--jobs 2); remark-parse over the same files is the
// baseline measured in the same run. Peak RSS through /usr/bin/time -v (else /proc sampling).
import { createHash } from 'node:crypto';
import {
  appendFileSync,
  closeSync,
  createReadStream,
  mkdtempSync,
  openSync,
  readSync,
  readdirSync,
  rmSync,
  statSync,
} from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { writeCorpus, BATCH } from './corpus.mjs';
import { runNode, lastJson, onInterrupt, GNU_TIME } from './spawn.mjs';
import { ensureHost, inHost } from './host.mjs';
import { freePort } from '../../test/integration/harness/ui.mjs';

const REMARK_CHILD = fileURLToPath(new URL('./corpus-remark-child.mjs', import.meta.url));
const RETAINED_CHILD = fileURLToPath(new URL('./corpus-retained-child.mjs', import.meta.url));
const RETAINED_SAMPLE = 2000;

const SOURCE_LINE = Buffer.from('\n{"source":');
const DEAL = Buffer.from('{"id":"deal:');

/**
 * Sources and deals in a --jsonl output, read in chunks: the output can pass the 512 MB that
 * one string may hold (each source line carries sentence texts; the last line every deal).
 */
function countOutput(file) {
  const bytes = statSync(file).size;
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  let sources = 0;
  let deals = 0;
  let carry = Buffer.from('\n');
  try {
    for (let n; (n = readSync(fd, chunk, 0, chunk.length, null)) > 0;) {
      const window = Buffer.concat([carry, chunk.subarray(0, n)]);
      sources += occurrences(window, SOURCE_LINE, carry.length);
      deals += occurrences(window, DEAL, carry.length);
      carry = window.subarray(window.length - 16); // patterns are shorter: none is counted twice or missed
    }
  } finally {
    closeSync(fd);
  }
  return { sources, deals, outputBytes: bytes };
}

/** Matches that end in the new bytes (after the `carried` bytes kept from the chunk before). */
function occurrences(buffer, pattern, carried) {
  let count = 0;
  for (let at = buffer.indexOf(pattern); at >= 0; at = buffer.indexOf(pattern, at + 1))
    if (at + pattern.length > carried) count++;
  return count;
}

/** `newsmark extract <folders> --jsonl --out <out> [extra…]`; with a limit, stopped after `limitMs`. */
async function cli(bundles, root, folders, out, limitMs = 0, jobs = 1, extra = []) {
  const r = await runNode(
    [bundles.cli, 'extract', ...folders, '--jsonl', '--jobs', String(jobs), '--out', out, ...extra],
    { measureRss: true, cwd: root, timeoutMs: limitMs },
  );
  if (r.timedOut) return { timedOut: true, limitMs, wallMs: r.wallMs, peakRss: r.maxRssBytes, rssTool: 'sampled' };
  if (r.code !== 0)
    throw new Error(`newsmark extract ${folders.join(' ')} exited with ${r.code}: ${r.stderr.slice(-1500)}`);
  const cache = /cache \S+: ([\d,]+) articles? read from it, ([\d,]+) analysed/.exec(r.stderr);
  const counts = cache
    ? { fromCache: Number(cache[1].replace(/,/g, '')), analysed: Number(cache[2].replace(/,/g, '')) }
    : {};
  return { wallMs: r.wallMs, peakRss: r.maxRssBytes, ...counts, ...countOutput(out) };
}

/** sha256 of a file from byte `start` on, streamed (the output can pass what one string holds). */
async function digestOf(file, start = 0) {
  const hash = createHash('sha256');
  for await (const chunk of createReadStream(file, { start })) hash.update(chunk);
  return hash.digest('hex');
}

/**
 * The reduce step at scale: `newsmark merge` of the one-thread run's output as one shard. Its
 * deals and conflicts must be the run's own last line, byte for byte: the merged document ends
 * with `,"deals":…,"conflicts":…}` and the last line is `{"deals":…,"conflicts":…}`.
 */
async function mergeRun({ bundles, root, shard, limitMs, log }) {
  log('row 4: newsmark merge of that output, as one shard');
  const out = join(root, 'merged.json');
  const r = await runNode([bundles.cli, 'merge', shard, '--out', out], {
    measureRss: true,
    cwd: root,
    timeoutMs: limitMs,
  });
  if (r.timedOut) return { timedOut: true, limitMs, wallMs: r.wallMs, peakRss: r.maxRssBytes };
  if (r.code !== 0) throw new Error(`newsmark merge exited with ${r.code}: ${r.stderr.slice(-1500)}`);
  const isEqual = await endsWithLastLine(out, shard);
  rmSync(out, { force: true });
  return { wallMs: r.wallMs, peakRss: r.maxRssBytes, isEqual };
}

/** Whether `document` ends with the last line of `jsonl` after its first byte (`{`), preceded by a comma. */
async function endsWithLastLine(document, jsonl) {
  const size = statSync(jsonl).size;
  const start = lastLineStart(jsonl, size);
  const tail = size - start - 1; // the last line without its '{'
  const documentSize = statSync(document).size;
  if (tail <= 0 || documentSize < tail + 1) return false;
  const comma = Buffer.alloc(1);
  const fd = openSync(document, 'r');
  try {
    readSync(fd, comma, 0, 1, documentSize - tail - 1);
  } finally {
    closeSync(fd);
  }
  return comma[0] === 0x2c && (await digestOf(jsonl, start + 1)) === (await digestOf(document, documentSize - tail));
}

/** Where the last line of a file of `size` bytes starts: after the last newline before its final one. */
function lastLineStart(file, size) {
  const fd = openSync(file, 'r');
  const chunk = Buffer.alloc(1 << 20);
  try {
    for (let end = size - 1; end > 0; end -= chunk.length) {
      const from = Math.max(0, end - chunk.length);
      const n = readSync(fd, chunk, 0, end - from, from);
      const at = chunk.subarray(0, n).lastIndexOf(0x0a);
      if (at >= 0) return from + at + 1;
    }
    return 0;
  } finally {
    closeSync(fd);
  }
}

/**
 * The persisted facts (`--cache DIR`, issue 14): a cold run that fills the cache (two worker
 * threads), a warm run over the unchanged corpus, and a run after one file changed (both one
 * thread, as the memory target is stated). The warm output must equal the run without a cache.
 */
async function cacheRuns({ bundles, root, count, limitMs, reference, log }) {
  const dir = join(root, 'cache');
  const articles = join(root, 'articles');
  log(`row 4: newsmark extract --cache, cold (fills the cache), --jobs 2, all ${count} articles`);
  const cold = {
    ...(await cli(bundles, root, [articles], join(root, 'cold.jsonl'), limitMs, 2, ['--cache', dir])),
    jobs: 2,
  };
  if (cold.timedOut) return { cold };
  log(`row 4: newsmark extract --cache, warm (nothing changed), --jobs 1`);
  const warm = {
    ...(await cli(bundles, root, [articles], join(root, 'warm.jsonl'), limitMs, 1, ['--cache', dir])),
    jobs: 1,
  };
  const isEqual =
    reference && !warm.timedOut ? (await digestOf(join(root, 'warm.jsonl'))) === (await digestOf(reference)) : null;
  const first = join(articles, 'part-0', 'batch-00', readdirSync(join(articles, 'part-0', 'batch-00')).sort()[0]);
  appendFileSync(first, '\nMeanwhile Quillon agreed to buy Harrow Data for $1.2 billion, the companies said.\n');
  log(`row 4: newsmark extract --cache after one file changed, --jobs 1`);
  const changed = {
    ...(await cli(bundles, root, [articles], join(root, 'changed.jsonl'), limitMs, 1, ['--cache', dir])),
    jobs: 1,
  };
  const cacheBytes = treeBytes(dir);
  return { cold, warm, changed, isEqual, cacheBytes };
}

function treeBytes(dir) {
  let total = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = join(dir, entry.name);
    total += entry.isDirectory() ? treeBytes(full) : statSync(full).size;
  }
  return total;
}

/**
 * The full and split CLI runs are stopped after `limitFactor` times the linear extrapolation
 * of the 1,000-article run, and never later than `limitCapMs` (at least 2 minutes): a
 * superlinear CLI would otherwise run for an hour, and a stopped run already settles a 20 s target.
 */
export async function workspaceRow({ bundles, count, limitFactor, limitCapMs, host = true, log }) {
  const root = mkdtempSync(join(tmpdir(), 'newsmark-bench-corpus-'));
  const remove = () => rmSync(root, { recursive: true, force: true });
  const forget = onInterrupt(remove);
  try {
    log(`row 4: writing ${count} synthetic articles under ${root}`);
    const g0 = performance.now();
    const corpus = writeCorpus(join(root, 'articles'), { count, parts: 2 });
    corpus.generateMs = performance.now() - g0;
    const parts = [0, 1].map((p) => join(root, 'articles', `part-${p}`));
    const firstBatches = parts.map((p) => join(p, 'batch-00'));
    const firstArticle = join(firstBatches[0], readdirSync(firstBatches[0]).sort()[0]);

    log('row 4: remark-parse over every article (baseline), one process');
    const rb = await runNode([REMARK_CHILD, bundles.engine, ...parts], { measureRss: true });
    const remark = { ...lastJson(rb.stdout), wallMs: rb.wallMs, peakRss: rb.maxRssBytes };

    const retainedSample = Math.min(RETAINED_SAMPLE, count);
    log(`row 4: ${retainedSample} articles analysed in process and kept, as an index would (retained heap)`);
    const rr = await runNode([
      '--expose-gc',
      '--max-old-space-size=8192',
      RETAINED_CHILD,
      bundles.engine,
      String(retainedSample),
      ...parts,
    ]);
    if (rr.code !== 0) throw new Error(`retained-memory child failed: ${rr.stderr.slice(-1500)}`);
    const retained = lastJson(rr.stdout);

    let index = null;
    if (host) {
      // the workspace index itself: the extension in a real VS Code on the whole folder, until idle
      log(`row 4: the workspace index in VS Code (code-server) over all ${count} articles`);
      ensureHost(log);
      // the user data and the port kept between the two launches (the workspace storage is keyed by
      // the folder's uri, which holds the port): the second is a reopened window on the same storage
      const userDataDir = join(root, 'user-data');
      const port = await freePort();
      try {
        index = await inHost({ bundles, workspace: join(root, 'articles'), timeoutS: 1200, log, userDataDir, port });
      } catch (error) {
        log(`row 4: the workspace index in VS Code failed: ${error?.stack ?? error}`);
        index = { error: String(error?.message ?? error) };
      }
      if (!index.error) {
        log(`row 4: VS Code again on the same folder and user data: a reopened window`);
        try {
          index.reopened = await inHost({
            bundles,
            workspace: join(root, 'articles'),
            timeoutS: 1200,
            log,
            userDataDir,
            port,
            reopened: true,
          });
        } catch (error) {
          log(`row 4: the reopened window failed: ${error?.stack ?? error}`);
          index.reopened = { error: String(error?.message ?? error) };
        }
      }
    }

    log('row 4: newsmark extract on one article (memory floor)');
    const one = await cli(bundles, root, [firstArticle], join(root, 'one.jsonl'));

    const sampleCount = Math.min(count, 2 * BATCH);
    log(`row 4: newsmark extract over ${sampleCount} articles (the first batch of each part: the scaling reference)`);
    const sample = { ...(await cli(bundles, root, firstBatches, join(root, 'sample.jsonl'))), articles: sampleCount };
    const linearMs = (n) => (sample.wallMs * n) / sampleCount;

    const limitOf = (n) => Math.max(120_000, Math.min(limitCapMs, limitFactor * linearMs(n)));
    const limitAll = limitOf(count);
    log(
      `row 4: newsmark extract over all ${count} articles, one process (stopped after ${(limitAll / 1000).toFixed(0)} s)`,
    );
    const single = {
      ...(await cli(bundles, root, [join(root, 'articles')], join(root, 'all.jsonl'), limitAll)),
      linearMs: linearMs(count),
    };

    log(
      `row 4: newsmark extract --jobs 2 over all ${count} articles (two worker threads; stopped after ${(limitAll / 1000).toFixed(0)} s)`,
    );
    const threads = {
      ...(await cli(bundles, root, [join(root, 'articles')], join(root, 'threads.jsonl'), limitAll, 2)),
      jobs: 2,
    };
    const merged = single.timedOut
      ? null
      : await mergeRun({ bundles, root, shard: join(root, 'all.jsonl'), limitMs: limitAll, log });
    // last: it changes one article
    const reference = !threads.timedOut
      ? join(root, 'threads.jsonl')
      : !single.timedOut
        ? join(root, 'all.jsonl')
        : null;
    const cached = await cacheRuns({ bundles, root, count, limitMs: limitAll, reference, log });
    return {
      corpus,
      rssTool: GNU_TIME ? '/usr/bin/time -v' : '/proc/<pid>/status VmHWM sampled every 50 ms',
      limitFactor,
      limitCapMs,
      remark,
      index,
      one,
      sample,
      single,
      threads,
      merged,
      cached,
      retained,
      perArticleBytes: single.timedOut ? null : (single.peakRss - one.peakRss) / count,
      perArticleBytesSample: (sample.peakRss - one.peakRss) / sampleCount,
    };
  } finally {
    remove();
    forget();
  }
}
