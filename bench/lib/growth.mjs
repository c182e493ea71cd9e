// Row 6 driver: runs growth-child.mjs in its own process; the ratios are computed here.
import { fileURLToPath } from 'node:url';
import { runNode, lastJson } from './spawn.mjs';

const CHILD = fileURLToPath(new URL('./growth-child.mjs', import.meta.url));
export const STAGES = [
  'parse',
  'segment',
  'extract',
  'keying',
  'corpus',
  'conflicts',
  'verdicts',
  'shard facts',
  'output',
];

export async function growthRow({ bundles, runs, log }) {
  log(`row 6: hostile inputs doubled twice, each stage timed, ${runs} rounds`);
  const r = await runNode([
    '--max-old-space-size=4096',
    '--expose-gc',
    CHILD,
    JSON.stringify({ engine: bundles.engine, runs }),
  ]);
  if (r.code !== 0) throw new Error(`growth child failed: ${r.stderr.slice(-2000)}`);
  const out = lastJson(r.stdout);
  for (const points of Object.values(out.families)) {
    for (let i = 1; i < points.length; i++) {
      const [a, b] = [points[i - 1], points[i]];
      // stages under 2 ms are timer noise: their ratio is not a growth
      b.growth = Object.fromEntries(STAGES.map((s) => [s, Math.max(a.ms[s], b.ms[s]) < 2 ? null : b.ratios[s]]));
      b.growth.outputBytes = b.outputBytes / a.outputBytes;
    }
  }
  return out;
}
