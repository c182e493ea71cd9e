import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Extraction quality, measured by the shared scorer on three sets: the seeds, ../shared/dev-gold
 * (real articles from tech news at large, source lines stripped) and our own fixture articles.
 * Floors sit a little under today's scores, so that a regression fails here instead of passing
 * silently; raise them when the scores rise. The gold and the scorer live in ../shared beside
 * the repository: when it is missing, every test below is reported PENDING with the reason.
 */
const repo = path.join(__dirname, '..', '..');
const shared = path.join(repo, '..', 'shared');
const scorer = path.join(shared, 'tools', 'score.mjs');

interface Summary {
  figures: { f: number };
  figuresTyped: { f: number };
  figureValueAccuracy: number;
  figureExactSpan: number;
  entities: { f: number };
  entityTypeAccuracy: number;
  deals: { f: number; p: number; r: number };
  dealKindAccuracy: number;
  errors: number;
}

interface Floors {
  readonly figures: number;
  readonly figureValue: number;
  readonly entities: number;
  readonly deals: number;
  readonly dealKinds: number;
}

interface GoldSet {
  readonly name: string;
  readonly gold: string;
  readonly docs: string;
  readonly options: readonly string[];
  /** Measured on the deals branch, December 2026 (see the commit that set them). */
  readonly floors: Floors;
}

const SETS: readonly GoldSet[] = [
  // measured: figures 100.0 (value 100%), entities 96.4, deals 88.9 (kind 95.8%)
  {
    name: 'the seeds',
    gold: path.join(shared, 'gold-seeds'),
    docs: path.join(repo, 'seeds'),
    options: [],
    floors: { figures: 0.99, figureValue: 0.99, entities: 0.95, deals: 0.87, dealKinds: 0.9 },
  },
  // measured: figures 97.9 (value 99.5%), entities 97.3, deals 88.9 (kind 91.7%)
  {
    name: 'dev-gold (real articles, source lines stripped)',
    gold: path.join(shared, 'dev-gold', 'gold'),
    docs: path.join(shared, 'dev-gold', 'articles'),
    options: ['--strip-source'],
    floors: { figures: 0.97, figureValue: 0.98, entities: 0.95, deals: 0.88, dealKinds: 0.9 },
  },
  // measured: figures 99.0 (value 98.0%), entities 96.9, deals 80.9 (kind 97.2%)
  {
    name: 'our own fixture articles',
    gold: path.join(repo, 'test', 'fixtures', 'gold'),
    docs: path.join(repo, 'test', 'fixtures', 'articles'),
    options: [],
    floors: { figures: 0.98, figureValue: 0.97, entities: 0.95, deals: 0.79, dealKinds: 0.95 },
  },
];

function score(set: GoldSet): Summary {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-score-')), 'score.json');
  const cmd = `"${process.execPath}" "${path.join(repo, 'bin', 'newsmark.js')}" extract {}`;
  const result = spawnSync(
    process.execPath,
    [scorer, '--gold', set.gold, '--docs', set.docs, '--cmd', cmd, ...set.options, '--quiet', '--json', out],
    { encoding: 'utf8' },
  );
  assert.equal(result.status, 0, result.stderr);
  console.log(`      ${result.stdout.trim()}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')).summary as Summary;
}

function missing(set: GoldSet): string | undefined {
  for (const p of [scorer, set.gold, set.docs]) if (!fs.existsSync(p)) return p;
  return undefined;
}

suite('quality: scores against hand-made gold', function () {
  this.timeout(300_000);
  const isSharedThere = fs.existsSync(scorer);
  suiteSetup(function () {
    if (!isSharedThere) return;
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  for (const set of SETS) {
    const title = `should hold the floors on ${set.name}`;
    const absent = missing(set);
    if (absent) {
      // reported, not silently skipped: a test with no body is listed as pending
      console.warn(
        `quality: PENDING — ${absent} is missing, so ${set.name} cannot be scored (../shared beside the repository holds the gold and the scorer)`,
      );
      test(`${title} — PENDING: ${absent} is missing`);
      continue;
    }
    test(title, () => {
      const s = score(set);
      const f = set.floors;
      assert.equal(s.errors, 0, 'documents the extractor failed on');
      assert.ok(s.figures.f >= f.figures, `figures F1 ${s.figures.f} < ${f.figures}`);
      assert.ok(
        s.figureValueAccuracy >= f.figureValue,
        `figure value accuracy ${s.figureValueAccuracy} < ${f.figureValue}`,
      );
      assert.ok(s.entities.f >= f.entities, `entities F1 ${s.entities.f} < ${f.entities}`);
      assert.ok(s.deals.f >= f.deals, `deals F1 ${s.deals.f} < ${f.deals}`);
      assert.ok(s.dealKindAccuracy >= f.dealKinds, `deal kind accuracy ${s.dealKindAccuracy} < ${f.dealKinds}`);
    });
  }
});
