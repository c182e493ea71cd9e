// Regenerates the published JSON Schemas, schemas/<name>.schema.json, from the zod schemas in
// src/core/schema.ts (SCHEMAS), so that they are never written by hand.
//   node scripts/schemas.mjs           write them
//   node scripts/schemas.mjs --check   write nothing; exit 1 when one is stale, missing or extra
// test/unit/export.test.ts fails as well when a committed schema is stale.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';

const root = path.resolve(path.dirname(new URL(import.meta.url).pathname), '..');
const folder = path.join(root, 'schemas');
const isCheck = process.argv.includes('--check');

const bundle = await esbuild.build({
  entryPoints: [path.join(root, 'src/core/schema.ts')],
  bundle: true,
  write: false,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  logLevel: 'warning',
});
const schemaModule = await import(
  `data:text/javascript;base64,${Buffer.from(bundle.outputFiles[0].text).toString('base64')}`
);

const expected = new Map(
  Object.keys(schemaModule.SCHEMAS).map((name) => [`${name}.schema.json`, schemaModule.jsonSchemaFileText(name)]),
);
const present = fs.existsSync(folder) ? fs.readdirSync(folder).filter((f) => f.endsWith('.schema.json')) : [];
const stale = [...expected]
  .filter(
    ([file, text]) =>
      !fs.existsSync(path.join(folder, file)) || fs.readFileSync(path.join(folder, file), 'utf8') !== text,
  )
  .map(([file]) => file);
const extra = present.filter((file) => !expected.has(file));

if (isCheck) {
  for (const file of stale) console.error(`schemas/${file} is stale or missing`);
  for (const file of extra) console.error(`schemas/${file} has no zod schema in src/core/schema.ts`);
  if (stale.length + extra.length > 0) console.error('Run `node scripts/schemas.mjs` and commit the result.');
  process.exitCode = stale.length + extra.length > 0 ? 1 : 0;
} else {
  fs.mkdirSync(folder, { recursive: true });
  for (const file of stale) fs.writeFileSync(path.join(folder, file), expected.get(file));
  for (const file of extra) fs.rmSync(path.join(folder, file));
  console.log(`schemas/: ${stale.length} written, ${extra.length} removed, ${expected.size - stale.length} unchanged`);
}
