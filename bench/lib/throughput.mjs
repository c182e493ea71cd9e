// Rows 1 and 2: analysis throughput of the engine against remark-parse, and the reference
// libraries, on the same texts. Every measurement runs in a child process (throughput-child.mjs)
// with a heap large enough for the text, so that memory is measured honestly.
import { fileURLToPath } from 'node:url';
import { median, mbPerS } from './stats.mjs';
import { runNode, lastJson } from './spawn.mjs';

const CHILD = fileURLToPath(new URL('./throughput-child.mjs', import.meta.url));

/** Heap limit per text size: enough that no run is slowed (or killed) by a full heap. */
const HEAP_MB = { '20KB': 4096, '36KB': 4096, '1MB': 8192, '10MB': 16384 };

/** Timing plan per size: warm-up runs, timed runs, and the subjects timed side by side. */
const PLAN = {
  '20KB': { warmup: 5, runs: 15, subjects: ['engine', 'remark', 'engine-parse'] },
  '36KB': { warmup: 5, runs: 15, subjects: ['engine', 'remark', 'engine-parse'] },
  '1MB': { warmup: 1, runs: 7, subjects: ['engine', 'remark', 'engine-parse'] },
  // 10 MB: one run per subject, each alone in its process between two 1 MB runs, stopped after a time limit
  '10MB': { warmup: 0, runs: 1, subjects: ['engine', 'remark', 'engine-parse'], alone: true },
};

async function child(config, { timeoutMs = 0, log }) {
  const heap = HEAP_MB[config.size];
  const r = await runNode([`--max-old-space-size=${heap}`, '--expose-gc', CHILD, JSON.stringify(config)], {
    timeoutMs,
  });
  if (r.timedOut) return { timedOut: true, wallMs: r.wallMs };
  if (r.code !== 0) {
    log(`  child failed (${config.subjects.join(', ')} on ${config.size}): ${r.stderr.slice(-1500)}`);
    return { failed: true, error: r.stderr.slice(-1500) };
  }
  return lastJson(r.stdout);
}

function summarise(sub, chars, bytes) {
  const med = median(sub.times);
  return {
    runs: sub.times.length,
    medianMs: med,
    minMs: Math.min(...sub.times),
    maxMs: Math.max(...sub.times),
    mbPerS: mbPerS(bytes, med),
    firstMs: sub.firstMs,
    importMs: sub.importMs,
    retainedBytes: sub.retainedBytes,
    summary: sub.summary,
    times: sub.times,
    chars,
    bytes,
  };
}

/**
 * Row 1. Returns { sizes: { [size]: { chars, bytes, subjects: { [name]: summary + peakRss } } } }.
 * `tenMbFactor`: a 10 MB child is stopped after this many times the subject's 1 MB median.
 */
export async function throughputRow({ bundles, sizes, tenMbFactor, log }) {
  const out = { plan: PLAN, heapMb: HEAP_MB, sizes: {} };
  for (const size of sizes) {
    const plan = PLAN[size];
    const entry = (out.sizes[size] = { subjects: {} });
    const base = { size, engine: bundles.engine };
    if (!plan.alone) {
      log(`row 1: ${size}: ${plan.subjects.join(', ')} interleaved, ${plan.warmup} warm-up + ${plan.runs} runs`);
      const r = await child({ ...base, subjects: plan.subjects, warmup: plan.warmup, runs: plan.runs }, { log });
      if (r.failed) continue;
      entry.chars = r.chars;
      entry.bytes = r.bytes;
      entry.sharedPeakRss = r.peakRss;
      for (const [name, sub] of Object.entries(r.subjects)) entry.subjects[name] = summarise(sub, r.chars, r.bytes);
      // memory: each subject alone in a fresh process, import + one run
      for (const name of plan.subjects) {
        const m = await child({ ...base, subjects: [name], warmup: 0, runs: 1 }, { log });
        if (!m.failed) entry.subjects[name].peakRss = m.peakRss;
      }
    } else {
      for (const name of plan.subjects) {
        const oneMb = out.sizes['1MB']?.subjects[name]?.medianMs;
        // the run itself may take tenMbFactor × the 1 MB median; the 1 MB companion runs add 3 × that
        const timeoutMs = oneMb ? Math.max(60_000, (tenMbFactor + 3) * oneMb) : 0;
        log(
          `row 1: ${size}: ${name} alone, one run between 1 MB runs${timeoutMs ? `, stopped after ${(timeoutMs / 1000).toFixed(0)} s (${tenMbFactor}× its 1 MB median, + the 1 MB runs)` : ''}`,
        );
        const r = await child(
          { ...base, subjects: [name], warmup: 0, runs: 1, companion: '1MB', retained: false },
          { timeoutMs, log },
        );
        if (r.timedOut) {
          entry.subjects[name] = { timedOut: true, limitMs: timeoutMs, runs: 0 };
          continue;
        }
        if (r.failed) continue;
        entry.chars = r.chars;
        entry.bytes = r.bytes;
        const companionMs = r.subjects[name].companionMs ?? [];
        entry.subjects[name] = {
          ...summarise(r.subjects[name], r.chars, r.bytes),
          peakRss: r.peakRss,
          companionMs,
          oneMbSameProcessMs: companionMs.length ? companionMs.reduce((a, b) => a + b, 0) / companionMs.length : null,
        };
      }
    }
  }
  return out;
}

/** Which reference sizes run: all small ones; a big one only if projected under the budget. */
export async function referenceRow({ sizes, budgetMs, log }) {
  const out = { budgetMs, libraries: {} };
  for (const name of ['compromise', 'recognizers']) {
    const lib = (out.libraries[name] = {});
    let last = null; // { bytes, medianMs } of the largest size measured
    let stoppedAt = null; // a size whose run was stopped: bigger ones are not tried
    for (const size of sizes) {
      const small = size === '20KB' || size === '36KB';
      const plan = small ? { warmup: 2, runs: 7 } : { warmup: 0, runs: 1 };
      let limitMs = 0;
      if (!small && stoppedAt) {
        log(`row 2: ${name} on ${size}: skipped, ${stoppedAt} was already stopped`);
        lib[size] = { skipped: true, after: stoppedAt };
        continue;
      }
      if (!small && last) {
        const bytes = size === '1MB' ? 1_010_042 : 10_028_292;
        const projectedMs = (last.medianMs * bytes) / last.bytes; // linear: a lower bound when the library is superlinear
        if (projectedMs > budgetMs) {
          log(
            `row 2: ${name} on ${size}: skipped, projected ≥ ${(projectedMs / 1000).toFixed(0)} s per run (budget ${(budgetMs / 1000).toFixed(0)} s)`,
          );
          lib[size] = { skipped: true, projectedMs };
          continue;
        }
        limitMs = Math.max(budgetMs, 3 * projectedMs); // three times linear: a superlinear library is stopped
      }
      log(
        `row 2: ${name} on ${size}: ${plan.warmup} warm-up + ${plan.runs} run(s)${limitMs ? `, stopped after ${(limitMs / 1000).toFixed(0)} s` : ''}`,
      );
      const r = await child({ size, subjects: [name], ...plan }, { timeoutMs: limitMs, log });
      if (r.timedOut) {
        lib[size] = { timedOut: true, limitMs };
        stoppedAt = size;
        continue;
      }
      if (r.failed) continue;
      lib[size] = { ...summarise(r.subjects[name], r.chars, r.bytes), peakRss: r.peakRss };
      last = { bytes: r.bytes, medianMs: lib[size].medianMs };
    }
  }
  return out;
}
