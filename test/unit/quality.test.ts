import * as assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Extraction quality, measured by the shared scorer on the seeds and on our own fixtures.
 * Floors: the thresholds on the seeds; on the fixtures, a little below today's scores
 * so that a regression fails here instead of passing silently.
 */
const repo = path.join(__dirname, '..', '..');
const scorer = path.join(repo, '..', 'shared', 'tools', 'score.mjs');

interface Summary {
  figures: { f: number };
  figureValueAccuracy: number;
  figureExactSpan: number;
  entities: { f: number };
  deals: { f: number };
  errors: number;
}

function score(gold: string, docs: string): Summary {
  const out = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-score-')), 'score.json');
  const result = spawnSync(process.execPath, [scorer, '--gold', gold, '--docs', docs, '--cmd', `"${process.execPath}" "${path.join(repo, 'bin', 'newsmark.js')}" extract {}`, '--quiet', '--json', out], { encoding: 'utf8' });
  assert.equal(result.status, 0, result.stderr);
  console.log(`      ${result.stdout.trim()}`);
  return JSON.parse(fs.readFileSync(out, 'utf8')).summary as Summary;
}

suite('quality: scores against hand-made gold', function () {
  this.timeout(240_000);
  suiteSetup(function () {
    if (!fs.existsSync(scorer)) this.skip(); // the scorer lives in ../shared beside the repo
    const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, encoding: 'utf8' });
    assert.equal(build.status, 0, build.stderr);
  });

  test('should meet the thresholds on the seeds', () => {
    const s = score(path.join(repo, '..', 'shared', 'gold-seeds'), path.join(repo, 'seeds'));
    assert.equal(s.errors, 0);
    assert.ok(s.figures.f >= 0.95, `figures F1 ${s.figures.f}`);
    assert.ok(s.figureValueAccuracy >= 0.95, `value accuracy ${s.figureValueAccuracy}`);
    assert.ok(s.figureExactSpan >= 0.9, `exact span ${s.figureExactSpan}`);
    assert.ok(s.entities.f >= 0.95, `entities F1 ${s.entities.f}`);
    assert.ok(s.deals.f >= 0.8, `deals F1 ${s.deals.f}`);
  });

  test('should not fall below today on our own fixture articles', () => {
    const s = score(path.join(repo, 'test', 'fixtures', 'gold'), path.join(repo, 'test', 'fixtures', 'articles'));
    assert.equal(s.errors, 0);
    assert.ok(s.figures.f >= 0.95, `figures F1 ${s.figures.f}`);
    assert.ok(s.figureValueAccuracy >= 0.95, `value accuracy ${s.figureValueAccuracy}`);
    assert.ok(s.entities.f >= 0.95, `entities F1 ${s.entities.f}`);
    assert.ok(s.deals.f >= 0.7, `deals F1 ${s.deals.f}`);
  });
});
