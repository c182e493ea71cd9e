// Row 3 driver: runs edit-child.mjs in its own process and summarises the edit latencies.
import { fileURLToPath } from 'node:url';
import { quantile, median } from './stats.mjs';
import { runNode, lastJson } from './spawn.mjs';

const CHILD = fileURLToPath(new URL('./edit-child.mjs', import.meta.url));

export async function editRow({ bundles, edits, seed, log }) {
  log(`row 3: ${edits} one-character edits of the 20 KB article (seed ${seed}), 4 ways interleaved`);
  const config = { size: '20KB', edits, seed, warmupEdits: 10, engine: bundles.engine };
  const r = await runNode(['--max-old-space-size=4096', '--expose-gc', CHILD, JSON.stringify(config)]);
  if (r.code !== 0) throw new Error(`edit child failed: ${r.stderr.slice(-2000)}`);
  const out = lastJson(r.stdout);
  out.ways = {};
  for (const [name, times] of Object.entries(out.times)) {
    out.ways[name] = {
      p50: median(times),
      p95: quantile(times, 0.95),
      max: Math.max(...times),
      mean: times.reduce((a, b) => a + b, 0) / times.length,
    };
  }
  return out;
}
