#!/usr/bin/env node
// npm run score: the shared scorer on the seeds, on ../shared/dev-gold (real articles, their
// source line stripped) and on our own fixture articles, with the CLI as the extractor.
// Per-document detail unless --quiet; the last line of each block is the summary.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = join(dirname(fileURLToPath(import.meta.url)), '..');
const shared = join(repo, '..', 'shared');
const scorer = join(shared, 'tools', 'score.mjs');
if (!existsSync(scorer)) {
  console.error(`npm run score: the scorer is not at ${scorer} (it lives in ../shared beside the repository)`);
  process.exit(2);
}
const build = spawnSync(process.execPath, ['esbuild.mjs'], { cwd: repo, stdio: 'inherit' });
if (build.status !== 0) process.exit(build.status ?? 1);
const cmd = `"${process.execPath}" "${join(repo, 'bin', 'newsmark.js')}" extract {}`;
const extra = process.argv.slice(2);
let failed = false;
for (const [name, gold, docs, options] of [
  ['seeds', join(shared, 'gold-seeds'), join(repo, 'seeds'), []],
  [
    'dev-gold (../shared/dev-gold, source lines stripped)',
    join(shared, 'dev-gold', 'gold'),
    join(shared, 'dev-gold', 'articles'),
    ['--strip-source'],
  ],
  ['fixtures', join(repo, 'test', 'fixtures', 'gold'), join(repo, 'test', 'fixtures', 'articles'), []],
]) {
  console.log(`\n== ${name}`);
  if (!existsSync(gold) || !existsSync(docs)) {
    console.log(`   not scored: ${existsSync(gold) ? docs : gold} is missing`);
    failed = true;
    continue;
  }
  const result = spawnSync(
    process.execPath,
    [scorer, '--gold', gold, '--docs', docs, '--cmd', cmd, ...options, ...extra],
    { stdio: 'inherit' },
  );
  failed ||= result.status !== 0;
}
process.exit(failed ? 1 : 0);
