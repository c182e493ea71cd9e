#!/usr/bin/env node
// npm run package: the .vsix a user installs — production bundles, the icon rendered from its SVG,
// then `vsce package` with nothing switched off (LICENSE, repository, images all checked by vsce).
//   node scripts/package.mjs [--out FILE] [--update-readme]
// --update-readme writes the package's size into README.md (between <!--package-size--> markers),
// so the README states what the build made; `npm test` builds it again and checks that statement.
// Prints the path and size of the .vsix on its last line.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

const root = path.join(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values } = parseArgs({
  options: { out: { type: 'string' }, 'update-readme': { type: 'boolean', default: false } },
  strict: true,
});
const { version, name } = JSON.parse(fs.readFileSync(path.join(root, 'package.json'), 'utf8'));
const out = path.resolve(values.out ?? path.join(root, `${name}-${version}.vsix`));

function run(command, args) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) {
    console.error(`package: ${[command, ...args].join(' ')} failed (${result.status ?? result.signal})`);
    process.exit(1);
  }
}

run(process.execPath, ['esbuild.mjs', '--production']);
run(process.execPath, ['scripts/icon.mjs']);
// --no-dependencies: the bundles hold every dependency (node_modules is not shipped)
run(process.execPath, [
  path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--no-dependencies',
  '--out',
  out,
]);

const kb = Math.round(fs.statSync(out).size / 1024);
if (values['update-readme']) {
  const readmePath = path.join(root, 'README.md');
  const readme = fs.readFileSync(readmePath, 'utf8');
  const updated = readme.replace(
    /<!--package-size-->[^<]*<!--\/package-size-->/,
    `<!--package-size-->${kb} KB<!--/package-size-->`,
  );
  if (updated === readme && !readme.includes(`<!--package-size-->${kb} KB`))
    console.error('package: README.md has no <!--package-size--> marker to update');
  fs.writeFileSync(readmePath, updated);
}
console.log(`package: ${path.relative(root, out) || out} ${kb} KB`);
