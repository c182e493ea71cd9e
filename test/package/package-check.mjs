#!/usr/bin/env node
// The package a user installs is what gets tested:
//   node test/package/package-check.mjs
// 1. builds the .vsix with scripts/package.mjs (into a temp folder; the README is not touched);
// 2. checks what it holds: the bundles, LICENSE, CHANGELOG, README, icon (a 128×128 PNG), the
//    schemas — and nothing else (no sources, tests, source maps or node_modules);
// 3. checks that the README states its size as the build made it (`npm run package` writes it);
// 4. installs it into a real VS Code (code-server --install-extension, no development folder),
//    opens a seed in the browser and waits for Newsmark's highlights on the page.
// Exit 0 = passed, 1 = failed. NEWSMARK_SKIP_SETUP=1 skips harness/setup.sh.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import zlib from 'node:zlib';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
const t0 = Date.now();
const log = (m) => console.log(`[package-check +${((Date.now() - t0) / 1000).toFixed(1)}s] ${m}`);
const failures = [];
const check = (ok, what) => {
  if (ok) log(`ok: ${what}`);
  else {
    failures.push(what);
    console.error(`[package-check] FAILED: ${what}`);
  }
};

/** The entries of a zip file (the .vsix), from its central directory: name → uncompressed bytes (read on demand). */
function zipEntries(file) {
  const buf = fs.readFileSync(file);
  let eocd = buf.length - 22;
  while (eocd >= 0 && buf.readUInt32LE(eocd) !== 0x06054b50) eocd--;
  if (eocd < 0) throw new Error(`${file} is not a zip file`);
  const count = buf.readUInt16LE(eocd + 10);
  let at = buf.readUInt32LE(eocd + 16);
  const entries = new Map();
  for (let i = 0; i < count; i++) {
    const method = buf.readUInt16LE(at + 10);
    const compressedSize = buf.readUInt32LE(at + 20);
    const nameLength = buf.readUInt16LE(at + 28);
    const extraLength = buf.readUInt16LE(at + 30);
    const commentLength = buf.readUInt16LE(at + 32);
    const localHeader = buf.readUInt32LE(at + 42);
    const name = buf.toString('utf8', at + 46, at + 46 + nameLength);
    entries.set(name, () => {
      const dataStart = localHeader + 30 + buf.readUInt16LE(localHeader + 26) + buf.readUInt16LE(localHeader + 28);
      const data = buf.subarray(dataStart, dataStart + compressedSize);
      return method === 8 ? zlib.inflateRawSync(data) : data;
    });
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'newsmark-package-'));
let vs;
try {
  const vsix = path.join(tmp, 'newsmark.vsix');
  const built = spawnSync(process.execPath, [path.join(root, 'scripts', 'package.mjs'), '--out', vsix], {
    cwd: root,
    encoding: 'utf8',
  });
  process.stdout.write(
    built.stdout
      .split('\n')
      .filter((l) => /Packaged|package:|WARN|ERROR/.test(l))
      .join('\n') + '\n',
  );
  if (built.status !== 0) throw new Error(`scripts/package.mjs failed:\n${built.stderr}\n${built.stdout.slice(-2000)}`);

  const entries = zipEntries(vsix);
  const names = [...entries.keys()]
    .filter((n) => n.startsWith('extension/'))
    .map((n) => n.slice('extension/'.length))
    .sort();
  log(`the package holds: ${names.join(', ')}`);
  for (const required of [
    'package.json',
    'readme.md',
    'changelog.md',
    'LICENSE.txt',
    'dist/extension.js',
    'dist/engine.js',
    'dist/indexWorker.js',
    'dist/web/extension.js',
    'media/icon.png',
    'schemas/claims.schema.json',
  ]) {
    check(names.includes(required), `the package holds ${required}`);
  }
  // The five sample articles ship: "Open the Sample Articles" (walkthrough step one) copies them.
  const samples = names.filter((n) => /^seeds\/[^/]+\.(txt|md)$/.test(n));
  check(samples.length >= 5, `the package holds the sample articles the walkthrough opens (${samples.length})`);
  const stray = names.filter(
    (n) => /^(src|test|node_modules|scripts|bench)\/|\.map$|\.ts$|\.svg$/.test(n) && n !== 'media/newsmark.svg',
  );
  check(stray.length === 0, `nothing a user does not need (found: ${stray.join(', ') || 'none'})`);
  const icon = entries.get('extension/media/icon.png')?.();
  check(icon && icon.readUInt32BE(16) === 128 && icon.readUInt32BE(20) === 128, 'the icon is a 128×128 PNG');
  const manifest = JSON.parse(entries.get('extension/package.json')().toString('utf8'));
  check(
    manifest.icon === 'media/icon.png' && manifest.license === 'MIT' && manifest.repository && manifest.galleryBanner,
    'package.json names the icon, the licence, the repository and a gallery banner',
  );
  check(!manifest.categories.includes('Other') || manifest.categories.length > 1, 'real categories');
  const readme = entries.get('extension/readme.md')().toString('utf8');
  const relativeImages = [...readme.matchAll(/!\[[^\]]*\]\(([^)]+)\)/g)]
    .map((m) => m[1])
    .filter((u) => !/^https:\/\//.test(u));
  check(
    relativeImages.length === 0,
    `README images have absolute URLs in the package (relative: ${relativeImages.join(', ') || 'none'})`,
  );

  const kb = Math.round(fs.statSync(vsix).size / 1024);
  const stated = /<!--package-size-->(\d+) KB<!--\/package-size-->/.exec(
    fs.readFileSync(path.join(root, 'README.md'), 'utf8'),
  );
  check(
    stated && Math.abs(Number(stated[1]) - kb) <= Math.max(5, kb * 0.05),
    `README states the package size as built (${stated?.[1]} KB stated, ${kb} KB built; run \`npm run package\` to update it)`,
  );

  if (!process.env.NEWSMARK_SKIP_SETUP) {
    const setup = spawnSync('bash', [path.join(root, 'test', 'integration', 'harness', 'setup.sh')], {
      stdio: 'inherit',
    });
    if (setup.status !== 0) throw new Error('harness/setup.sh failed');
  }
  const { openFile, decorations, startVSCode } = await import('../integration/harness/ui.mjs');
  const workspace = path.join(tmp, 'seeds');
  fs.cpSync(path.join(root, 'seeds'), workspace, { recursive: true });
  for (const f of fs.readdirSync(workspace)) fs.chmodSync(path.join(workspace, f), 0o644);
  vs = await startVSCode({ vsix, workspace, log });
  const seed = fs
    .readdirSync(workspace)
    .filter((f) => f.endsWith('.txt'))
    .sort()[0];
  await openFile(vs.page, seed);
  let found = [];
  for (const until = Date.now() + 60_000; Date.now() < until;) {
    found = (await decorations(vs.page)).filter((d) => /\$38 billion|OpenAI|Amazon/.test(d.text));
    if (found.length > 0) break;
    await vs.page.waitForTimeout(250);
  }
  check(
    found.length > 0,
    `the installed package highlights the seed (${found.length} highlight(s) on "$38 billion", OpenAI or Amazon)`,
  );
  const installedFrom = fs
    .readdirSync(path.join(vs.server.dir, 'extensions'))
    .filter((n) => n.startsWith('newsmark.newsmark-'));
  check(
    installedFrom.length === 1,
    `VS Code runs the installed copy (${installedFrom.join(', ')}), not a development folder`,
  );
} catch (error) {
  failures.push(String(error?.stack ?? error));
  console.error(`[package-check] ${error?.stack ?? error}`);
} finally {
  if (vs) await vs.stop();
  fs.rmSync(tmp, { recursive: true, force: true });
}
console.log(failures.length === 0 ? '[package-check] passed' : `[package-check] ${failures.length} failure(s)`);
process.exit(failures.length === 0 ? 0 : 1);
